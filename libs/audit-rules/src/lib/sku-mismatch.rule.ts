import type { SfccProduct, WairSku } from '@wair-sfcc/contracts';
import { sellability } from '@wair-sfcc/inventory-domain';
import type { Finding } from './finding.model';
import { describeNearMatch, NearMatchIndex } from './sku-near-match';

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

function suggestion(id: string, index: NearMatchIndex): Record<string, string> {
  const best = index.candidates(id)[0];
  return best ? { suggestedId: best, difference: describeNearMatch(id, best).join(',') } : {};
}

const hint = (s: Record<string, string>) =>
  s['suggestedId']
    ? `; likely intended: ${s['suggestedId']} (differs by ${s['difference']?.toLowerCase().replace(/_/g, ' ')})`
    : '';

/**
 * SKU_MISMATCH (owner MERCH): WAIR SKUs with no sellable SFCC variant/simple product (the same
 * verdict the writer applies, from `@wair-sfcc/inventory-domain`), SFCC variants WAIR does not know,
 * inventory records keyed to a parent or an unknown product, each with a near-match suggestion
 * (case, whitespace, leading zeros, separators) found through a normalised-key index, so a million
 * SKUs cost two passes and two hash maps, never a pairwise comparison. One finding per subject; an
 * SFCC variant that is the suggestion for a WAIR SKU is reported once, on the WAIR SKU.
 */
export function findSkuMismatches(tables: SkuMismatchTables): Finding[] {
  const wairIds = new Set<string>();
  const active: string[] = [];
  for (const s of tables.wairSkus) {
    wairIds.add(s.sku);
    if (s.status === 'ACTIVE') active.push(s.sku);
  }
  const sellableIds: string[] = [];
  for (const p of tables.products.values()) if (isSellableType(p)) sellableIds.push(p.productId);
  const sfccIndex = new NearMatchIndex(sellableIds.filter((id) => !wairIds.has(id)));

  const bySubject = new Map<string, Finding>();
  const suggested = new Set<string>();
  for (const sku of active) {
    const product = tables.products.get(sku);
    const verdict = sellability(sku, product);
    if (verdict.sellable) continue;
    if (verdict.reason === 'NOT_IN_CATALOG') {
      const s = suggestion(sku, sfccIndex);
      if (s['suggestedId']) suggested.add(s['suggestedId']);
      bySubject.set(sku, finding(sku, 'WAIR_SKU_NOT_IN_SFCC', verdict.severity, verdict.detail + hint(s), s));
    } else if (verdict.reason === 'NOT_A_VARIANT') {
      const parent = product?.type === 'MASTER' || product?.type === 'VARIATION_GROUP';
      const reason = parent ? 'WAIR_SKU_IS_PARENT' : 'WAIR_SKU_NOT_A_VARIANT';
      bySubject.set(
        sku,
        finding(sku, reason, verdict.severity, verdict.detail, { sfccType: product?.type ?? '' }),
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
    const s = suggestion(id, wairIndex);
    const detail =
      `SFCC ${product.type.toLowerCase()} ${id} has no WAIR SKU, so its stock is never synchronised` +
      hint(s);
    bySubject.set(
      id,
      finding(id, 'SFCC_VARIANT_WITHOUT_WAIR_SKU', product.online ? 'MEDIUM' : 'LOW', detail, s),
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
