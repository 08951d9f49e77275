import type { SfccProduct, WairSku } from '@wair-sfcc/contracts';
import {
  describeNearMatch,
  explainMismatch,
  findNearMiss,
  nearMatchWords,
  NearMatchIndex,
  nearMissData,
  sellability,
  type NearMissLookups,
  type NotSellable,
} from '@wair-sfcc/inventory-domain';
import type { Finding } from './finding.model';

/** Why a SKU_MISMATCH finding was raised (`data.reason`). */
export type SkuMismatchReason =
  | 'WAIR_SKU_NOT_IN_SFCC'
  | 'WAIR_SKU_IS_PARENT'
  | 'WAIR_SKU_NOT_A_VARIANT'
  | 'SFCC_PRODUCT_OFFLINE'
  | 'SFCC_VARIANT_WITHOUT_WAIR_SKU'
  | 'INVENTORY_ON_PARENT'
  | 'INVENTORY_NOT_IN_CATALOG';

/** An SFCC inventory record as read back (only its key matters here). */
export interface InventoryRecordKey {
  productId: string;
  inventoryListId: string;
}

export interface SkuMismatchTables {
  /** `wair.skus.v1`; only ACTIVE SKUs must exist in SFCC, but any status counts as "WAIR knows it". */
  wairSkus: Iterable<WairSku>;
  /** `sfcc.products.v1` by product id. */
  products: ReadonlyMap<string, SfccProduct>;
  /** SFCC inventory records read back, when the audit has them. */
  inventoryRecords?: Iterable<InventoryRecordKey>;
}

const isSellableType = (p: SfccProduct) => p.type === 'VARIANT' || p.type === 'SIMPLE';

function finding(
  subject: string,
  reason: SkuMismatchReason,
  severity: Finding['severity'],
  detail: string,
  extra: Record<string, string> = {},
): Finding {
  return {
    type: 'SKU_MISMATCH',
    subjectType: 'SKU',
    subject,
    owner: 'MERCH',
    severity,
    detail,
    data: { reason, ...extra },
  };
}

/** The closest WAIR SKU to an SFCC id WAIR lacks, as `data` entries and words for the detail. */
function wairSuggestion(id: string, index: NearMatchIndex): { data: Record<string, string>; hint: string } {
  const best = index.candidates(id)[0];
  if (best === undefined) return { data: {}, hint: '' };
  const kinds = describeNearMatch(id, best);
  return {
    data: { suggestedId: best, difference: kinds.join(',') },
    hint: `; WAIR has '${best}' (differs in ${nearMatchWords(kinds)})`,
  };
}

/**
 * SKU_MISMATCH (owner MERCH): WAIR SKUs with no sellable SFCC variant/simple product (the same
 * verdict the writer applies, from `@wair-sfcc/inventory-domain`), SFCC variants WAIR does not know,
 * inventory records keyed to a parent or an unknown product. Each names its near miss the way the
 * writer does (`findNearMiss`): an id differing only in case, whitespace, leading zeros or
 * separators, found through a normalised-key index; for a parent, its variants; for a missing
 * variant, its master and that master's variants. A million SKUs cost two passes and two hash
 * maps, never a pairwise comparison. One finding per subject; an SFCC variant that is the
 * suggestion for a WAIR SKU is reported once, on the WAIR SKU.
 */
