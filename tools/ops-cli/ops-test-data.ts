import type { IntegrationException } from '@wair-sfcc/contracts';
import type { SkuLookupView } from './lookup-views';

// Answers of the auditor API as the CLI's tests use them.

export const T = Date.UTC(2026, 10, 27, 10, 0, 0);

export const exceptionRow = (over: Partial<IntegrationException> = {}): IntegrationException => ({
  id: 'SKU_MISMATCH:ABC-1',
  type: 'SKU_MISMATCH',
  severity: 'HIGH',
  owner: 'MERCH',
  subjectType: 'SKU',
  subject: 'ABC-1',
  detail: 'WAIR SKU without a sellable SFCC variant',
  data: {},
  raisedBy: 'reconciliation-auditor',
  firstSeen: T,
  lastSeen: T,
  occurrences: 3,
  state: 'OPEN',
  acknowledgedBy: null,
  acknowledgedReason: null,
  resolvedAt: null,
  ...over,
});

export const skuView: SkuLookupView = {
  sku: 'ABC-1',
  wairSku: {
    sku: 'ABC-1',
    styleCode: 'ABC',
    itemCode: 'ABC-1',
    colour: 'Black',
    size: 'M',
    barcode: null,
    status: 'ACTIVE',
    modifiedAt: T,
  },
  stock: {
    asOf: T,
    sourceSequence: 42,
    origin: 'DELTA',
    ingestedAt: T,
    locations: [{ locationCode: 'WEB01', onHand: 12, reserved: 2, available: 10 }],
  },
  sfccProduct: null,
  sellability: {
    sellable: false,
    reason: 'NOT_IN_CATALOG',
    severity: 'HIGH',
    detail: 'no SFCC product ABC-1',
  },
  lists: [
    {
      inventoryListId: 'inventory_webshop',
      locations: ['WEB01', 'DC01'],
      expected: { allocation: 7, available: 10, inFlight: 1, buffer: 2 },
      lastWrite: null,
      sfccRecord: { allocation: 9, ats: 9, stockLevel: 9, lastModified: T },
    },
  ],
  inFlightOrders: [
    { orderNo: 'O-1', createdAt: T, state: 'CAPTURED', units: 1, inventoryListId: 'inventory_webshop' },
  ],
  exceptions: [exceptionRow()],
};
