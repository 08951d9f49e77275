import type {
  InventoryListSync,
  InventorySync,
  ProductType,
  SfccProduct,
  SkuStatus,
  StockLevel,
  StockOrigin,
  SyncOutcome,
  WairSku,
  WriteChannel,
} from '@wair-sfcc/contracts';
import { StringInterner } from './string-interner';

// Compact in-memory forms of the per-SKU tables (a million rows each). Numbers live in packed
// double arrays (8 bytes each, no per-field object); repeated strings are interned; fields no
// audit or look-up reads are dropped, and the decoders fill them with neutral values.

/** Interned strings shared by every row of one set of tables. */
export interface RowDictionaries {
  locations: StringInterner;
  lists: StringInterner;
  shared: StringInterner;
}

export function createRowDictionaries(): RowDictionaries {
  return { locations: new StringInterner(), lists: new StringInterner(), shared: new StringInterner() };
}

const ORIGINS: readonly StockOrigin[] = ['WEBHOOK', 'POLL', 'SNAPSHOT'];
const STATUSES: readonly SkuStatus[] = ['ACTIVE', 'INACTIVE', 'DISCONTINUED'];
const TYPES: readonly ProductType[] = [
  'MASTER',
  'VARIANT',
  'SIMPLE',
  'SET',
  'BUNDLE',
  'VARIATION_GROUP',
  'OTHER',
];
const OUTCOMES: readonly SyncOutcome[] = ['OK', 'SKU_NOT_IN_CATALOG', 'REJECTED', 'FAILED'];
const CHANNELS: readonly WriteChannel[] = ['OCAPI', 'IMPEX'];
const index = <T>(values: readonly T[], v: T) => Math.max(0, values.indexOf(v));

/** `[asOf, sourceSequence, ingestedAt, origin, (location, onHand, reserved, available)…]`. */
export type StockRow = number[];
const STOCK_HEAD = 4;
const STOCK_STRIDE = 4;

/** An array of exactly `length` numbers: growing one by `push` over-allocates its backing store by half. */
function exactArray(length: number): number[] {
  return new Array<number>(length).fill(0);
}

export function encodeStock(s: StockLevel, d: RowDictionaries): StockRow {
  const row = exactArray(STOCK_HEAD + STOCK_STRIDE * s.locations.length);
  row[0] = s.asOf;
  row[1] = s.sourceSequence;
  row[2] = s.ingestedAt;
  row[3] = index(ORIGINS, s.origin);
  let i = STOCK_HEAD;
  for (const l of s.locations) {
    row[i++] = d.locations.idOf(l.locationCode);
    row[i++] = l.onHand;
    row[i++] = l.reserved;
    row[i++] = l.available;
  }
  return row;
}

/** Location `modifiedAt`/`sequence` are not kept: the record's `asOf`/`sourceSequence` stand in. */
export function decodeStock(sku: string, row: StockRow, d: RowDictionaries): StockLevel {
  const asOf = row[0] ?? 0;
  const sequence = row[1] ?? 0;
  const locations: StockLevel['locations'] = [];
  for (let i = STOCK_HEAD; i + STOCK_STRIDE <= row.length; i += STOCK_STRIDE) {
    locations.push({
      locationCode: d.locations.valueOf(row[i] ?? 0),
      onHand: row[i + 1] ?? 0,
      reserved: row[i + 2] ?? 0,
      available: row[i + 3] ?? 0,
      modifiedAt: asOf,
      sequence,
    });
  }
  return {
    sku,
    locations,
    asOf,
    sourceSequence: sequence,
    origin: ORIGINS[row[3] ?? 0] ?? 'POLL',
    ingestedAt: row[2] ?? 0,
  };
}

/** The SKU master as one string: `status|modifiedAt|styleCode|itemCode|colour|size|barcode`. */
export type SkuRow = string;
const SEP = '\u0001';

export function encodeSku(s: WairSku): SkuRow {
  return [
    index(STATUSES, s.status),
    s.modifiedAt,
    s.styleCode,
    s.itemCode,
    s.colour,
    s.size,
    s.barcode ?? '',
  ].join(SEP);
}

export function decodeSku(sku: string, row: SkuRow): WairSku {
  const [
    status = '0',
    modifiedAt = '0',
    styleCode = '',
    itemCode = '',
    colour = '',
    size = '',
    barcode = '',
  ] = row.split(SEP);
  return {
    sku,
    styleCode,
    itemCode,
    colour,
    size,
    barcode: barcode || null,
    status: STATUSES[Number(status)] ?? 'ACTIVE',
    modifiedAt: Number(modifiedAt),
  };
}

