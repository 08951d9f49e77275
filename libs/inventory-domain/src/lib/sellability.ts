import type { ProductType } from '@wair-sfcc/contracts';
import { describeNearMatch, NearMatchIndex, nearMatchWords, type NearMatchKind } from './sku-near-match';

/** The part of an `sfcc.products.v1` row that decides whether a SKU may hold inventory. */
export interface CatalogEntry {
  type: ProductType;
  online: boolean;
  masterId: string | null;
}

/** Whether a SKU may be written to SFCC inventory, and if not, why (for the MERCH exception). */
export type Sellability =
  | { sellable: true }
  | {
      sellable: false;
      reason: 'NOT_IN_CATALOG' | 'NOT_A_VARIANT' | 'OFFLINE';
      severity: 'HIGH' | 'MEDIUM' | 'LOW';
      detail: string;
      /** What the catalog has instead, when it was looked for ({@link explainMismatch}). */
      nearMiss?: CatalogNearMiss;
    };

/** A verdict that stops a SKU's stock from being written. */
export type NotSellable = Extract<Sellability, { sellable: false }>;

const isSellableType = (type: ProductType | undefined): boolean => type === 'VARIANT' || type === 'SIMPLE';
const isParentType = (type: ProductType | undefined): type is 'MASTER' | 'VARIATION_GROUP' =>
  type === 'MASTER' || type === 'VARIATION_GROUP';

/**
 * Strict identifiers (DESIGN §4): only an online VARIANT or SIMPLE product holds inventory. OCAPI
 * would accept a PUT for any product id, so anything else must be stopped here, with a reason a
 * merchandiser can act on.
 */
export function sellability(sku: string, entry: CatalogEntry | undefined): Sellability {
  if (!entry) {
    return {
      sellable: false,
      reason: 'NOT_IN_CATALOG',
      severity: 'HIGH',
      detail: `${notInCatalog(sku)} (check case, spaces, leading zeros, or a missing variant)`,
    };
  }
  if (!isSellableType(entry.type)) {
    return {
      sellable: false,
      reason: 'NOT_A_VARIANT',
      severity: 'HIGH',
      detail: isParentType(entry.type)
        ? `WAIR SKU ${sku} is an SFCC ${entry.type.toLowerCase().replace('_', ' ')} (a parent), not a sellable variant; stock belongs on its variants`
        : `WAIR SKU ${sku} is an SFCC ${entry.type.toLowerCase()} product, which holds no inventory of its own`,
    };
  }
  if (!entry.online) {
    return {
      sellable: false,
      reason: 'OFFLINE',
      severity: 'LOW',
      detail: `SFCC product ${sku} is offline; its inventory is not written until it is online`,
    };
  }
  return { sellable: true };
}

const notInCatalog = (sku: string) => `WAIR SKU ${sku} is not in the SFCC catalog: no product with this id`;

/**
 * What the SFCC catalog has for a WAIR SKU that is not sellable, i.e. what the SKU was probably
 * meant to be: a sellable id that differs only in case, whitespace, leading zeros or separators
 * (`NEAR_ID`); the SKU's own id being a parent, with the variants stock belongs on (`PARENT`); or a
 * master whose id starts the SKU but that lacks this variant (`MISSING_VARIANT`).
 */
export type CatalogNearMiss =
  | { kind: 'NEAR_ID'; catalogId: string; differences: NearMatchKind[] }
  | {
      kind: 'PARENT';
      parentType: 'MASTER' | 'VARIATION_GROUP';
      /** The SKU itself for a master; a variation group's master (null when SFCC names none). */
      masterId: string | null;
      /** The first few variant ids of that master, sorted. */
      variants: string[];
      variantCount: number;
    }
  | { kind: 'MISSING_VARIANT'; masterId: string; variants: string[]; variantCount: number };

/** The look-ups {@link findNearMiss} needs; each must answer without scanning the catalog. */
export interface NearMissLookups {
  get(id: string): CatalogEntry | undefined;
  /** Sellable catalog ids that near-match the SKU, fewest kinds of difference first. */
  nearIds(sku: string): readonly string[];
  /** Ids of the variants of a master, in any order. */
  variantsOf(masterId: string): readonly string[];
}

/** The near-miss lists this many variants of a master; `variantCount` has them all. */
export const NEAR_MISS_VARIANTS = 3;

