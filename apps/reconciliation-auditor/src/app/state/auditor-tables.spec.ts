import type { IntegrationException, OrderFact } from '@wair-sfcc/contracts';
import {
  buildOrderFact,
  buildProduct,
  buildStockLevel,
  buildSync,
  buildWairSku,
} from '@wair-sfcc/audit-rules/testing';
import { createMetricsRegistry } from '@wair-sfcc/observability';
import { createInMemoryTableReaders } from '../testing/in-memory-table-readers';
import { createAuditorTables, TABLE_TOPICS } from './auditor-tables';

function setup() {
  const readers = createInMemoryTableReaders();
  const registry = createMetricsRegistry({ app: 'test' });
  const orders: Array<[string, OrderFact | undefined]> = [];
  const exceptions: Array<[string, IntegrationException | undefined]> = [];
  const tables = createAuditorTables({
    tableReader: readers.factory,
    registry,
    onOrder: (k, o) => orders.push([k, o]),
    onException: (k, e) => exceptions.push([k, e]),
  });
  return { readers, registry, tables, orders, exceptions };
}

describe('auditor tables', () => {
  it('packs rows under one shared key and gives back the contract values (stock, SKUs, products, syncs)', () => {
    const { readers, tables } = setup();
    const stock = {
      ...buildStockLevel('SKU-1', 1_700_000_000_123, 7, 4),
      locations: [
        {
          locationCode: 'WEB01',
          onHand: 5,
          reserved: 1,
          available: 4,
          modifiedAt: 1_700_000_000_123,
          sequence: 7,
        },
        {
          locationCode: 'DC01',
          onHand: 2,
          reserved: 0,
          available: -1,
          modifiedAt: 1_700_000_000_123,
          sequence: 7,
        },
      ],
      origin: 'WEBHOOK' as const,
      ingestedAt: 1_700_000_000_999,
    };
    readers.put(TABLE_TOPICS.stock, 'SKU-1', stock);
    const sku = buildWairSku('SKU-1', { barcode: '0123', status: 'DISCONTINUED', modifiedAt: 42 });
    readers.put(TABLE_TOPICS.skus, 'SKU-1', sku);
    const product = buildProduct('SKU-1', 'VARIANT', {
      variationValues: { size: 'M', color: 'red' },
      searchable: null,
      online: false,
      masterId: 'M-1',
      pulledAt: 9,
    });
    readers.put(TABLE_TOPICS.products, 'SKU-1', product);
    const sync = buildSync('SKU-1', [
      {
        inventoryListId: 'a',
        allocation: 3,
        writtenAt: 1_700_000_000_500,
        outcome: 'FAILED',
        error: 'boom',
        priority: 2,
        channel: 'IMPEX',
      },
      { inventoryListId: 'b', outcome: 'SKU_NOT_IN_CATALOG' },
    ]);
    readers.put(TABLE_TOPICS.syncs, 'SKU-1', sync);

    // Four tables, one key string.
    expect(tables.keySlots.size).toBe(1);
    expect(tables.stock.get('SKU-1')).toEqual(stock);
    expect(tables.skus.get('SKU-1')).toEqual(sku);
    expect(tables.products.get('SKU-1')).toEqual(product);
    expect(tables.syncs.get('SKU-1')).toEqual(sync);
    expect([...tables.products.keys()]).toEqual(['SKU-1']);
  });

  it('shares one instance of repeated master ids', () => {
    const { readers, tables } = setup();
    readers.put(TABLE_TOPICS.products, 'A', buildProduct('A', 'VARIANT', { masterId: ['M', 'X'].join('') }));
    readers.put(TABLE_TOPICS.products, 'B', buildProduct('B', 'VARIANT', { masterId: ['M', 'X'].join('') }));
    expect(tables.dictionaries.shared.size()).toBe(1);
  });

  it('frees a shared key once no table holds it, and reuses its slot', () => {
    const { readers, tables } = setup();
    readers.put(TABLE_TOPICS.stock, 'A', buildStockLevel('A', 1));
    readers.put(TABLE_TOPICS.syncs, 'A', buildSync('A', [{}]));
    readers.put(TABLE_TOPICS.stock, 'A', null);
    expect(tables.keySlots.slotOf('A')).toBe(0);
    expect(tables.stock.has('A')).toBe(false);
    readers.put(TABLE_TOPICS.syncs, 'A', null);
    expect(tables.keySlots.slotOf('A')).toBeUndefined();
    readers.put(TABLE_TOPICS.products, 'B', buildProduct('B', 'SIMPLE'));
    expect(tables.keySlots.slotOf('B')).toBe(0);
    expect([...tables.products.keys()]).toEqual(['B']);
    expect(tables.rowCounts()).toMatchObject({ stock: 0, syncs: 0, products: 1 });
  });

  it('applies tombstones and forwards order and exception changes', () => {
    const { readers, tables, orders } = setup();
    readers.put(TABLE_TOPICS.orders, 'O1', buildOrderFact('O1'));
    readers.put(TABLE_TOPICS.orders, 'O1', null);
    expect(tables.orders.size).toBe(0);
    expect(orders.map(([k, o]) => [k, o?.state])).toEqual([
      ['O1', 'CAPTURED'],
      ['O1', undefined],
    ]);
  });

  it('hands the change hooks the values as published (not a decode of the compact row) and tombstones', () => {
    const readers = createInMemoryTableReaders();
    const seen: string[] = [];
    const tables = createAuditorTables({
      tableReader: readers.factory,
      onChange: {
        stock: (k, v) => seen.push(`stock ${k} ${v ? v.locations[0]?.modifiedAt : 'gone'}`),
        syncs: (k, v) => seen.push(`syncs ${k} ${v ? v.lists[0]?.error : 'gone'}`),
        products: (k, v) => seen.push(`products ${k} ${v ? v.type : 'gone'}`),
        fulfilments: (k, v) => seen.push(`fulfilments ${k} ${v ? v.orderShippingStatus : 'gone'}`),
      },
    });
    const stock = buildStockLevel('S', 1_000);
    readers.put(TABLE_TOPICS.stock, 'S', {
      ...stock,
      locations: stock.locations.map((l) => ({ ...l, modifiedAt: 42 })),
    });
    readers.put(TABLE_TOPICS.syncs, 'S', buildSync('S', [{ error: 'HTTP 500', outcome: 'FAILED' }]));
    readers.put(TABLE_TOPICS.products, 'S', buildProduct('S', 'SIMPLE'));
    readers.put(TABLE_TOPICS.fulfilments, 'O', {
      orderNo: 'O',
      shipments: [],
      orderShippingStatus: 'NOT_SHIPPED',
      updatedAt: 1,
    });
    for (const t of ['stock', 'syncs', 'products', 'fulfilments'] as const)
      readers.put(TABLE_TOPICS[t], t === 'fulfilments' ? 'O' : 'S', null);
    expect(seen).toEqual([
      'stock S 42',
      'syncs S HTTP 500',
      'products S SIMPLE',
      'fulfilments O NOT_SHIPPED',
      'stock S gone',
      'syncs S gone',
      'products S gone',
      'fulfilments O gone',
    ]);
    expect(tables.stock.size).toBe(0);
  });

  it('is behind until every reader caught up, and reports rows per table', async () => {
    const { readers, tables, registry } = setup();
    readers.put(TABLE_TOPICS.stock, 'S', buildStockLevel('S', 1));
    readers.put(TABLE_TOPICS.stock, 'T', buildStockLevel('T', 1));
    expect(tables.behind()).toHaveLength(8);
    readers.markCaughtUp();
    await tables.caughtUp();
    expect(tables.behind()).toEqual([]);
    const page = await registry.metrics();
    expect(page).toMatch(/auditor_table_rows\{[^}]*table="stock"[^}]*\} 2/);
    expect(page).toMatch(/auditor_table_rows\{[^}]*table="orders"[^}]*\} 0/);
    expect(page).toMatch(/auditor_table_keys\{[^}]*\} 2/);
    expect(page).toMatch(/auditor_table_packed_bytes\{[^}]*table="stock"[^}]*\} [1-9]/);
  });
});
