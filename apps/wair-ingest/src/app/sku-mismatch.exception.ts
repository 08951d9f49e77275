import type { IntegrationException } from '@wair-sfcc/contracts';

/**
 * Builds SKU_MISMATCH exceptions (owner MERCH) for WAIR SKU codes that break the identifier rules,
 * counting occurrences per code while the process runs.
 */
export function createSkuMismatchExceptions(app: string, clock: () => number) {
  const seen = new Map<string, { firstSeen: number; occurrences: number }>();
  return {
    raise(
      code: string,
      problem: string,
      data: Record<string, string> & { feed: string },
    ): IntegrationException {
      const id = `SKU_MISMATCH:${code}`;
      const now = clock();
      const entry = seen.get(id) ?? { firstSeen: now, occurrences: 0 };
      entry.occurrences += 1;
      seen.set(id, entry);
      return {
        id,
        type: 'SKU_MISMATCH',
        severity: 'HIGH',
        owner: 'MERCH',
        subjectType: 'SKU',
        subject: code,
        detail: `${problem}; its ${data.feed} record was not published.`,
        data,
        raisedBy: app,
        firstSeen: entry.firstSeen,
        lastSeen: now,
        occurrences: entry.occurrences,
        state: 'OPEN',
        acknowledgedBy: null,
        acknowledgedReason: null,
        resolvedAt: null,
      };
    },
  };
}
