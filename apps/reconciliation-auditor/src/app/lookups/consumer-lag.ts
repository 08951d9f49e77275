import { computeTopicLag, type LagSource } from '@wair-sfcc/observability';

/** A consumer group to watch and the topics it reads. */
export interface WatchedGroup {
  groupId: string;
  topics: readonly string[];
}

export interface ConsumerLagView {
  generatedAt: number;
  groups: Array<{
    groupId: string;
    topic: string;
    /** Records the group still has to read (numbers: lag beyond 2^53 is not a real case). */
    total: number;
    partitions: Array<{ partition: number; lag: number }>;
    error?: string;
  }>;
}

/**
 * Parses `group:topic+topic;group:topic`. @throws Error naming the bad part.
 */
export function parseWatchedGroups(text: string): WatchedGroup[] {
  return text
    .split(';')
    .map((p) => p.trim())
    .filter(Boolean)
    .map((part) => {
      const at = part.indexOf(':');
      const groupId = at < 0 ? '' : part.slice(0, at).trim();
      const topics = (at < 0 ? '' : part.slice(at + 1))
        .split('+')
        .map((t) => t.trim())
        .filter(Boolean);
      if (!groupId || topics.length === 0)
        throw new Error(`"${part}" is not <group id>:<topic>[+<topic>...]`);
      return { groupId, topics };
    });
}

/** Consumer lag of the other apps' groups, for the dashboard (cached for `cacheMs`). */
export function createConsumerLagView(options: {
  source: LagSource;
  groups: readonly WatchedGroup[];
  now: () => number;
  cacheMs?: number;
}) {
  let cached: Promise<ConsumerLagView> | undefined;
  let at = 0;
  const compute = async (): Promise<ConsumerLagView> => {
    const rows = await Promise.all(
      options.groups.flatMap((g) =>
        g.topics.map(async (topic) => {
          try {
            const [ends, committed] = await Promise.all([
              options.source.fetchTopicEndOffsets(topic),
              options.source.fetchCommittedOffsets(g.groupId, topic),
            ]);
            const lag = computeTopicLag(ends, committed);
            return {
              groupId: g.groupId,
              topic,
              total: Number(lag.total),
              partitions: lag.partitions.map((p) => ({ partition: p.partition, lag: Number(p.lag) })),
            };
          } catch (error) {
            return { groupId: g.groupId, topic, total: 0, partitions: [], error: (error as Error).message };
          }
        }),
      ),
    );
    return { generatedAt: options.now(), groups: rows };
  };
  return (): Promise<ConsumerLagView> => {
    const now = options.now();
    if (!cached || now - at >= (options.cacheMs ?? 5_000)) {
      at = now;
      cached = compute();
    }
    return cached;
  };
}
