import type { IntegrationException } from '@wair-sfcc/contracts';
import { createExceptionRaiser, type ExceptionChange } from '@wair-sfcc/audit-rules';

/**
 * Builds SKU_MISMATCH exceptions (owner MERCH) for WAIR SKU codes that break the identifier rules.
 * Each continues the exception's row on the table (`onTable`): an acknowledgement by Merch, the
 * first sighting and the occurrence count survive later sightings and restarts; an unchanged
 * sighting is published again only after `republishMs`, since a SKU's every change would repeat it.
 * A code that a complete snapshot no longer meets is resolved (see `resolveUnseen`).
 */
export function createSkuMismatchExceptions(
  app: string,
  table: MismatchTable = { get: () => undefined, ids: () => [] },
  republishMs?: number,
) {
  const raiser = createExceptionRaiser({ onTable: (id) => table.get(id), raisedBy: app, republishMs });
  return {
    /** The change to publish, or undefined when the topic already says it. */
    raise(
      code: string,
      problem: string,
      data: Record<string, string> & { feed: string },
      now: number,
    ): ExceptionChange | undefined {
      return raiser.raise(
        {
          type: 'SKU_MISMATCH',
          severity: 'HIGH',
          owner: 'MERCH',
          subjectType: 'SKU',
          subject: code,
          detail: `${problem}; its ${data.feed} record was not published.`,
          data,
        },
        now,
      );
    },
    /**
     * A complete read of `feed` (a snapshot) that began at `since` did not meet these codes: WAIR
     * no longer has them, so this app's open SKU_MISMATCH of that feed last seen before then is
     * resolved. Returns what to publish.
     */
    resolveUnseen(feed: string, since: number, now: number): ExceptionChange[] {
      const changes: ExceptionChange[] = [];
      for (const id of [...table.ids()]) {
        const ex = raiser.current(id);
        if (
          ex?.type !== 'SKU_MISMATCH' ||
          ex.raisedBy !== app ||
          ex.data['feed'] !== feed ||
          ex.state === 'RESOLVED' ||
          ex.lastSeen >= since
        )
          continue;
        const change = raiser.resolve(id, now);
        if (change) changes.push(change);
      }
      return changes;
    },
    published: (exception: IntegrationException) => raiser.published(exception),
  };
}

/** The SKU_MISMATCH rows of the exceptions table, as this app reads them back. */
export interface MismatchTable {
  get(id: string): IntegrationException | undefined;
  ids(): Iterable<string>;
}
