// Strimzi resources from the topic catalogue: one KafkaTopic per topic, one KafkaUser per app whose
// ACLs allow exactly what the catalogue says the app reads and writes.
import type { TopicSpec } from '@wair-sfcc/contracts';
import { KAFKA_CLUSTER } from './deploy-settings';
import type { DeployableApp } from './deployable-apps';

type K8sObject = Record<string, unknown>;

/** Replication in the base (production) shape; the local overlay lowers both to 1. */
export const PRODUCTION_REPLICATION = { replicas: 3, minInsyncReplicas: 2 } as const;

const strimziLabels = { 'strimzi.io/cluster': KAFKA_CLUSTER, 'app.kubernetes.io/part-of': 'wair-sfcc' };

/** The KafkaTopic of a catalogue entry. */
export function kafkaTopic(topic: TopicSpec): K8sObject {
  return {
    apiVersion: 'kafka.strimzi.io/v1beta2',
    kind: 'KafkaTopic',
    metadata: {
      name: topic.name,
      labels: strimziLabels,
      annotations: { 'wair-sfcc.io/owner': topic.owner },
    },
    spec: {
      topicName: topic.name,
      partitions: topic.partitions,
      replicas: PRODUCTION_REPLICATION.replicas,
      config: {
        'cleanup.policy': topic.cleanupPolicy,
        ...topic.configs,
        'min.insync.replicas': String(PRODUCTION_REPLICATION.minInsyncReplicas),
      },
    },
  };
}

/** Kafka operations an app needs on a topic it reads, writes or both. */
export function topicOperations(reads: boolean, writes: boolean): string[] {
  return ['Describe', ...(reads ? ['Read'] : []), ...(writes ? ['Write'] : [])];
}

/** The KafkaUser of an app: SCRAM-SHA-512 credentials and simple-authorizer ACLs. */
export function kafkaUser(deployable: DeployableApp): K8sObject {
  const readNames = new Set(deployable.reads.map((t) => t.name));
  const writeNames = new Set(deployable.writes.map((t) => t.name));
  const topics = [...new Set([...readNames, ...writeNames])].sort();
  const topicAcls = topics.map((name) => ({
    resource: { type: 'topic', name, patternType: 'literal' },
    operations: topicOperations(readNames.has(name), writeNames.has(name)),
    host: '*',
  }));
  // Groups are named after the app (KAFKA_GROUP_ID defaults to it); the prefix also covers
  // per-environment suffixes such as `<app>-blue`.
  const groupAcls =
    readNames.size > 0
      ? [
          {
            resource: { type: 'group', name: deployable.app, patternType: 'prefix' },
            operations: ['Describe', 'Read'],
            host: '*',
          },
        ]
      : [];
  return {
    apiVersion: 'kafka.strimzi.io/v1beta2',
    kind: 'KafkaUser',
    metadata: { name: deployable.app, labels: strimziLabels },
    spec: {
      authentication: { type: 'scram-sha-512' },
      authorization: { type: 'simple', acls: [...topicAcls, ...groupAcls] },
    },
  };
}
