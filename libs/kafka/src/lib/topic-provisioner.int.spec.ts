import { ConfigResourceTypes, Kafka, logLevel, type Admin } from 'kafkajs';
import { topicCatalogue, type TopicSpec } from '@wair-sfcc/contracts';
import { createIntegrationRuntime, uniqueName } from '../testing/integration-helpers';
import { wantedConfigs } from './topic-provisioner';
import { runTopicsApply, TOPICS_APPLY_EXIT } from './topics-apply-command';

// The command runs on renamed catalogue entries (unique per run), never on the shared catalogue
// topics that other integration tests use.
const runtime = createIntegrationRuntime('topics-apply-int');
const compacted = topicCatalogue.find((t) => t.cleanupPolicy === 'compact' && !t.dlqFor);
const deleting = topicCatalogue.find((t) => t.cleanupPolicy === 'delete');
if (!compacted || !deleting) throw new Error('the catalogue lacks a compacted or a delete topic');

const renamed = (base: TopicSpec, name: string, partitions: number): TopicSpec => ({
  ...base,
  name,
  partitions,
});

async function apply(specs: readonly TopicSpec[], ...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runTopicsApply({
    argv,
    specs,
    provision: (s, options) => runtime.provision(s, options),
    out: (line) => out.push(line),
    err: (line) => err.push(line),
  });
  return { code, out, err, text: out.join('\n') };
}

