import type { Admin, Kafka } from 'kafkajs';
import { ConfigResourceTypes } from 'kafkajs';
import type { TopicSpec } from '@wair-sfcc/contracts';

/**
 * How a topic's live partition count compares with the catalogue: `added` when the missing
 * partitions were just created (`addPartitions`), `too-few` / `too-many` when a difference remains.
 */
export type PartitionState = 'match' | 'added' | 'too-few' | 'too-many';

/** What provisioning found and did for one topic. */
export interface TopicReport {
  topic: string;
  /**
   * `created`: was missing, now exists as the catalogue says; `unchanged`: matched the catalogue;
   * `fixed`: differed and every difference was repaired; `drift`: a difference remains.
   */
  action: 'created' | 'unchanged' | 'fixed' | 'drift';
  /** Config keys whose live value differed from the catalogue, `key: live → wanted` (fixed or not). */
  drift: string[];
  /** True when the configs in {@link TopicReport.drift} were applied (`fix`). */
  configsFixed: boolean;
  /** `live` is the count found, before any partitions were added. */
  partitions: { live: number; wanted: number; state: PartitionState };
}

export interface ProvisionOptions {
  /** Apply the catalogue's configs to existing topics that drifted. */
  fix?: boolean;
  /**
   * Add partitions to topics that have fewer than the catalogue. Separate from `fix` on purpose:
   * it cannot be undone and re-maps keys to partitions (see docs/deploying.md).
   */
  addPartitions?: boolean;
  /** Replication factor for new topics (1 locally, 3 in production). */
  replicationFactor?: number;
}

/** The settings we compare against the live topic: cleanup policy plus every catalogue config. */
export function wantedConfigs(spec: TopicSpec): Record<string, string> {
  return { 'cleanup.policy': spec.cleanupPolicy, ...spec.configs };
}

/** Compares live configs with the catalogue and lists differences. Pure, for unit tests. */
export function configDrift(spec: TopicSpec, live: Record<string, string | undefined>): string[] {
  return Object.entries(wantedConfigs(spec))
    .filter(([name, value]) => live[name] !== value)
    .map(([name, value]) => `${name}: ${live[name] ?? '(unset)'} → ${value}`);
}

/** Compares a live partition count with the catalogue's. */
export function partitionState(live: number, wanted: number): PartitionState {
  if (live === wanted) return 'match';
  return live < wanted ? 'too-few' : 'too-many';
}

/** The report's action from what was found and repaired. Pure, for unit tests. */
export function topicAction(
  created: boolean,
  report: Pick<TopicReport, 'drift' | 'configsFixed' | 'partitions'>,
): TopicReport['action'] {
  const configsRemain = report.drift.length > 0 && !report.configsFixed;
  const partitionsRemain = report.partitions.state === 'too-few' || report.partitions.state === 'too-many';
  if (configsRemain || partitionsRemain) return 'drift';
  if (created) return 'created';
  return report.drift.length > 0 || report.partitions.state === 'added' ? 'fixed' : 'unchanged';
}

async function describeConfigs(admin: Admin, topics: string[]): Promise<Map<string, Record<string, string>>> {
  const out = new Map<string, Record<string, string>>();
  if (topics.length === 0) return out;
  const result = await admin.describeConfigs({
    includeSynonyms: false,
    resources: topics.map((name) => ({ type: ConfigResourceTypes.TOPIC, name })),
  });
  for (const resource of result.resources) {
    const configs: Record<string, string> = {};
    for (const entry of resource.configEntries) configs[entry.configName] = entry.configValue;
    out.set(resource.resourceName, configs);
  }
  return out;
}

async function partitionCounts(admin: Admin, topics: string[]): Promise<Map<string, number>> {
  if (topics.length === 0) return new Map();
  const metadata = await admin.fetchTopicMetadata({ topics });
  return new Map(metadata.topics.map((t) => [t.name, t.partitions.length]));
}

/**
 * Creates missing topics with their configs, then reads every topic back (new ones included, so the
 * report says what the broker really holds) and reports config and partition-count drift; `fix`
 * applies the catalogue's configs, `addPartitions` raises too-low partition counts. A topic with
 * more partitions than the catalogue is only reported: Kafka cannot remove partitions.
 * Idempotent: a second run reports every topic `unchanged`.
 */
export async function provisionTopics(
  kafka: Kafka,
  specs: readonly TopicSpec[],
  options: ProvisionOptions = {},
): Promise<TopicReport[]> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const missing = specs.filter((s) => !existing.has(s.name));
    if (missing.length > 0) {
      await admin.createTopics({
        waitForLeaders: true,
        topics: missing.map((s) => ({
          topic: s.name,
          numPartitions: s.partitions,
          replicationFactor: options.replicationFactor ?? 1,
          configEntries: Object.entries(wantedConfigs(s)).map(([name, value]) => ({ name, value })),
        })),
      });
    }
    const names = specs.map((s) => s.name);
    const live = await describeConfigs(admin, names);
    const counts = await partitionCounts(admin, names);
    const reports: TopicReport[] = [];
    for (const spec of specs) {
      const drift = configDrift(spec, live.get(spec.name) ?? {});
      const configsFixed = drift.length > 0 && options.fix === true;
      if (configsFixed) {
        await admin.alterConfigs({
          validateOnly: false,
          resources: [
            {
              type: ConfigResourceTypes.TOPIC,
              name: spec.name,
              // alterConfigs replaces the whole set, so send every wanted config.
              configEntries: Object.entries(wantedConfigs(spec)).map(([name, value]) => ({ name, value })),
            },
          ],
        });
      }
      const livePartitions = counts.get(spec.name) ?? 0;
      let state = partitionState(livePartitions, spec.partitions);
      if (state === 'too-few' && options.addPartitions) {
        await admin.createPartitions({ topicPartitions: [{ topic: spec.name, count: spec.partitions }] });
        state = 'added';
      }
      const found = {
        drift,
        configsFixed,
        partitions: { live: livePartitions, wanted: spec.partitions, state },
      };
      reports.push({
        topic: spec.name,
        action: topicAction(!existing.has(spec.name), found),
        ...found,
      });
    }
    return reports;
  } finally {
    await admin.disconnect();
  }
}
