// Which apps ship to production and how each one scales, derived from the config schemas and the
// topic catalogue so a new app (or a new topic) shows up in the manifests without editing this file.
import type { ZodObject } from 'zod';
import { APP_NAMES, topicCatalogue, type AppName, type TopicSpec } from '@wair-sfcc/contracts';
import { appConfigSchemas } from '../config-reference/app-config-schemas';

/** How replicas of an app share work. */
export type ScalingMode = 'partition-parallel' | 'singleton';

/** An app that gets an image and Kubernetes resources. */
export interface DeployableApp {
  readonly app: AppName;
  readonly schema: ZodObject;
  readonly scaling: ScalingMode;
  /** Topics the app consumes (catalogue `consumers`). */
  readonly reads: readonly TopicSpec[];
  /** Topics the app writes (catalogue `owner` or `alsoWrittenBy`), DLQs included. */
  readonly writes: readonly TopicSpec[];
  /**
   * How many replicas can hold partitions at once: the largest partition count among the topics the
   * app consumes. More replicas than that sit idle in the group.
   */
  readonly maxWorkingReplicas: number;
}

// Apps whose replicas split their input partitions between them (DESIGN §8). The others poll
// external systems or run scheduled audits: a second replica would duplicate that work.
const PARTITION_PARALLEL: ReadonlySet<string> = new Set(['sfcc-inventory-writer', 'order-dispatch-bridge']);

const isDeployed = (app: string): app is AppName => (APP_NAMES as readonly string[]).includes(app);

/** Topics the catalogue says an app reads. */
export function topicsReadBy(app: AppName): TopicSpec[] {
  return topicCatalogue.filter((topic) => topic.consumers.includes(app));
}

/** Topics the catalogue says an app writes, as owner or co-writer. */
export function topicsWrittenBy(app: AppName): TopicSpec[] {
  return topicCatalogue.filter((topic) => topic.owner === app || (topic.alsoWrittenBy ?? []).includes(app));
}

/**
 * The deployable apps: every app with a config schema that the catalogue names as a platform app.
 * Simulators have config schemas too but are not in the catalogue's app list, so they stay out.
 */
export function deployableApps(): DeployableApp[] {
  return appConfigSchemas
    .filter(({ app }) => isDeployed(app))
    .map(({ app, schema }) => {
      const name = app as AppName;
      const reads = topicsReadBy(name);
      return {
        app: name,
        schema,
        scaling: PARTITION_PARALLEL.has(name) ? 'partition-parallel' : 'singleton',
        reads,
        writes: topicsWrittenBy(name),
        maxWorkingReplicas: Math.max(1, ...reads.map((topic) => topic.partitions)),
      };
    });
}
