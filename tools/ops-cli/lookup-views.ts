import type {
  IntegrationException,
  InventoryListSync,
  OrderFact,
  SfccProduct,
  WairSku,
} from '@wair-sfcc/contracts';

// The JSON the auditor API answers (docs/api.md), as far as the CLI prints it. Declared here
// rather than imported: a tool must not depend on an app's source, only on its documented API.

export interface SkuLookupView {
  sku: string;
  wairSku: WairSku | null;
  stock: {
    asOf: number;
    sourceSequence: number;
    origin: string;
    ingestedAt: number;
    locations: Array<{ locationCode: string; onHand: number; reserved: number; available: number }>;
  } | null;
  sfccProduct: SfccProduct | null;
  sellability: { sellable: true } | { sellable: false; reason: string; severity: string; detail: string };
  lists: Array<{
    inventoryListId: string;
    locations: readonly string[];
    expected: { allocation: number; available: number; inFlight: number; buffer: number } | null;
    lastWrite: InventoryListSync | null;
    sfccRecord?: { allocation: number; ats: number; stockLevel: number; lastModified: number | null } | null;
    sfccError?: string;
  }>;
  inFlightOrders: Array<{
    orderNo: string;
    createdAt: number;
    state: string;
    units: number;
    inventoryListId: string;
  }>;
  exceptions: IntegrationException[];
}

export interface OrderTimelineView {
  orderNo: string;
  order: OrderFact | null;
  events: Array<{ at: number | null; kind: string; detail: string }>;
  exceptions: IntegrationException[];
}

export interface ExceptionsPage {
  total: number;
  offset: number;
  limit: number;
  exceptions: IntegrationException[];
}
