import { topicCatalogue } from '@wair-sfcc/contracts';
import {
  configDrift,
  partitionState,
  topicAction,
  wantedConfigs,
  type PartitionState,
} from './topic-provisioner';

describe('configDrift', () => {
  const spec = topicCatalogue.find((t) => t.cleanupPolicy === 'compact');
  if (!spec) throw new Error('catalogue has no compacted topic');

  it('reports nothing when the live topic matches the catalogue', () => {
    expect(configDrift(spec, { ...wantedConfigs(spec), 'unrelated.config': 'x' })).toEqual([]);
  });

  it('names each drifted or missing config with live and wanted values', () => {
    const live = { ...wantedConfigs(spec), 'cleanup.policy': 'delete' } as Record<string, string | undefined>;
    const firstExtra = Object.keys(spec.configs)[0];
    if (firstExtra) live[firstExtra] = undefined;
    const drift = configDrift(spec, live);
    expect(drift).toContain('cleanup.policy: delete → compact');
    if (firstExtra) expect(drift.some((d) => d.startsWith(`${firstExtra}: (unset) →`))).toBe(true);
  });
});

describe('partitionState', () => {
  it.each([
    [3, 3, 'match'],
    [1, 3, 'too-few'],
    [6, 3, 'too-many'],
  ] as const)('%i live, %i wanted → %s', (live, wanted, state) => {
    expect(partitionState(live, wanted)).toBe(state);
  });
});

describe('topicAction', () => {
  const clean = {
    drift: [],
    configsFixed: false,
    partitions: { live: 3, wanted: 3, state: 'match' as const },
  };
  const withState = (state: PartitionState) => ({ ...clean, partitions: { ...clean.partitions, state } });

  it('is created or unchanged when nothing differs', () => {
    expect(topicAction(true, clean)).toBe('created');
    expect(topicAction(false, clean)).toBe('unchanged');
  });

  it('is drift while a config difference is not applied, fixed once it is', () => {
    const drifted = { ...clean, drift: ['retention.ms: 1 → 2'] };
    expect(topicAction(false, drifted)).toBe('drift');
    expect(topicAction(false, { ...drifted, configsFixed: true })).toBe('fixed');
  });

  it('is drift for a partition count that differs, fixed once partitions were added', () => {
    expect(topicAction(false, withState('too-few'))).toBe('drift');
    expect(topicAction(false, withState('too-many'))).toBe('drift');
    expect(topicAction(false, withState('added'))).toBe('fixed');
  });

  it('stays drift when configs were fixed but the partition count cannot be', () => {
    expect(topicAction(false, { ...withState('too-many'), drift: ['a: 1 → 2'], configsFixed: true })).toBe(
      'drift',
    );
  });
});
