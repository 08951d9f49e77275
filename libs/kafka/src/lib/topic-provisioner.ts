import type { Admin, Kafka } from 'kafkajs';
import { ConfigResourceTypes } from 'kafkajs';
import type { TopicSpec } from '@wair-sfcc/contracts';

/** What provisioning found and did for one topic. */
export interface TopicReport {
  topic: string;
  action: 'created' | 'unchanged' | 'drift' | 'fixed';
  /** Config keys whose live value differs from the catalogue: `key: live → wanted`. */
  drift: string[];
  partitions: { live?: number; wanted: number };
}

export interface ProvisionOptions {
  /** Apply the catalogue's configs to existing topics that drifted. */
  fix?: boolean;
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

/**
 * Creates missing topics with their configs and reports (optionally fixes) drift on existing ones.
 * Idempotent: a second run reports everything unchanged. Partition counts are only reported:
 * adding partitions re-maps keys and breaks per-key ordering, so that is a deliberate manual step.
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
    const present = specs.filter((s) => existing.has(s.name));
    const live = await describeConfigs(
      admin,
      present.map((s) => s.name),
    );
    const metadata =
      present.length > 0
        ? await admin.fetchTopicMetadata({ topics: present.map((s) => s.name) })
        : { topics: [] };
    const partitionCounts = new Map(metadata.topics.map((t) => [t.name, t.partitions.length]));
    const reports: TopicReport[] = missing.map((s) => ({
      topic: s.name,
      action: 'created',
      drift: [],
      partitions: { wanted: s.partitions, live: s.partitions },
    }));
    for (const spec of present) {
      const drift = configDrift(spec, live.get(spec.name) ?? {});
      let action: TopicReport['action'] = drift.length === 0 ? 'unchanged' : 'drift';
      if (drift.length > 0 && options.fix) {
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
        action = 'fixed';
      }
      reports.push({
        topic: spec.name,
        action,
        drift,
        partitions: { wanted: spec.partitions, live: partitionCounts.get(spec.name) },
      });
    }
    return reports;
  } finally {
    await admin.disconnect();
  }
}
