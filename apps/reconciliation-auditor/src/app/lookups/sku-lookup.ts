import type {
  IntegrationException,
  InventoryListSync,
  OrderState,
  SfccProduct,
  WairSku,
} from '@wair-sfcc/contracts';
import { sellability, type Allocation, type Sellability } from '@wair-sfcc/inventory-domain';
import type { InventoryReader, InventoryRecordRead } from '@wair-sfcc/sfcc-client';
import { expectedAllocation, type AllocationModel } from '../allocation-model';
import type { ExceptionBook } from '../exceptions/exception-book';
import type { AuditorTables } from '../state/auditor-tables';
import type { SkuChange, SkuHistory } from './sku-history';

/** One inventory list of a SKU: what WAIR implies, what was written, what SFCC holds. */
export interface SkuListView {
  inventoryListId: string;
  locations: readonly string[];
  /** Allocation by the writer's formula now; null without a WAIR figure. */
  expected: Allocation | null;
  lastWrite: InventoryListSync | null;
  /** SFCC record read back; null when SFCC has none; absent when read-back is not configured. */
  sfccRecord?: InventoryRecordRead | null;
  sfccError?: string;
}

export interface SkuLookup {
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
  sellability: Sellability;
  lists: SkuListView[];
  /** Orders with a line of this SKU that WAIR has not accepted yet. */
  inFlightOrders: Array<{
    orderNo: string;
    createdAt: number;
    state: OrderState;
    units: number;
    inventoryListId: string;
  }>;
  exceptions: IntegrationException[];
  /** Recent WAIR figures and SFCC writes, newest first (empty when the SKU has not changed recently). */
  history: SkuChange[];
}

export interface SkuLookupOptions {
  tables: AuditorTables;
  model: AllocationModel;
  book: ExceptionBook;
  reader?: InventoryReader;
  /** The bounded per-SKU change history; without it `history` is empty. */
  history?: Pick<SkuHistory, 'of'>;
}

/** Everything known about one SKU across WAIR, Kafka and SFCC (the SKU look-up of the dashboard and CLI). */
export function createSkuLookup(options: SkuLookupOptions) {
  const { tables, model, book } = options;
  return async (sku: string): Promise<SkuLookup | undefined> => {
    const wairSku = tables.skus.get(sku) ?? null;
    const figure = tables.stock.get(sku);
    const product = tables.products.get(sku) ?? null;
    const sync = tables.syncs.get(sku);
    const history = options.history?.of(sku) ?? [];
    if (!wairSku && !figure && !product && !sync && history.length === 0) return undefined;
    const lists = await Promise.all(
      model.lists.map(async (list): Promise<SkuListView> => {
        const view: SkuListView = {
          inventoryListId: list.inventoryListId,
          locations: list.locations,
          expected: figure ? expectedAllocation(model, list, figure) : null,
          lastWrite: sync?.lists.find((l) => l.inventoryListId === list.inventoryListId) ?? null,
        };
        if (options.reader) {
          try {
            view.sfccRecord = (await options.reader.readOne(list.inventoryListId, sku)) ?? null;
          } catch (error) {
            view.sfccError = (error as Error).message;
          }
        }
        return view;
      }),
    );
    const inFlightOrders: SkuLookup['inFlightOrders'] = [];
    for (const order of tables.orders.values()) {
      if (order.state !== 'CAPTURED') continue;
      for (const line of order.lines) {
        if (line.sku !== sku) continue;
        inFlightOrders.push({
          orderNo: order.orderNo,
          createdAt: order.createdAt,
          state: order.state,
          units: line.quantity,
          inventoryListId: line.inventoryListId,
        });
      }
    }
    const exceptions = [...book.all()].filter((e) => e.subjectType === 'SKU' && e.subject === sku);
    return {
      sku,
      wairSku,
      stock: figure
        ? {
            asOf: figure.asOf,
            sourceSequence: figure.sourceSequence,
            origin: figure.origin,
            ingestedAt: figure.ingestedAt,
            locations: figure.locations.map(({ locationCode, onHand, reserved, available }) => ({
              locationCode,
              onHand,
              reserved,
              available,
            })),
          }
        : null,
      sfccProduct: product,
      sellability: sellability(sku, product ?? undefined),
      lists,
      inFlightOrders: inFlightOrders.sort((a, b) => a.createdAt - b.createdAt),
      exceptions,
      history,
    };
  };
}
