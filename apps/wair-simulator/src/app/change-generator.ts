import { createSeededRandom } from '@wair-sfcc/sim-catalogue';
import type { StockModel, StockRow } from './stock-model';

/** Kinds of stock change the generator makes, roughly in the proportions a retailer sees. */
export type ChangeKind = 'RECEIPT' | 'STORE_SALE' | 'ADJUSTMENT' | 'STOCK_OUT' | 'RESERVATION';

/**
 * Seeded stream of stock changes: the same seed gives the same sequence of changes (timing aside).
 * `seedInitialStock` gives every SKU figures at every location first.
 */
export function createChangeGenerator(model: StockModel, seed: string) {
  const random = createSeededRandom(`changes:${seed}`);
  const { skus, locations } = model.catalogue;
  const stores = locations.filter((l) => l.type === 'STORE');

  function seedInitialStock(): StockRow[] {
    const out: StockRow[] = [];
    for (const sku of skus) {
      for (const loc of locations) {
        const onHand = loc.type === 'STORE' ? random.int(0, 8) : random.int(0, 60);
        out.push(
          model.set('INITIAL', sku.sku, loc.code, onHand, loc.type === 'WEBSHOP' ? random.int(0, 3) : 0),
        );
      }
    }
    return out;
  }

  function next(): { kind: ChangeKind; row: StockRow } {
    const sku = random.pick(skus).sku;
    const roll = random.next();
    const kind: ChangeKind =
      roll < 0.25
        ? 'RECEIPT'
        : roll < 0.6
          ? 'STORE_SALE'
          : roll < 0.8
            ? 'ADJUSTMENT'
            : roll < 0.9
              ? 'STOCK_OUT'
              : 'RESERVATION';
    const loc =
      kind === 'RECEIPT'
        ? random.pick(locations.filter((l) => l.type !== 'STORE')).code
        : kind === 'STORE_SALE' && stores.length > 0
          ? random.pick(stores).code
          : kind === 'RESERVATION'
            ? 'WEB01'
            : random.pick(locations).code;
    const current = model.get(sku, loc) ?? { onHand: 0, reserved: 0 };
    let { onHand, reserved } = current;
    if (kind === 'RECEIPT') onHand += random.int(5, 40);
    else if (kind === 'STORE_SALE') onHand = Math.max(0, onHand - random.int(1, 2));
    else if (kind === 'ADJUSTMENT') onHand = Math.max(0, onHand + random.int(-3, 3));
    else if (kind === 'STOCK_OUT') onHand = reserved = 0;
    else reserved = Math.min(onHand, reserved + 1);
    return { kind, row: model.set(kind, sku, loc, onHand, reserved) };
  }

  return { seedInitialStock, next, random };
}

export type ChangeGenerator = ReturnType<typeof createChangeGenerator>;
