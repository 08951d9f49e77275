// Test builders for @wair-sfcc/audit-rules: rows of the tables the rules read. For tests only.
import type {
  InventoryListSync,
  InventorySync,
  OrderFact,
  SfccProduct,
  StockLevel,
  WairSku,
} from '@wair-sfcc/contracts';

export function buildWairSku(sku: string, over: Partial<WairSku> = {}): WairSku {
  return {
    sku,
    styleCode: sku.split('-')[0] ?? sku,
    itemCode: sku,
    colour: 'Black',
    size: 'M',
    barcode: null,
    status: 'ACTIVE',
    modifiedAt: 0,
    ...over,
  };
}

export function buildProduct(
  productId: string,
  type: SfccProduct['type'] = 'VARIANT',
  over: Partial<SfccProduct> = {},
): SfccProduct {
  return {
    productId,
    type,
    masterId: type === 'VARIANT' ? 'MASTER' : null,
    variationValues: {},
    online: true,
    searchable: true,
    pulledAt: 0,
    ...over,
  };
}

export function productTable(...products: SfccProduct[]): Map<string, SfccProduct> {
  return new Map(products.map((p) => [p.productId, p]));
}

export function buildStockLevel(sku: string, asOf: number, sourceSequence = 1, available = 5): StockLevel {
  return {
    sku,
    locations: [
      {
        locationCode: 'WEB01',
        onHand: available + 1,
        reserved: 1,
        available,
        modifiedAt: asOf,
        sequence: sourceSequence,
      },
    ],
    asOf,
    sourceSequence,
    origin: 'POLL',
    ingestedAt: asOf,
  };
}

export function buildSync(sku: string, lists: Array<Partial<InventoryListSync>>): InventorySync {
  return {
    sku,
    lists: lists.map((l) => ({
      inventoryListId: 'inventory_m',
      allocation: 5,
      resetDate: 0,
      sourceAsOf: 0,
      sourceSequence: 1,
      writtenAt: 0,
      outcome: 'OK',
      error: null,
      priority: 1,
      channel: 'OCAPI',
      ...l,
    })),
  };
}

export function buildOrderFact(orderNo: string, over: Partial<OrderFact> = {}): OrderFact {
  return {
    orderNo,
    siteId: 'RefArch',
    createdAt: 0,
    lines: [{ itemId: 'item-1', sku: 'SKU-1', quantity: 2, inventoryListId: 'inventory_m' }],
    state: 'CAPTURED',
    capturedAt: 0,
    acceptedAt: null,
    rejectionReason: null,
    orderTotal: '10.00',
    currency: 'GBP',
    ...over,
  };
}
