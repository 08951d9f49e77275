import { topicCatalogue } from '@wair-sfcc/contracts';
import { configDrift, wantedConfigs } from './topic-provisioner';

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
