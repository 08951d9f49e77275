import type { ProductsTypes } from 'commerce-sdk';
import { createSeededRandom, generateSimCatalogue } from '@wair-sfcc/sim-catalogue';

type Product = ProductsTypes.Product;

export type MismatchKind = 'missing-variant' | 'case' | 'whitespace' | 'leading-zeros' | 'parent-id';

/** A deliberate difference between the WAIR SKU and what SFCC's catalog holds for it. */
export interface InjectedMismatch {
  wairSku: string;
  kind: MismatchKind;
  /** The id SFCC has instead, or null when SFCC has nothing for it. */
  sfccId: string | null;
}

export interface SfccCatalogOptions {
  seed: string;
  skuCount: number;
  mismatchShare: number;
  simpleProducts: number;
}

export interface SfccCatalog {
  products: Product[];
  byId: Map<string, Product>;
  mismatches: InjectedMismatch[];
  /** SKUs the storefront can sell: variants and simple products. */
  sellableIds: string[];
}

const KINDS: MismatchKind[] = ['missing-variant', 'case', 'whitespace', 'leading-zeros', 'parent-id'];

function leadingZeros(sku: string): string {
  // A numeric size gets a zero in front (8 → 08); otherwise the style number does (ST10001 → ST010001).
  const parts = sku.split('-');
  const last = parts[parts.length - 1] ?? '';
  if (/^\d+$/.test(last)) return [...parts.slice(0, -1), `0${last}`].join('-');
  return sku.replace(/^([A-Z]+)(\d)/, '$10$2');
}

/**
 * SFCC's side of the shared seeded catalogue: each style is a master with its colour × size
 * variants (a one-SKU style is a simple product), plus SFCC-only simple products, with a seeded
 * share of SKUs altered the way real catalogs drift from the WAIR SKU master.
 */
export function buildSfccCatalog(options: SfccCatalogOptions): SfccCatalog {
  const source = generateSimCatalogue({ seed: options.seed, skuCount: options.skuCount });
  const random = createSeededRandom(`sfcc-mismatch:${options.seed}`);
  const created = '2024-01-01T00:00:00.000Z';
  const products: Product[] = [];
  const mismatches: InjectedMismatch[] = [];
  // Grouped once: filtering all SKUs for each style is quadratic (minutes at 1,000,000 SKUs).
  const byStyle = new Map<string, typeof source.skus>();
  for (const s of source.skus) {
    const group = byStyle.get(s.styleCode);
    if (group) group.push(s);
    else byStyle.set(s.styleCode, [s]);
  }
  for (const style of source.styles) {
    const skus = byStyle.get(style.styleCode) ?? [];
    if (skus.length === 0) continue;
    const isSimple = skus.length === 1;
    if (!isSimple) {
      products.push({
        id: style.styleCode,
        name: { default: style.name },
        type: { master: true, variant: false, item: false },
        online: true,
        creationDate: created,
      });
    }
    for (const sku of skus) {
      let id: string | null = sku.sku;
      let kind: MismatchKind | undefined;
      if (random.chance(options.mismatchShare)) {
        kind = random.pick(KINDS);
        id =
          kind === 'missing-variant'
            ? null
            : kind === 'case'
              ? sku.sku.toLowerCase()
              : kind === 'whitespace'
                ? `${sku.sku} `
                : kind === 'leading-zeros'
                  ? leadingZeros(sku.sku)
                  : sku.sku;
        mismatches.push({ wairSku: sku.sku, kind, sfccId: id });
      }
      if (id === null) continue;
      const name = { default: `${style.name} ${sku.colour} ${sku.size}` };
      if (kind === 'parent-id') {
        // SFCC models this SKU as a master (not sellable) rather than as a variant.
        products.push({
          id,
          name,
          type: { master: true, variant: false, item: false },
          online: true,
          creationDate: created,
        });
      } else if (isSimple) {
        products.push({
          id,
          name,
          type: { master: false, variant: false, item: true },
          online: sku.status === 'ACTIVE',
          creationDate: created,
          ean: sku.barcode,
        });
      } else {
        products.push({
          id,
          name,
          type: { master: false, variant: true, item: false },
          master: { masterId: style.styleCode, orderable: true },
          variationValues: { color: sku.colour, size: sku.size },
          online: sku.status === 'ACTIVE',
          creationDate: created,
          ean: sku.barcode,
        });
      }
    }
  }
  for (let i = 1; i <= options.simpleProducts; i += 1) {
    products.push({
      id: `GIFTCARD-${String(i * 25).padStart(3, '0')}`,
      name: { default: `Gift card ${i * 25}` },
      type: { master: false, variant: false, item: true },
      online: true,
      creationDate: created,
    });
  }
  products.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const byId = new Map(products.map((p) => [p.id, p]));
  const sellableIds = products.filter((p) => p.type?.variant || p.type?.item).map((p) => p.id);
  return { products, byId, mismatches, sellableIds };
}
