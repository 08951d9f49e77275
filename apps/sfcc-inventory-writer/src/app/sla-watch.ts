import { PRIORITY_CLASSES, type PriorityClass, type QueueEntry } from '@wair-sfcc/inventory-domain';
import type { Logger } from '@wair-sfcc/observability';

type PendingView = Pick<QueueEntry<unknown>, 'inventoryListId' | 'sku' | 'priority' | 'firstEnqueuedAt'>;

export interface SlaWatchOptions {
  queue: {
    oldestAge(cls: PriorityClass, now: number): number;
    pendingEntries(): Iterable<PendingView>;
  };
  /** SYNC_SLA_MS; 0 turns the watch off. */
  slaMs: number;
  logger: Logger;
  now: () => number;
  /** How many late entries a warning names (the oldest ones); default 3. */
  examples?: number;
}

interface Episode {
  startedAt: number;
  maxAgeMs: number;
  /** Since when the class has been back within the SLA, while the episode is closing. */
  withinSince: number | undefined;
}

/**
 * Compares the oldest pending entry of each priority class with the SLA, once per tick. A class
 * going over it starts a breach episode: one warning with the age, the number of late entries and
 * a few of them; the episode ends, with one info line, only after the class has stayed within the
 * SLA for a whole SLA period, so a backlog hovering around the SLA logs once rather than per tick.
 */
export function createSlaWatch(options: SlaWatchOptions) {
  const { queue, slaMs, logger, now } = options;
  const exampleCount = options.examples ?? 3;
  const episodes = new Map<PriorityClass, Episode>();

  /** One scan of the queue for the classes that just started an episode (rare: not per tick). */
  function warnLate(classes: ReadonlyMap<PriorityClass, number>, at: number): void {
    const late = new Map<PriorityClass, { count: number; oldest: PendingView[] }>();
    for (const p of classes.keys()) late.set(p, { count: 0, oldest: [] });
    for (const entry of queue.pendingEntries()) {
      const bucket = late.get(entry.priority);
      if (!bucket || at - entry.firstEnqueuedAt <= slaMs) continue;
      bucket.count += 1;
      bucket.oldest.push(entry);
      bucket.oldest.sort((a, b) => a.firstEnqueuedAt - b.firstEnqueuedAt);
      if (bucket.oldest.length > exampleCount) bucket.oldest.pop();
    }
    for (const [priority, ageMs] of classes) {
      const bucket = late.get(priority);
      logger.warn(
        {
          priority,
          oldestAgeMs: ageMs,
          slaMs,
          lateCount: bucket?.count ?? 0,
          examples: (bucket?.oldest ?? []).map((e) => ({
            inventoryListId: e.inventoryListId,
            sku: e.sku,
            ageMs: at - e.firstEnqueuedAt,
          })),
        },
        'pending stock changes are older than the sync SLA',
      );
    }
  }

  return {
    /** Run on a tick (the writer's commit interval). */
    check(): void {
      if (slaMs <= 0) return;
      const at = now();
      const started = new Map<PriorityClass, number>();
      for (const priority of PRIORITY_CLASSES) {
        const ageMs = queue.oldestAge(priority, at);
        const episode = episodes.get(priority);
        if (ageMs > slaMs) {
          if (!episode) {
            episodes.set(priority, { startedAt: at, maxAgeMs: ageMs, withinSince: undefined });
            started.set(priority, ageMs);
          } else {
            episode.maxAgeMs = Math.max(episode.maxAgeMs, ageMs);
            episode.withinSince = undefined;
          }
        } else if (episode) {
          episode.withinSince ??= at;
          if (at - episode.withinSince >= slaMs) {
            episodes.delete(priority);
            logger.info(
              {
                priority,
                slaMs,
                lateForMs: episode.withinSince - episode.startedAt,
                maxAgeMs: episode.maxAgeMs,
              },
              'pending stock changes are back within the sync SLA',
            );
          }
        }
      }
      if (started.size > 0) warnLate(started, at);
    },
    /** Priority classes in a breach episode now (diagnostics, tests). */
    breaching(): PriorityClass[] {
      return [...episodes.keys()].sort();
    },
  };
}

export type SlaWatch = ReturnType<typeof createSlaWatch>;
