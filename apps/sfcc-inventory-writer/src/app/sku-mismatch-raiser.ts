import { TOPICS, type IntegrationException } from '@wair-sfcc/contracts';
import type { TypedProducer } from '@wair-sfcc/kafka';
import { nearMissData, type NotSellable } from '@wair-sfcc/inventory-domain';

/**
 * Raises `SKU_MISMATCH:<sku>` on integration.exceptions.v1 (owner MERCH), with the near miss (what
 * SFCC has instead) in `detail` and `data`. The auditor owns the exception's lifecycle; the writer
 * re-publishes a SKU only when the reason or the detail changes (a catalog change can turn one
 * near miss into another) or an hour has passed, so a fast-changing SKU does not flood the topic.
 */
export class SkuMismatchRaiser {
  private readonly seen = new Map<
    string,
    { reason: string; detail: string; firstSeen: number; published: number; occurrences: number }
  >();

  constructor(
    private readonly producer: TypedProducer,
    private readonly app: string,
    private readonly topic: string = TOPICS.integrationExceptions,
    private readonly republishMs = 3600_000,
  ) {}

  async raise(
    sku: string,
    why: NotSellable,
    inventoryListIds: readonly string[],
    now: number,
  ): Promise<void> {
    const prior = this.seen.get(sku);
    const state = {
      reason: why.reason,
      detail: why.detail,
      firstSeen: prior?.reason === why.reason ? prior.firstSeen : now,
      published: prior?.published ?? 0,
      occurrences: (prior?.reason === why.reason ? prior.occurrences : 0) + 1,
    };
    this.seen.set(sku, state);
    const unchanged = prior?.reason === why.reason && prior.detail === why.detail;
    if (unchanged && now - prior.published < this.republishMs) return;
    const id = `SKU_MISMATCH:${sku}`;
    const exception: IntegrationException = {
      id,
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
      raisedBy: this.app,
      firstSeen: state.firstSeen,
      lastSeen: now,
      occurrences: state.occurrences,
      state: 'OPEN',
      acknowledgedBy: null,
      acknowledgedReason: null,
      resolvedAt: null,
    };
    await this.producer.send(this.topic, id, exception);
    state.published = now;
  }
}
