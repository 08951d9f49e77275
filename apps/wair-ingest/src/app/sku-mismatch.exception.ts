import type { IntegrationException } from '@wair-sfcc/contracts';
import { createExceptionRaiser, type ExceptionChange } from '@wair-sfcc/audit-rules';

/**
 * Builds SKU_MISMATCH exceptions (owner MERCH) for WAIR SKU codes that break the identifier rules.
 * Each continues the exception's row on the table (`onTable`): an acknowledgement by Merch, the
 * first sighting and the occurrence count survive later sightings and restarts; an unchanged
 * sighting is published again only after `republishMs`, since a SKU's every change would repeat it.
 */
export function createSkuMismatchExceptions(
  app: string,
  onTable: (id: string) => IntegrationException | undefined = () => undefined,
  republishMs?: number,
) {
  const raiser = createExceptionRaiser({ onTable, raisedBy: app, republishMs });
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
    published: (exception: IntegrationException) => raiser.published(exception),
  };
}