const SEPARATORS = new Set(['-', '_', '.', ' ']);

/** Ids a SKU's master could have: the SKU cut at each separator, longest first (`A-B-C` → `A-B`, `A`). */
function masterIdPrefixes(sku: string): string[] {
  const prefixes: string[] = [];
  for (let i = sku.length - 1; i > 0; i -= 1)
    if (SEPARATORS.has(sku.charAt(i))) prefixes.push(sku.slice(0, i));
  return prefixes;
}

/**
 * The near miss of a WAIR SKU that is not sellable, or undefined when the catalog has nothing close
 * (or the SKU is an offline, set or bundle product, where its own entry says all there is). Pure:
 * every question goes through `lookups`, which the caller backs with indexes.
 */
export function findNearMiss(
  sku: string,
  lookups: NearMissLookups,
  maxVariants = NEAR_MISS_VARIANTS,
): CatalogNearMiss | undefined {
  const variantsOf = (masterId: string | null) => {
    const all = masterId === null ? [] : [...lookups.variantsOf(masterId)].sort();
    return { variants: all.slice(0, maxVariants), variantCount: all.length };
  };
  const entry = lookups.get(sku);
  if (entry) {
    if (!isParentType(entry.type)) return undefined;
    const masterId = entry.type === 'MASTER' ? sku : entry.masterId;
    return { kind: 'PARENT', parentType: entry.type, masterId, ...variantsOf(masterId) };
  }
  const near = lookups.nearIds(sku)[0];
  if (near !== undefined)
    return { kind: 'NEAR_ID', catalogId: near, differences: describeNearMatch(sku, near) };
  for (const masterId of masterIdPrefixes(sku)) {
    if (lookups.get(masterId)?.type === 'MASTER') {
      return { kind: 'MISSING_VARIANT', masterId, ...variantsOf(masterId) };
    }
  }
  return undefined;
}

const quoted = (ids: readonly string[], total: number): string =>
  ids.map((id) => `'${id}'`).join(', ') + (total > ids.length ? ` (+${total - ids.length} more)` : '');

/**
 * The near miss in words, for an exception's detail: `SFCC has 'abc-001' (differs in case)`. Ids
 * are quoted so a stray space shows.
 */
export function nearMissHint(nearMiss: CatalogNearMiss): string {
  switch (nearMiss.kind) {
    case 'NEAR_ID':
      return `SFCC has '${nearMiss.catalogId}' (differs in ${nearMatchWords(nearMiss.differences)})`;
    case 'PARENT': {
      const variants =
        nearMiss.variantCount > 0
          ? `whose variants are ${quoted(nearMiss.variants, nearMiss.variantCount)}`
          : 'with no variants';
      if (nearMiss.parentType === 'MASTER') return `SFCC has it as a master ${variants}`;
      return nearMiss.masterId === null
        ? 'SFCC has it as a variation group without a master'
        : `SFCC has it as a variation group of master '${nearMiss.masterId}', ${variants}`;
    }
    case 'MISSING_VARIANT':
      return nearMiss.variantCount > 0
        ? `SFCC has master '${nearMiss.masterId}' without this variant; its variants are ${quoted(nearMiss.variants, nearMiss.variantCount)}`
        : `SFCC has master '${nearMiss.masterId}' with no variants`;
  }
}

/**
 * The near miss as an exception's `data` entries: `nearMiss` (its kind), and `suggestedId` +
 * `difference` (`CASE,LEADING_ZEROS`) for a near id, or `masterId`, `variants` (the first few,
 * comma-separated) and `variantCount` for a parent or a missing variant.
 */
export function nearMissData(nearMiss: CatalogNearMiss): Record<string, string> {
  if (nearMiss.kind === 'NEAR_ID') {
    return {
      nearMiss: 'NEAR_ID',
      suggestedId: nearMiss.catalogId,
      difference: nearMiss.differences.join(','),
    };
  }
  return {
    nearMiss: nearMiss.kind,
    ...(nearMiss.masterId === null ? {} : { masterId: nearMiss.masterId }),
    variants: nearMiss.variants.join(','),
    variantCount: String(nearMiss.variantCount),
  };
}

/**
 * The verdict of a SKU with what the catalog has instead (`null`: looked for, nothing close): the
 * detail names the near miss, or says there is none, in place of the generic advice. An OFFLINE
 * verdict, or a NOT_A_VARIANT one for a set or bundle, is returned as it is.
 */