export function findSkuMismatches(tables: SkuMismatchTables): Finding[] {
  const wairIds = new Set<string>();
  const active: string[] = [];
  for (const s of tables.wairSkus) {
    wairIds.add(s.sku);
    if (s.status === 'ACTIVE') active.push(s.sku);
  }
  const get = (id: string) => tables.products.get(id);
  // Which masters' variants the hints will name (a parent SKU's, or the master a missing variant
  // belongs to): asked before the one pass over the catalog, which then collects just those.
  const wanted = new Map<string, string[]>();
  const pending: Array<{ sku: string; verdict: NotSellable }> = [];
  for (const sku of active) {
    const verdict = sellability(sku, get(sku));
    if (verdict.sellable) continue;
    pending.push({ sku, verdict });
    findNearMiss(sku, {
      get,
      nearIds: () => [],
      variantsOf: (masterId) => {
        if (!wanted.has(masterId)) wanted.set(masterId, []);
        return [];
      },
    });
  }
  const sellableIds: string[] = [];
  for (const p of tables.products.values()) {
    if (isSellableType(p)) sellableIds.push(p.productId);
    if (p.type === 'VARIANT' && p.masterId !== null) wanted.get(p.masterId)?.push(p.productId);
  }
  const sfccIndex = new NearMatchIndex(sellableIds.filter((id) => !wairIds.has(id)));
  const lookups: NearMissLookups = {
    get,
    nearIds: (id) => sfccIndex.candidates(id),
    variantsOf: (masterId) => wanted.get(masterId) ?? [],
  };

  const bySubject = new Map<string, Finding>();
  const suggested = new Set<string>();
  for (const { sku, verdict } of pending) {
    const product = get(sku);
    const nearMiss = verdict.reason === 'OFFLINE' ? undefined : findNearMiss(sku, lookups);
    const detail = explainMismatch(sku, verdict, nearMiss ?? null).detail;
    const hint = nearMiss ? nearMissData(nearMiss) : {};
    if (verdict.reason === 'NOT_IN_CATALOG') {
      if (nearMiss?.kind === 'NEAR_ID') suggested.add(nearMiss.catalogId);
      bySubject.set(sku, finding(sku, 'WAIR_SKU_NOT_IN_SFCC', verdict.severity, detail, hint));
    } else if (verdict.reason === 'NOT_A_VARIANT') {
      const parent = product?.type === 'MASTER' || product?.type === 'VARIATION_GROUP';
      const reason = parent ? 'WAIR_SKU_IS_PARENT' : 'WAIR_SKU_NOT_A_VARIANT';
      bySubject.set(
        sku,
        finding(sku, reason, verdict.severity, detail, { sfccType: product?.type ?? '', ...hint }),
      );
    } else {
      bySubject.set(sku, finding(sku, 'SFCC_PRODUCT_OFFLINE', verdict.severity, verdict.detail));
    }
  }

  let wairIndex: NearMatchIndex | undefined;
  for (const id of sellableIds) {
    if (wairIds.has(id) || suggested.has(id) || bySubject.has(id)) continue;
    wairIndex ??= new NearMatchIndex(wairIds);
    const product = tables.products.get(id) as SfccProduct;
    const s = wairSuggestion(id, wairIndex);
    const detail =
      `SFCC ${product.type.toLowerCase()} ${id} has no WAIR SKU, so its stock is never synchronised` + s.hint;
    bySubject.set(
      id,
      finding(id, 'SFCC_VARIANT_WITHOUT_WAIR_SKU', product.online ? 'MEDIUM' : 'LOW', detail, s.data),
    );
  }

  const parentLists = new Map<string, string[]>();
  for (const r of tables.inventoryRecords ?? []) {
    const product = tables.products.get(r.productId);
    if (product && isSellableType(product)) continue;
    const lists = parentLists.get(r.productId) ?? [];
    lists.push(r.inventoryListId);
    parentLists.set(r.productId, lists);
  }
  for (const [id, lists] of parentLists) {
    if (bySubject.has(id)) continue;
    const product = tables.products.get(id);
    const data = { inventoryListIds: lists.sort().join(',') };
    bySubject.set(
      id,
      product
        ? finding(
            id,
            'INVENTORY_ON_PARENT',
            'HIGH',
            `SFCC inventory record(s) in ${data.inventoryListIds} are keyed to ${product.type.toLowerCase()} ${id}, not to a sellable variant`,
            { ...data, sfccType: product.type },
          )
        : finding(
            id,
            'INVENTORY_NOT_IN_CATALOG',
            'MEDIUM',
            `SFCC inventory record(s) in ${data.inventoryListIds} exist for ${id}, which is not in the SFCC catalog`,
            data,
          ),
    );
  }
  return [...bySubject.values()];
}
