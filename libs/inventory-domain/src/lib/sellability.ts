import type { ProductType } from '@wair-sfcc/contracts';

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
    };

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
      detail: `WAIR SKU ${sku} is not in the SFCC catalog: no product with this id (check case, spaces, leading zeros, or a missing variant)`,
    };
  }
  if (entry.type !== 'VARIANT' && entry.type !== 'SIMPLE') {
    const parent = entry.type === 'MASTER' || entry.type === 'VARIATION_GROUP';
    return {
      sellable: false,
      reason: 'NOT_A_VARIANT',
      severity: 'HIGH',
      detail: parent
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