/** Status of a SKU row without decoding the rest. */
export function skuRowStatus(row: SkuRow): SkuStatus {
  return STATUSES[Number(row.slice(0, row.indexOf(SEP)))] ?? 'ACTIVE';
}

/** `f` = type | online << 3 | searchable (0 no, 1 yes, 2 unknown) << 4; `m` master id (interned); `v` variation values. */
export interface ProductRow {
  f: number;
  m: string | null;
  v: string | null;
  p: number;
}

export function encodeProduct(p: SfccProduct, d: RowDictionaries): ProductRow {
  const searchable = p.searchable === null ? 2 : p.searchable ? 1 : 0;
  const entries = Object.entries(p.variationValues);
  return {
    f: index(TYPES, p.type) | ((p.online ? 1 : 0) << 3) | (searchable << 4),
    m: p.masterId === null ? null : d.shared.shared(p.masterId),
    // Few distinct combinations (sizes × colours): one shared string each.
    v: entries.length ? d.shared.shared(entries.map(([k, v]) => `${k}${SEP}${v}`).join(SEP + SEP)) : null,
    p: p.pulledAt,
  };
}

export function decodeProduct(productId: string, row: ProductRow): SfccProduct {
  const searchable = (row.f >> 4) & 3;
  const variationValues: Record<string, string> = {};
  for (const pair of row.v ? row.v.split(SEP + SEP) : []) {
    const [k = '', v = ''] = pair.split(SEP);
    variationValues[k] = v;
  }
  return {
    productId,
    type: TYPES[row.f & 7] ?? 'OTHER',
    masterId: row.m,
    variationValues,
    online: ((row.f >> 3) & 1) === 1,
    searchable: searchable === 2 ? null : searchable === 1,
    pulledAt: row.p,
  };
}

/**
 * Per list `[list, allocation, resetDate, sourceAsOf, sourceSequence, writtenAt, outcome | channel << 2 | priority << 3]`;
 * the rare error texts ride along only when a list has one.
 */
export type SyncRow = number[] | { n: number[]; e: Array<string | null> };
const SYNC_STRIDE = 7;

export function encodeSync(s: InventorySync, d: RowDictionaries): SyncRow {
  const n = exactArray(SYNC_STRIDE * s.lists.length);
  let i = 0;
  for (const l of s.lists) {
    n[i++] = d.lists.idOf(l.inventoryListId);
    n[i++] = l.allocation;
    n[i++] = l.resetDate;
    n[i++] = l.sourceAsOf;
    n[i++] = l.sourceSequence;
    n[i++] = l.writtenAt;
    n[i++] = index(OUTCOMES, l.outcome) | (index(CHANNELS, l.channel) << 2) | (l.priority << 3);
  }
  return s.lists.some((l) => l.error !== null) ? { n, e: s.lists.map((l) => l.error) } : n;
}

export function decodeSync(sku: string, row: SyncRow, d: RowDictionaries): InventorySync {
  const n = Array.isArray(row) ? row : row.n;
  const errors = Array.isArray(row) ? [] : row.e;
  const lists: InventoryListSync[] = [];
  for (let i = 0; i + SYNC_STRIDE <= n.length; i += SYNC_STRIDE) {
    const packed = n[i + 6] ?? 0;
    lists.push({
      inventoryListId: d.lists.valueOf(n[i] ?? 0),
      allocation: n[i + 1] ?? 0,
      resetDate: n[i + 2] ?? 0,
      sourceAsOf: n[i + 3] ?? 0,
      sourceSequence: n[i + 4] ?? 0,
      writtenAt: n[i + 5] ?? 0,
      outcome: OUTCOMES[packed & 3] ?? 'OK',
      error: errors[i / SYNC_STRIDE] ?? null,
      priority: packed >> 3,
      channel: CHANNELS[(packed >> 2) & 1] ?? 'OCAPI',
    });
  }
  return { sku, lists };
}

/** Outcome and write time of each list of a sync row, without decoding it (table-wide scans). */
export function forEachSyncOutcome(
  row: SyncRow,
  visit: (outcome: SyncOutcome, writtenAt: number) => void,
): void {
  const n = Array.isArray(row) ? row : row.n;
  for (let i = 0; i + SYNC_STRIDE <= n.length; i += SYNC_STRIDE) {
    visit(OUTCOMES[(n[i + 6] ?? 0) & 3] ?? 'OK', n[i + 5] ?? 0);
  }
}

/** Type of a product row without decoding it. */
export function productRowType(row: ProductRow): ProductType {
  return TYPES[row.f & 7] ?? 'OTHER';
}
