import { TOPICS, type IntegrationException } from '@wair-sfcc/contracts';
import { createExceptionRaiser, type ExceptionRaiser } from '@wair-sfcc/audit-rules';
import type { TypedProducer } from '@wair-sfcc/kafka';
import { nearMissData, type NotSellable } from '@wair-sfcc/inventory-domain';

/** The exceptions table as the writer reads it back (SKU_MISMATCH rows only). */
export type ExceptionLookup = (id: string) => IntegrationException | undefined;

/**
 * Raises `SKU_MISMATCH:<sku>` on integration.exceptions.v1 (owner MERCH), with the near miss (what
 * SFCC has instead) in `detail` and `data`. The auditor owns the exception's lifecycle, so each
 * raise continues the row on the table: an acknowledgement by Merch survives later sightings and
 * restarts. A SKU is re-published only when the reason or the detail changes (a catalog change can
 * turn one near miss into another) or an hour has passed, so a fast-changing SKU does not flood
 * the topic.
 */
export class SkuMismatchRaiser {
  private readonly raiser: ExceptionRaiser;

  constructor(
    private readonly producer: TypedProducer,
    app: string,
    private readonly topic: string = TOPICS.integrationExceptions,
    onTable: ExceptionLookup = () => undefined,
    republishMs = 3600_000,
  ) {
    this.raiser = createExceptionRaiser({ onTable, raisedBy: app, republishMs });
  }

  async raise(
    sku: string,
    why: NotSellable,
    inventoryListIds: readonly string[],
    now: number,
  ): Promise<void> {
    const change = this.raiser.raise(
      {
        type: 'SKU_MISMATCH',
        severity: why.severity,
        owner: 'MERCH',
        subjectType: 'SKU',
        subject: sku,
        detail: why.detail,
        data: {
          reason: why.reason,
          inventoryListIds: inventoryListIds.join(','),
          source: TOPICS.wairStock,
          ...(why.nearMiss ? nearMissData(why.nearMiss) : {}),
        },
      },
      now,
    );
    if (!change) return;
    await this.producer.send(this.topic, change.exception.id, change.exception);
    this.raiser.published(change.exception);
  }
}
