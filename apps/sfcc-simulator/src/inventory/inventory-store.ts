import {
  deriveFigures,
  type DerivedFigures,
  type InventoryRecordChange,
  type InventoryRecordState,
  type WriteHistoryEntry,
  type WriteVia,
} from './inventory-record';

/** Why a write was refused; the OCAPI and IMPEX layers turn it into their own error shapes. */
export type InventoryWriteError =
  | { kind: 'list-not-found'; message: string }
  | { kind: 'record-not-found'; message: string }
  | { kind: 'product-not-found'; message: string }
  | { kind: 'constraint'; property: string; message: string };

export type InventoryWriteResult =
  { ok: true; record: InventoryRecordState; created: boolean } | { ok: false; error: InventoryWriteError };

export interface InventoryStoreOptions {
  lists: string[];
  now: () => number;
  /** Quantity ordered for list/product after `since` (ms); the storefront's order ledger answers. */
  turnoverSince: (listId: string, productId: string, since: number) => number;
  /** Whether a product id exists in the catalog, for the reject-unknown-products setting. */
  productExists: (productId: string) => boolean;
  rejectUnknownProducts: boolean;
}

const key = (listId: string, productId: string) => `${listId}\u0000${productId}`;

/** The inventory lists with their records, the SFCC semantics on writes, and the write history. */
export function createInventoryStore(options: InventoryStoreOptions) {
  const lists = new Map<string, Map<string, InventoryRecordState>>();
  const history = new Map<string, WriteHistoryEntry[]>();
  const allWrites: WriteHistoryEntry[] = [];
  let seq = 0;
  let rejectUnknownProducts = options.rejectUnknownProducts;
  const init = () => {
    lists.clear();
    history.clear();
    allWrites.length = 0;
    for (const id of options.lists) lists.set(id, new Map());
  };
  init();

  const figures = (r: InventoryRecordState): DerivedFigures =>
    deriveFigures(r, options.turnoverSince(r.listId, r.productId, r.resetDate));

  const record = (entry: Omit<WriteHistoryEntry, 'seq' | 'at'>, at: number) => {
    const full: WriteHistoryEntry = { seq: ++seq, at: new Date(at).toISOString(), ...entry };
    const k = key(entry.listId, entry.productId);
    const list = history.get(k) ?? [];
    list.push(full);
    history.set(k, list);
    allWrites.push(full);
  };

  function write(
    listId: string,
    productId: string,
    change: InventoryRecordChange,
    mode: 'put' | 'patch' | 'import',
    via: WriteVia,
  ): InventoryWriteResult {
    const list = lists.get(listId);
    if (!list)
      return {
        ok: false,
        error: { kind: 'list-not-found', message: `No inventory list with ID '${listId}' could be found.` },
      };
    const existing = list.get(productId);
    if (mode === 'patch' && !existing) {
      return {
        ok: false,
        error: {
          kind: 'record-not-found',
          message: `No product inventory record for product '${productId}' in inventory list '${listId}' could be found.`,
        },
      };
    }
    if (!existing && rejectUnknownProducts && !options.productExists(productId)) {
      return {
        ok: false,
        error: { kind: 'product-not-found', message: `No product with ID '${productId}' could be found.` },
      };
    }
    for (const [property, value] of [
      ['allocation.amount', change.allocation],
      ['pre_order_back_order_allocation', change.preOrderBackOrderAllocation],
    ] as const) {
      if (value !== undefined && (!Number.isFinite(value) || value < 0)) {
        return {
          ok: false,
          error: {
            kind: 'constraint',
            property,
            message: `The value of property '${property}' must be >= 0, got ${value}.`,
          },
        };
      }
    }
    const now = options.now();
    const resetDate =
      change.resetDate ?? (change.allocation !== undefined || !existing ? now : existing.resetDate);
    if (existing && resetDate < existing.resetDate) {
      return {
        ok: false,
        error: {
          kind: 'constraint',
          property: 'allocation.reset_date',
          message: `The allocation reset date ${new Date(resetDate).toISOString()} is older than the current reset date ${new Date(existing.resetDate).toISOString()}.`,
        },
      };
    }
    // PUT replaces the document: unspecified fields return to SFCC's defaults; PATCH and an
    // import merge into what is there.
    const base: InventoryRecordState =
      mode === 'put' || !existing
        ? {
            listId,
            productId,
            allocation: 0,
            resetDate,
            perpetual: false,
            preOrderBackOrderHandling: 'none',
            preOrderBackOrderAllocation: 0,
            quantityOnOrder: 0,
            creationDate: existing?.creationDate ?? now,
            lastModified: now,
          }
        : { ...existing };
    const next: InventoryRecordState = {
      ...base,
      ...(change.allocation !== undefined ? { allocation: change.allocation } : {}),
      resetDate,
      ...(change.perpetual !== undefined ? { perpetual: change.perpetual } : {}),
      ...(change.preOrderBackOrderHandling
        ? { preOrderBackOrderHandling: change.preOrderBackOrderHandling }
        : {}),
      ...(change.preOrderBackOrderAllocation !== undefined
        ? { preOrderBackOrderAllocation: change.preOrderBackOrderAllocation }
        : {}),
      ...(change.inStockDate !== undefined ? { inStockDate: change.inStockDate } : {}),
      lastModified: now,
    };
    list.set(productId, next);
    record(
      {
        via,
        operation: mode,
        listId,
        productId,
        allocation: next.allocation,
        resetDate: new Date(next.resetDate).toISOString(),
        perpetual: next.perpetual,
        atsAfter: figures(next).ats,
      },
      now,
    );
    return { ok: true, record: next, created: !existing };
  }

  return {
    hasList: (listId: string) => lists.has(listId),
    listIds: () => [...lists.keys()],
    /** IMPEX creates a list named in a file's header, as SFCC's import does. */
    ensureList(listId: string): void {
      if (!lists.has(listId)) lists.set(listId, new Map());
    },
    get: (listId: string, productId: string) => lists.get(listId)?.get(productId),
    figures,
    put: (listId: string, productId: string, change: InventoryRecordChange, via: WriteVia) =>
      write(listId, productId, change, 'put', via),
    patch: (listId: string, productId: string, change: InventoryRecordChange, via: WriteVia) =>
      write(listId, productId, change, 'patch', via),
    importRecord: (listId: string, productId: string, change: InventoryRecordChange) =>
      write(listId, productId, change, 'import', 'impex'),
    remove(listId: string, productId: string, via: WriteVia): InventoryWriteResult {
      const list = lists.get(listId);
      if (!list)
        return {
          ok: false,
          error: { kind: 'list-not-found', message: `No inventory list with ID '${listId}' could be found.` },
        };
      const existing = list.get(productId);
      if (!existing) {
        return {
          ok: false,
          error: {
            kind: 'record-not-found',
            message: `No product inventory record for product '${productId}' in inventory list '${listId}' could be found.`,
          },
        };
      }
      list.delete(productId);
      record(
        { via, operation: via === 'impex' ? 'import-delete' : 'delete', listId, productId },
        options.now(),
      );
      return { ok: true, record: existing, created: false };
    },
    /** Records of a list ordered by product id, for paging. */
    page(listId: string, start: number, count: number) {
      const list = lists.get(listId);
      if (!list) return undefined;
      const ids = [...list.keys()].sort();
      return {
        total: ids.length,
        records: ids.slice(start, start + count).map((id) => list.get(id) as InventoryRecordState),
      };
    },
    all(): InventoryRecordState[] {
      return [...lists.values()].flatMap((l) => [...l.values()]);
    },
    history: (listId: string, productId: string) => history.get(key(listId, productId)) ?? [],
    writes: (sinceSeq = 0) => allWrites.filter((w) => w.seq > sinceSeq),
    setRejectUnknownProducts(value: boolean): void {
      rejectUnknownProducts = value;
    },
    get rejectUnknownProducts(): boolean {
      return rejectUnknownProducts;
    },
    reset(): void {
      rejectUnknownProducts = options.rejectUnknownProducts;
      init();
    },
  };
}

export type InventoryStore = ReturnType<typeof createInventoryStore>;
