import { TOPICS, type InventoryListSync, type InventorySync } from '@wair-sfcc/contracts';
import type { InventoryWriteResult } from '@wair-sfcc/sfcc-client';
import { createPipelineHarness, figure, T0 } from './testing/pipeline-harness';

type Harness = ReturnType<typeof createPipelineHarness>;

const LISTS = 'web:WEB01+DC01;stores:ST01';

/** Four sellable SKUs on two lists, and X, which the catalog does not know. */
function harnessWithTable(): Harness {
  const h = createPipelineHarness({ lists: LISTS, skus: ['A', 'B', 'C', 'D'] });
  h.stockTable.set('A', figure('A', 10, { DC01: 5, ST01: 1 }));
  h.stockTable.set('B', figure('B', 20, { DC01: 6, ST01: 2 }));
  h.stockTable.set('C', figure('C', 30, { DC01: 7, ST01: 3 }));
  h.stockTable.set('D', figure('D', 40, { DC01: 8, ST01: 4 }));
  h.stockTable.set('X', figure('X', 50, { DC01: 9 }));
  return h;
}

/**
 * Per-record import results as the IMPEX importer gives them while `failing`: B is refused on the
 * web list (a record error of the import), C's stores import fails retriably, and the importer
 * returns no result at all for D on the web list.
 */
function injectBadRecords(h: Harness): { failing: boolean } {
  const control = { failing: true };
  h.importer.setOutcome((write) => {
    if (!control.failing) return undefined;
    if (write.productId === 'B' && write.inventoryListId === 'web')
      return {
        status: 'REJECTED',
        faultType: 'ImportRecordError',
        message: "record 'B': product not in the site catalog",
        retriable: false,
      };
    if (write.productId === 'C' && write.inventoryListId === 'stores')
      return { status: 'FAILED', message: 'job wair-inventory-import stayed busy', retriable: true };
    return undefined;
  });
  const importList = h.importer.importList.bind(h.importer);
  h.importer.importList = async (listId, records): Promise<InventoryWriteResult[]> => {
    const results = await importList(listId, records);
    return control.failing
      ? results.filter((r) => !(r.write.productId === 'D' && r.write.inventoryListId === 'web'))
      : results;
  };
  return control;
}

const listOf = (h: Harness, sku: string, listId: string): InventoryListSync | undefined =>
  h
    .syncRows()
    .get(sku)
    ?.lists.find((l) => l.inventoryListId === listId);

async function writes(h: Harness, outcome: string): Promise<number | undefined> {
  const metric = h.registry.getSingleMetric('inventory_writes_total');
  const found = (await metric?.get())?.values.find(
    (v) => v.labels['outcome'] === outcome && v.labels['channel'] === 'IMPEX',
  );
  return found?.value;
}

describe('full refresh: per-record import results (fake importer and producer)', () => {
  it('reports REJECTED and FAILED records on sfcc.inventory-sync.v1 and counts them in the summary', async () => {
    const h = harnessWithTable();
    injectBadRecords(h);

    const summary = await h.fullRefresh.start({}).done;

    expect(summary).toMatchObject({ error: null, force: false, figures: 5, notSellable: 1 });
    expect(summary.finishedAt).not.toBeNull();
    expect(summary.lists).toEqual({
      web: { sent: 4, unchanged: 0, ok: 2, rejected: 1, failed: 1 },
      stores: { sent: 4, unchanged: 0, ok: 3, rejected: 0, failed: 1 },
    });
    expect(h.fullRefresh.lastRun()).toBe(summary);

    const common = { priority: 3, channel: 'IMPEX', writtenAt: T0 + 1000 };
    expect(listOf(h, 'B', 'web')).toEqual({
      inventoryListId: 'web',
      allocation: 6,
      resetDate: T0 + 20,
      sourceAsOf: T0 + 20,
      sourceSequence: 20,
      outcome: 'REJECTED',
      error: "record 'B': product not in the site catalog",
      ...common,
    });
    expect(listOf(h, 'C', 'stores')).toEqual({
      inventoryListId: 'stores',
      allocation: 3,
      resetDate: T0 + 30,
      sourceAsOf: T0 + 30,
      sourceSequence: 30,
      outcome: 'FAILED',
      error: 'job wair-inventory-import stayed busy',
      ...common,
    });
    expect(listOf(h, 'D', 'web')).toMatchObject({
      outcome: 'FAILED',
      error: 'no result for the record',
      allocation: 8,
      ...common,
    });
    // The other list of each SKU is reported on its own, unaffected.
    expect(listOf(h, 'B', 'stores')).toMatchObject({ outcome: 'OK', error: null, allocation: 2, ...common });
    expect(listOf(h, 'C', 'web')).toMatchObject({ outcome: 'OK', error: null, allocation: 7, ...common });
    expect(listOf(h, 'A', 'web')).toMatchObject({ outcome: 'OK', allocation: 5 });
    // One row per SKU, carrying both lists; nothing for the SKU the catalog does not sell.
    expect([...h.syncRows().keys()].sort()).toEqual(['A', 'B', 'C', 'D']);
    for (const row of h.syncRows().values()) expect(row.lists).toHaveLength(2);
    const published = h.producer.records.filter((r) => r.topic === TOPICS.sfccInventorySync);
    expect(published.map((r) => r.key).sort()).toEqual(['A', 'A', 'B', 'B', 'C', 'C', 'D', 'D']);
    expect(published.every((r) => (r.value as InventorySync).sku === r.key)).toBe(true);

    expect(await writes(h, 'OK')).toBe(5);
    expect(await writes(h, 'REJECTED')).toBe(1);
    expect(await writes(h, 'FAILED')).toBe(2);
  });

  it('a later diff-only refresh re-sends exactly the records that were rejected or failed', async () => {
    const h = harnessWithTable();
    const control = injectBadRecords(h);
    await h.fullRefresh.start({}).done;
    control.failing = false;

    const again = await h.fullRefresh.start({}).done;

    expect(
      h.importer.imports.slice(2).map((i) => [i.inventoryListId, i.records.map((r) => r.productId)]),
    ).toEqual([
      ['web', ['B', 'D']],
      ['stores', ['C']],
    ]);
    expect(again.lists).toEqual({
      web: { sent: 2, unchanged: 2, ok: 2, rejected: 0, failed: 0 },
      stores: { sent: 1, unchanged: 3, ok: 1, rejected: 0, failed: 0 },
    });
    for (const [sku, listId] of [
      ['B', 'web'],
      ['D', 'web'],
      ['C', 'stores'],
    ] as const)
      expect(listOf(h, sku, listId)).toMatchObject({ outcome: 'OK', error: null, channel: 'IMPEX' });
  });

  it('records an import that fails as a whole as the run error, and allows the next run', async () => {
    const h = harnessWithTable();
    h.importer.importList = async () => {
      throw new Error('WebDAV upload answered 507');
    };

    const failed = await h.fullRefresh.start({}).done;

    expect(failed.error).toBe('WebDAV upload answered 507');
    expect(failed.finishedAt).not.toBeNull();
    expect(h.fullRefresh.isRunning()).toBe(false);
    // Nothing was imported, so nothing is reported as written.
    expect(h.syncRows().size).toBe(0);
    const next = h.fullRefresh.start({});
    expect(next.started).toBe(true);
    expect((await next.done).error).toBe('WebDAV upload answered 507');
  });
});