describe('topics:apply against the broker', () => {
  let admin: Admin;
  const created: string[] = [];

  /** The topic's live configs (only the keys the catalogue sets) as the broker describes them. */
  const brokerConfigs = async (spec: TopicSpec): Promise<Record<string, string>> => {
    const result = await admin.describeConfigs({
      includeSynonyms: false,
      resources: [{ type: ConfigResourceTypes.TOPIC, name: spec.name }],
    });
    const entries = result.resources[0]?.configEntries ?? [];
    return Object.fromEntries(
      Object.keys(wantedConfigs(spec)).map((key) => [
        key,
        entries.find((e) => e.configName === key)?.configValue ?? '(unset)',
      ]),
    );
  };
  const brokerPartitions = async (topic: string): Promise<number> => {
    const metadata = await admin.fetchTopicMetadata({ topics: [topic] });
    return metadata.topics[0]?.partitions.length ?? 0;
  };
  /** Sets the whole config set (the legacy AlterConfigs replaces it) with `changes` over the catalogue's. */
  const alterOnBroker = async (spec: TopicSpec, changes: Record<string, string>): Promise<void> => {
    await admin.alterConfigs({
      validateOnly: false,
      resources: [
        {
          type: ConfigResourceTypes.TOPIC,
          name: spec.name,
          configEntries: Object.entries({ ...wantedConfigs(spec), ...changes }).map(([name, value]) => ({
            name,
            value,
          })),
        },
      ],
    });
  };

  beforeAll(async () => {
    admin = new Kafka({
      brokers: (process.env['KAFKA_BROKERS'] ?? '').split(','),
      logLevel: logLevel.NOTHING,
    }).admin();
    await admin.connect();
  });

  afterAll(async () => {
    if (created.length > 0) await admin.deleteTopics({ topics: created });
    await admin.disconnect();
  });

  it('creates missing topics with their configs, is idempotent, reports drift and fixes it with --fix', async () => {
    const prefix = uniqueName('provision');
    const table = renamed(compacted, `${prefix}.table`, 2);
    const dlq = renamed(deleting, `${prefix}.table.dlq`, 1);
    const specs = [table, dlq];
    created.push(table.name, dlq.name);

    const first = await apply(specs);
    expect(first).toMatchObject({ code: TOPICS_APPLY_EXIT.ok, err: [] });
    expect(first.out).toEqual([`created   ${table.name}`, `created   ${dlq.name}`]);
    for (const spec of specs) {
      expect(await brokerConfigs(spec)).toEqual(wantedConfigs(spec));
      expect(await brokerPartitions(spec.name)).toBe(spec.partitions);
    }

    const second = await apply(specs);
    expect(second.code).toBe(TOPICS_APPLY_EXIT.ok);
    expect(second.out).toEqual([`unchanged ${table.name}`, `unchanged ${dlq.name}`]);

    // Someone changes configs on the broker behind the catalogue's back.
    await alterOnBroker(table, { 'delete.retention.ms': '3600000' });
    await alterOnBroker(dlq, { 'retention.ms': '60000' });

    const report = await apply(specs);
    expect(report.code).toBe(TOPICS_APPLY_EXIT.drift);
    expect(report.out).toEqual(
      expect.arrayContaining([
        `drift     ${table.name}`,
        `          delete.retention.ms: 3600000 → ${wantedConfigs(table)['delete.retention.ms']}`,
        `drift     ${dlq.name}`,
        `          retention.ms: 60000 → ${wantedConfigs(dlq)['retention.ms']}`,
        '2 topics differ from the catalogue (exit code 1):',
      ]),
    );
    expect(report.text).toContain('`npm run topics:apply -- --fix`');
    // A report run changes nothing.
    expect((await brokerConfigs(table))['delete.retention.ms']).toBe('3600000');

    const fix = await apply(specs, '--fix');
    expect(fix.code).toBe(TOPICS_APPLY_EXIT.ok);
    expect(fix.out).toEqual([
      `fixed     ${table.name}`,
      `          delete.retention.ms: 3600000 → ${wantedConfigs(table)['delete.retention.ms']} (applied)`,
      `fixed     ${dlq.name}`,
      `          retention.ms: 60000 → ${wantedConfigs(dlq)['retention.ms']} (applied)`,
    ]);
    for (const spec of specs) expect(await brokerConfigs(spec)).toEqual(wantedConfigs(spec));

    const after = await apply(specs);
    expect(after.code).toBe(TOPICS_APPLY_EXIT.ok);
    expect(after.out).toEqual([`unchanged ${table.name}`, `unchanged ${dlq.name}`]);
  });

  it('reports partition counts that differ; adds missing partitions only with --add-partitions, never removes', async () => {
    const prefix = uniqueName('provision-partitions');
    const fewer = renamed(compacted, `${prefix}.fewer`, 3);
    const more = renamed(compacted, `${prefix}.more`, 2);
    created.push(fewer.name, more.name);
    // The topics exist with the catalogue's configs but other partition counts (1 and 4).
    await admin.createTopics({
      waitForLeaders: true,
      topics: [
        { spec: fewer, partitions: 1 },
        { spec: more, partitions: 4 },
      ].map(({ spec, partitions }) => ({
        topic: spec.name,
        numPartitions: partitions,
        replicationFactor: 1,
        configEntries: Object.entries(wantedConfigs(spec)).map(([name, value]) => ({ name, value })),
      })),
    });
    const specs = [fewer, more];

    const report = await apply(specs);
    expect(report.code).toBe(TOPICS_APPLY_EXIT.drift);
    expect(report.out).toEqual(
      expect.arrayContaining([
        `drift     ${fewer.name}`,
        '          partitions: 1 live, 3 in the catalogue (fewer)',
        `drift     ${more.name}`,
        '          partitions: 4 live, 2 in the catalogue (more; cannot be fixed here)',
      ]),
    );
    expect(report.text).toContain('--add-partitions` adds them');
    expect(report.text).toContain('Kafka cannot remove partitions');

    // --fix is about configs: it leaves partition counts alone, so the run still fails.
    const fix = await apply(specs, '--fix');
    expect(fix.code).toBe(TOPICS_APPLY_EXIT.drift);
    expect(await brokerPartitions(fewer.name)).toBe(1);

    const add = await apply(specs, '--add-partitions');
    expect(add.code).toBe(TOPICS_APPLY_EXIT.drift);
    expect(add.out).toEqual(
      expect.arrayContaining([
        `fixed     ${fewer.name}`,
        '          partitions: 1 → 3 (added)',
        `drift     ${more.name}`,
      ]),
    );
    expect(await brokerPartitions(fewer.name)).toBe(3);
    expect(await brokerPartitions(more.name)).toBe(4);

    const after = await apply(specs, '--add-partitions');
    expect(after.code).toBe(TOPICS_APPLY_EXIT.drift);
    expect(after.out[0]).toBe(`unchanged ${fewer.name}`);
    expect(after.out[1]).toBe(`drift     ${more.name}`);
    expect((await apply([fewer])).code).toBe(TOPICS_APPLY_EXIT.ok);
  });
});