export function explainMismatch(
  sku: string,
  verdict: NotSellable,
  nearMiss: CatalogNearMiss | null,
): NotSellable {
  if (verdict.reason === 'NOT_IN_CATALOG') {
    const detail = nearMiss
      ? `${notInCatalog(sku)}; ${nearMissHint(nearMiss)}`
      : `${notInCatalog(sku)}, none that differs only in case, whitespace, leading zeros or separators, and no master it could be a variant of`;
    return { ...verdict, detail, ...(nearMiss ? { nearMiss } : {}) };
  }
  if (verdict.reason === 'NOT_A_VARIANT' && nearMiss) {
    return { ...verdict, detail: `${verdict.detail}; ${nearMissHint(nearMiss)}`, nearMiss };
  }
  return verdict;
}

/** Where {@link CatalogNearMissFinder} reads the catalog snapshot (a compacted-topic table). */
export interface CatalogSnapshot {
  get(id: string): CatalogEntry | undefined;
  entries(): Iterable<[string, CatalogEntry]>;
}

/**
 * Near misses against a live catalog snapshot of up to millions of entries. Its indexes (sellable
 * ids by near-match key, variant ids by master) are built once, at the first look-up, from the
 * snapshot, then kept current through {@link CatalogNearMissFinder.changed}; a look-up is a few
 * hash probes, never a scan. A writer that never meets a mismatch never pays for the indexes.
 */
export class CatalogNearMissFinder {
  private index: { near: NearMatchIndex; variants: Map<string, string[]> } | undefined;

  constructor(
    private readonly catalog: CatalogSnapshot,
    private readonly maxVariants = NEAR_MISS_VARIANTS,
  ) {}

  /** Whether the indexes exist yet (they are built at the first {@link find}). */
  get built(): boolean {
    return this.index !== undefined;
  }

  /**
   * Applies one change of the snapshot (`entry` undefined: the product is gone). Before the first
   * look-up this does nothing: the build reads the snapshot as it is then.
   */
  changed(id: string, entry: CatalogEntry | undefined): void {
    const index = this.index;
    if (!index) return;
    if (entry && isSellableType(entry.type)) index.near.add(id);
    else index.near.delete(id);
    // A variant that moved away from a master, or disappeared, is dropped when that master is
    // next looked up (its previous master is not known here).
    if (entry?.type === 'VARIANT' && entry.masterId !== null) {
      const list = index.variants.get(entry.masterId);
      if (!list) index.variants.set(entry.masterId, [id]);
      else if (!list.includes(id)) list.push(id);
    }
  }

  /** The near miss of a SKU that is not sellable (see {@link findNearMiss}). */
  find(sku: string): CatalogNearMiss | undefined {
    const index = this.build();
    return findNearMiss(
      sku,
      {
        get: (id) => this.catalog.get(id),
        nearIds: (s) => index.near.candidates(s).filter((id) => isSellableType(this.catalog.get(id)?.type)),
        variantsOf: (masterId) => this.variantsOf(index.variants, masterId),
      },
      this.maxVariants,
    );
  }

  private build() {
    if (this.index) return this.index;
    const near = new NearMatchIndex();
    const variants = new Map<string, string[]>();
    for (const [id, entry] of this.catalog.entries()) {
      if (isSellableType(entry.type)) near.add(id);
      if (entry.type === 'VARIANT' && entry.masterId !== null) {
        const list = variants.get(entry.masterId);
        if (list) list.push(id);
        else variants.set(entry.masterId, [id]);
      }
    }
    // Pushing leaves spare capacity in every list; exact copies keep a million variants compact.
    for (const [masterId, list] of variants) variants.set(masterId, list.slice());
    this.index = { near, variants };
    return this.index;
  }

  private variantsOf(variants: Map<string, string[]>, masterId: string): string[] {
    const list = variants.get(masterId);
    if (!list) return [];
    const current = list.filter((id) => {
      const entry = this.catalog.get(id);
      return entry?.type === 'VARIANT' && entry.masterId === masterId;
    });
    if (current.length !== list.length) {
      if (current.length === 0) variants.delete(masterId);
      else variants.set(masterId, current);
    }
    return current;
  }
}
