import { TOPICS, type InventoryListSync, type InventorySync } from '@wair-sfcc/contracts';
import type { TypedProducer } from '@wair-sfcc/kafka';

/**
 * Holds what was last reported per SKU and list, and publishes `sfcc.inventory-sync.v1` rows: one
 * per SKU carrying every list, so the compacted topic keeps each list's latest state.
 */
export class SyncReporter {
  private readonly rows = new Map<string, Map<string, InventoryListSync>>();

  constructor(
    private readonly producer: TypedProducer,
    private readonly topic: string = TOPICS.sfccInventorySync,
  ) {}

  /** Applies a row read back from the topic (start-up rebuild; other replicas' writes). */
  applyRow(row: InventorySync): void {
    for (const list of row.lists) this.merge(row.sku, list);
  }

  /** The last reported state of a list for a SKU. */
  get(sku: string, inventoryListId: string): InventoryListSync | undefined {
    return this.rows.get(sku)?.get(inventoryListId);
  }

  /** Records the outcomes and publishes one row per SKU touched; resolves once Kafka acknowledged. */
  async report(outcomes: ReadonlyArray<{ sku: string; list: InventoryListSync }>): Promise<void> {
    const touched = new Set<string>();
    for (const { sku, list } of outcomes) {
      this.merge(sku, list);
      touched.add(sku);
    }
    await this.producer.sendMany(
      [...touched].map((sku) => ({
        topic: this.topic,
        key: sku,
        value: { sku, lists: [...(this.rows.get(sku)?.values() ?? [])] } satisfies InventorySync,
      })),
    );
  }

  /** Keeps the newer of two reports of a list (by source figure, then write time). */
  private merge(sku: string, list: InventoryListSync): void {
    let lists = this.rows.get(sku);
    if (!lists) this.rows.set(sku, (lists = new Map()));
    const current = lists.get(list.inventoryListId);
    if (
      !current ||
      list.sourceAsOf > current.sourceAsOf ||
      (list.sourceAsOf === current.sourceAsOf &&
        (list.sourceSequence > current.sourceSequence ||
          (list.sourceSequence === current.sourceSequence && list.writtenAt >= current.writtenAt)))
    ) {
      lists.set(list.inventoryListId, list);
    }
  }
}
