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
import type { ByteReader } from './byte-codec';
import type { RowCodec } from './packed-table';
import { StringInterner } from './string-interner';

// Byte layouts of the per-SKU tables (a million rows each, see packed-table). Every field is kept,
// so a decoded row equals the published value. Times close to another time of the same row are
// kept as the difference (one or two bytes); strings that are part of the key (style code, size,
// master id) as a position in it; the few repeated strings (locations, lists, colours, variation
// values) as dictionary ids.

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
const SEP = '\u0001';

/** `asOf, sourceSequence, ingestedAt − asOf, origin, n, (location, onHand, reserved, available, asOf − modifiedAt, sourceSequence − sequence)×n`. */
export function stockCodec(d: RowDictionaries): RowCodec<StockLevel> {
  return {
    encode(w, s) {
      w.num(s.asOf);
      w.num(s.sourceSequence);
      w.num(s.ingestedAt - s.asOf);
      w.uint(index(ORIGINS, s.origin));
      w.uint(s.locations.length);
      for (const l of s.locations) {
        w.uint(d.locations.idOf(l.locationCode));
        w.num(l.onHand);
        w.num(l.reserved);
        w.num(l.available);
        w.num(s.asOf - l.modifiedAt);
        w.num(s.sourceSequence - l.sequence);
      }
    },
    decode(r, sku) {
      const asOf = r.num();
      const sourceSequence = r.num();
      const ingestedAt = asOf + r.num();
      const origin = ORIGINS[r.uint()] ?? 'POLL';
      const locations: StockLevel['locations'] = [];
      for (let n = r.uint(); n > 0; n -= 1) {
        locations.push({
          locationCode: d.locations.valueOf(r.uint()),
          onHand: r.num(),
          reserved: r.num(),
          available: r.num(),
          modifiedAt: asOf - r.num(),
          sequence: sourceSequence - r.num(),
        });
      }
      return { sku, locations, asOf, sourceSequence, origin, ingestedAt };
    },
  };
}

/** `ingestedAt` of a stock row without decoding it. */
export function stockRowIngestedAt(r: ByteReader): number {
  const asOf = r.num();
  r.num();
  return asOf + r.num();
}

/** `status, modifiedAt, styleCode, itemCode, colour, size, barcode`. */
export function skuCodec(d: RowDictionaries): RowCodec<WairSku> {
  return {
    encode(w, s, key) {
      w.uint(index(STATUSES, s.status));
      w.num(s.modifiedAt);
      w.text(s.styleCode, key, d.shared);
      w.text(s.itemCode, key, d.shared);
      w.text(s.colour, key, d.shared);
      w.text(s.size, key, d.shared);
      w.text(s.barcode, key);
    },
    decode(r, sku) {
      const status = STATUSES[r.uint()] ?? 'ACTIVE';
      const modifiedAt = r.num();
      return {
        sku,
        styleCode: r.text(sku, d.shared) ?? '',
        itemCode: r.text(sku, d.shared) ?? '',
        colour: r.text(sku, d.shared) ?? '',
        size: r.text(sku, d.shared) ?? '',
        barcode: r.text(sku),
        status,
        modifiedAt,
      };
    },
  };
}

/** Status of a SKU row without decoding the rest. */
export function skuRowStatus(r: ByteReader): SkuStatus {
  return STATUSES[r.uint()] ?? 'ACTIVE';
}

