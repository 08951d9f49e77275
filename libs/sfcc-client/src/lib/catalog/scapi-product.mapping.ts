import type { SfccProduct, ProductType } from '@wair-sfcc/contracts';
import type { ProductsTypes } from 'commerce-sdk';

/** The SCAPI product type flags mapped to the contract's enum; `item` is SFCC's simple product. */
export function productTypeOf(type: ProductsTypes.ProductType | undefined): ProductType {
  if (!type) return 'OTHER';
  if (type.variant) return 'VARIANT';
  if (type.master) return 'MASTER';
  if (type.variationGroup) return 'VARIATION_GROUP';
  if (type.set) return 'SET';
  if (type.bundle) return 'BUNDLE';
  if (type.item) return 'SIMPLE';
  return 'OTHER';
}

/** Site-specific flags come as `{ siteId: boolean }`; `default` is the fallback SFCC reports. */
const siteFlag = (flags: Record<string, boolean> | undefined, siteId: string | undefined): boolean | null => {
  if (!flags) return null;
  if (siteId && typeof flags[siteId] === 'boolean') return flags[siteId] as boolean;
  if (typeof flags['default'] === 'boolean') return flags['default'] as boolean;
  const values = Object.values(flags);
  return values.length ? values.some(Boolean) : null;
};

/** One search hit as the `sfcc.products.v1` value. */
export function toSfccProduct(hit: ProductsTypes.Product, pulledAt: number, siteId?: string): SfccProduct {
  const type = productTypeOf(hit.type);
  const hasMaster = type === 'VARIANT' || type === 'VARIATION_GROUP';
  const variationValues = Object.fromEntries(
    Object.entries(hit.variationValues ?? {}).filter(([, v]) => typeof v === 'string'),
  ) as Record<string, string>;
  return {
    productId: hit.id,
    type,
    masterId: hasMaster ? (hit.master?.masterId ?? null) : null,
    variationValues: type === 'VARIANT' || type === 'VARIATION_GROUP' ? variationValues : {},
    online: hit.online ?? siteFlag(hit.onlineFlag, siteId) ?? false,
    searchable: siteFlag(hit.searchable, siteId),
    pulledAt,
  };
}

/** True when two entries say the same about the product (the pull time aside). */
export function sameProduct(a: SfccProduct, b: SfccProduct): boolean {
  const values = (p: SfccProduct): string =>
    JSON.stringify(Object.entries(p.variationValues).sort(([x], [y]) => x.localeCompare(y)));
  return (
    a.productId === b.productId &&
    a.type === b.type &&
    a.masterId === b.masterId &&
    a.online === b.online &&
    a.searchable === b.searchable &&
    values(a) === values(b)
  );
}
