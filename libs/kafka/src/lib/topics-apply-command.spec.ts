import { topicCatalogue, type TopicSpec } from '@wair-sfcc/contracts';
import type { ProvisionOptions, TopicReport } from './topic-provisioner';
import {
  parseTopicsApplyArgs,
  renderTopicReports,
  runTopicsApply,
  TOPICS_APPLY_EXIT,
  TopicsApplyUsageError,
} from './topics-apply-command';

const report = (overrides: Partial<TopicReport> = {}): TopicReport => ({
  topic: 't.v1',
  action: 'unchanged',
  drift: [],
  configsFixed: false,
  partitions: { live: 3, wanted: 3, state: 'match' },
  ...overrides,
});

describe('parseTopicsApplyArgs', () => {
  it('defaults to a report-only run with replication factor 1', () => {
    expect(parseTopicsApplyArgs([])).toEqual({ fix: false, addPartitions: false, replicationFactor: 1 });
  });

  it('reads every flag', () => {
    expect(parseTopicsApplyArgs(['--fix', '--add-partitions', '--replication-factor', '3'])).toEqual({
      fix: true,
      addPartitions: true,
      replicationFactor: 3,
    });
  });

  it.each([
    [['--fixx']],
    [['--replication-factor']],
    [['--replication-factor', '0']],
    [['--replication-factor', 'x']],
  ])('rejects %j with the usage', (argv) => {
    expect(() => parseTopicsApplyArgs(argv)).toThrow(TopicsApplyUsageError);
    expect(() => parseTopicsApplyArgs(argv)).toThrow(/usage: npm run topics:apply/);
  });
});

describe('renderTopicReports', () => {
  it('exits 0 when every topic was created, unchanged or fixed', () => {
    const { lines, exitCode } = renderTopicReports([
      report({ topic: 'a', action: 'created' }),
      report({ topic: 'b' }),
      report({ topic: 'c', action: 'fixed', drift: ['retention.ms: 1 → 2'], configsFixed: true }),
      report({ topic: 'd', action: 'fixed', partitions: { live: 1, wanted: 3, state: 'added' } }),
    ]);
    expect(exitCode).toBe(TOPICS_APPLY_EXIT.ok);
    expect(lines).toEqual([
      'created   a',
      'unchanged b',
      'fixed     c',
      '          retention.ms: 1 → 2 (applied)',
      'fixed     d',
      '          partitions: 1 → 3 (added)',
    ]);
  });

  it('exits 1 on unfixed config drift and says how to fix it', () => {
    const { lines, exitCode } = renderTopicReports([
      report({ action: 'drift', drift: ['retention.ms: 1 → 2'] }),
    ]);
    expect(exitCode).toBe(TOPICS_APPLY_EXIT.drift);
    expect(lines).toContain('          retention.ms: 1 → 2');
    expect(lines).toContain('1 topic differs from the catalogue (exit code 1):');
    expect(lines.join('\n')).toContain('`npm run topics:apply -- --fix`');
  });

  it('exits 1 on fewer partitions, pointing at --add-partitions and its caveat', () => {
    const { lines, exitCode } = renderTopicReports([
      report({ action: 'drift', partitions: { live: 1, wanted: 3, state: 'too-few' } }),
    ]);
    expect(exitCode).toBe(TOPICS_APPLY_EXIT.drift);
    expect(lines).toContain('          partitions: 1 live, 3 in the catalogue (fewer)');
    expect(lines.join('\n')).toMatch(/--add-partitions` adds them; this re-maps keys/);
  });

  it('exits 1 on more partitions, which no flag fixes', () => {
    const { lines, exitCode } = renderTopicReports([
      report({
        action: 'drift',
        drift: ['a: 1 → 2'],
        configsFixed: true,
        partitions: { live: 6, wanted: 3, state: 'too-many' },
      }),
    ]);
    expect(exitCode).toBe(TOPICS_APPLY_EXIT.drift);
    const text = lines.join('\n');
    expect(text).toContain('partitions: 6 live, 3 in the catalogue (more; cannot be fixed here)');
    expect(text).toContain('Kafka cannot remove partitions');
    // The configs were applied: no advice to run --fix.
    expect(text).not.toContain('--fix');
  });
});

describe('runTopicsApply', () => {
  const run = async (
    argv: string[],
    provision: (s: readonly TopicSpec[], o: ProvisionOptions) => Promise<TopicReport[]>,
  ) => {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runTopicsApply({
      argv,
      specs: topicCatalogue,
      provision,
      out: (l) => out.push(l),
      err: (l) => err.push(l),
    });
    return { code, out, err };
  };

  it('passes the flags to provisioning and prints its report', async () => {
    const seen: ProvisionOptions[] = [];
    const { code, out } = await run(['--fix', '--add-partitions'], async (specs, options) => {
      seen.push(options);
      return specs.map((s) => report({ topic: s.name }));
    });
    expect(code).toBe(TOPICS_APPLY_EXIT.ok);
    expect(seen).toEqual([{ fix: true, addPartitions: true, replicationFactor: 1 }]);
    expect(out).toHaveLength(topicCatalogue.length);
  });

  it('exits 2 on a usage error without provisioning anything', async () => {
    let called = false;
    const { code, err } = await run(['--nope'], async () => {
      called = true;
      return [];
    });
    expect(code).toBe(TOPICS_APPLY_EXIT.failed);
    expect(called).toBe(false);
    expect(err.join('\n')).toMatch(/unknown argument --nope/);
  });

  it('exits 2 when provisioning fails', async () => {
    const { code, err } = await run([], async () => {
      throw new Error('broker unreachable');
    });
    expect(code).toBe(TOPICS_APPLY_EXIT.failed);
    expect(err).toEqual(['topics:apply failed: broker unreachable']);
  });
});