/** `type | online << 3 | searchable (0 no, 1 yes, 2 unknown) << 4, pulledAt, masterId, variation values`. */
export function productCodec(d: RowDictionaries): RowCodec<SfccProduct> {
  // Parsed variation values per dictionary entry: a decode copies pairs instead of splitting strings.
  const parsed = new Map<string, Array<[string, string]>>();
  const pairsOf = (values: string) => {
    let pairs = parsed.get(values);
    if (!pairs) {
      pairs = values.split(SEP + SEP).map((pair) => {
        const [k = '', v = ''] = pair.split(SEP);
        return [k, v];
      });
      parsed.set(values, pairs);
    }
    return pairs;
  };
  return {
    encode(w, p, key) {
      const searchable = p.searchable === null ? 2 : p.searchable ? 1 : 0;
      w.uint(index(TYPES, p.type) | ((p.online ? 1 : 0) << 3) | (searchable << 4));
      w.num(p.pulledAt);
      w.text(p.masterId, key, d.shared);
      // Few distinct combinations (sizes × colours): one dictionary entry each.
      const entries = Object.entries(p.variationValues);
      w.text(entries.length ? entries.map(([k, v]) => `${k}${SEP}${v}`).join(SEP + SEP) : null, '', d.shared);
    },
    decode(r, productId) {
      const f = r.uint();
      const pulledAt = r.num();
      const masterId = r.text(productId, d.shared);
      const values = r.text('', d.shared);
      const variationValues: Record<string, string> = {};
      for (const [k, v] of values ? pairsOf(values) : []) variationValues[k] = v;
      const searchable = (f >> 4) & 3;
      return {
        productId,
        type: TYPES[f & 7] ?? 'OTHER',
        masterId,
        variationValues,
        online: ((f >> 3) & 1) === 1,
        searchable: searchable === 2 ? null : searchable === 1,
        pulledAt,
      };
    },
  };
}

/** Type and pull time of a product row without decoding the rest. */
export function productRowHead(r: ByteReader): { type: ProductType; pulledAt: number } {
  const type = TYPES[r.uint() & 7] ?? 'OTHER';
  return { type, pulledAt: r.num() };
}

/**
 * `n, (list, allocation, sourceAsOf, resetDate − sourceAsOf, writtenAt − sourceAsOf, sourceSequence,
 * outcome | channel << 2, priority, error)×n`.
 */
export function syncCodec(d: RowDictionaries): RowCodec<InventorySync> {
  return {
    encode(w, s) {
      w.uint(s.lists.length);
      for (const l of s.lists) {
        w.uint(d.lists.idOf(l.inventoryListId));
        w.num(l.allocation);
        w.num(l.sourceAsOf);
        w.num(l.resetDate - l.sourceAsOf);
        w.num(l.writtenAt - l.sourceAsOf);
        w.num(l.sourceSequence);
        w.uint(index(OUTCOMES, l.outcome) | (index(CHANNELS, l.channel) << 2));
        w.num(l.priority);
        w.text(l.error, '');
      }
    },
    decode(r, sku) {
      const lists: InventoryListSync[] = [];
      for (let n = r.uint(); n > 0; n -= 1) {
        const inventoryListId = d.lists.valueOf(r.uint());
        const allocation = r.num();
        const sourceAsOf = r.num();
        const resetDate = sourceAsOf + r.num();
        const writtenAt = sourceAsOf + r.num();
        const sourceSequence = r.num();
        const packed = r.uint();
        const priority = r.num();
        lists.push({
          inventoryListId,
          allocation,
          resetDate,
          sourceAsOf,
          sourceSequence,
          writtenAt,
          outcome: OUTCOMES[packed & 3] ?? 'OK',
          error: r.text(''),
          priority,
          channel: CHANNELS[(packed >> 2) & 1] ?? 'OCAPI',
        });
      }
      return { sku, lists };
    },
  };
}

/** Outcome and write time of each list of a sync row, without building the lists (table-wide scans). */
export function forEachSyncOutcome(
  r: ByteReader,
  visit: (outcome: SyncOutcome, writtenAt: number) => void,
): void {
  for (let n = r.uint(); n > 0; n -= 1) {
    r.uint();
    r.num();
    const sourceAsOf = r.num();
    r.num();
    const writtenAt = sourceAsOf + r.num();
    r.num();
    const outcome = OUTCOMES[r.uint() & 3] ?? 'OK';
    r.num();
    r.skipText();
    visit(outcome, writtenAt);
  }
}
