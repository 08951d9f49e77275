/** One product inventory record to write: the allocation of a SKU in an SFCC inventory list. */
export interface InventoryRecordWrite {
  inventoryListId: string;
  productId: string;
  /** Non-negative integer. */
  allocation: number;
  /** `allocation.reset_date`: the WAIR time (`asOf`, epoch ms) of the figure the allocation comes from. */
  resetDate: number;
}

/** What happened to one record of a write. */
export interface InventoryWriteResult {
  write: InventoryRecordWrite;
  status: 'OK' | 'REJECTED' | 'FAILED';
  httpStatus?: number;
  /** OCAPI fault type, e.g. `PropertyConstraintViolationException`. */
  faultType?: string;
  message?: string;
  /** True when the same write may succeed later (5xx, 429, timeouts, connection resets). */
  retriable: boolean;
}

/**
 * Writes allocations to SFCC inventory lists (OCAPI Data API). One call may carry up to 50
 * records (one OCAPI batch request); every record gets its own result, so one bad SKU does not
 * fail the others. Transport-level failures of the whole call reject with a retriable error.
 */
export interface InventoryWriter {
  write(records: readonly InventoryRecordWrite[]): Promise<InventoryWriteResult[]>;
}

/** A product inventory record as read back from SFCC (for drift audits and tests). */
export interface InventoryRecordRead {
  inventoryListId: string;
  productId: string;
  allocation: number;
  resetDate: number | null;
  ats: number;
  stockLevel: number;
  turnover: number;
  perpetual: boolean;
  lastModified: number | null;
}

/** Reads inventory records back, paged (`start`/`count`). */
export interface InventoryReader {
  readPage(
    inventoryListId: string,
    start: number,
    count: number,
  ): Promise<{ records: InventoryRecordRead[]; total: number }>;
  readOne(inventoryListId: string, productId: string): Promise<InventoryRecordRead | undefined>;
}

/**
 * Full refresh through IMPEX: one inventory XML file per list (chunked when large), uploaded over
 * WebDAV, imported by a job execution that is polled to its end; per-record errors are mapped back.
 */
export interface InventoryImporter {
  importList(
    inventoryListId: string,
    records: readonly InventoryRecordWrite[],
  ): Promise<InventoryWriteResult[]>;
}
