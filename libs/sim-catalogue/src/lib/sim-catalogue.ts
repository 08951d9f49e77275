import { createSeededRandom } from './seeded-random';

/** A product style (SFCC master product) with its colour × size variants. */
export interface SimStyle {
  styleCode: string;
  itemCode: string;
  name: string;
  colours: Array<{ code: string; name: string }>;
  sizes: string[];
}

/** One sellable SKU (SFCC variant), the unit WAIR counts stock in. */
export interface SimSku {
  sku: string;
  styleCode: string;
  itemCode: string;
  colour: string;
  size: string;
  barcode: string;
  status: 'ACTIVE' | 'INACTIVE' | 'DISCONTINUED';
}

export interface SimLocation {
  code: string;
  type: 'WEBSHOP' | 'WAREHOUSE' | 'STORE';
  name: string;
}

export interface SimCatalogue {
  seed: string;
  styles: SimStyle[];
  skus: SimSku[];
  locations: SimLocation[];
}

export interface SimCatalogueOptions {
  seed: string | number;
  /** Approximate number of SKUs wanted; styles are added until it is reached. */
  skuCount: number;
  /** Number of stores besides the webshop warehouse and the central warehouse. */
  stores?: number;
}

const COLOURS = [
  { code: 'BLK', name: 'Black' },
  { code: 'WHT', name: 'White' },
  { code: 'NVY', name: 'Navy' },
  { code: 'RED', name: 'Red' },
  { code: 'GRN', name: 'Forest Green' },
  { code: 'GRY', name: 'Grey Marl' },
  { code: 'BEI', name: 'Beige' },
  { code: 'BLU', name: 'Sky Blue' },
];
const SIZE_RUNS = [
  ['XS', 'S', 'M', 'L', 'XL'],
  ['S', 'M', 'L', 'XL', 'XXL'],
  ['36', '38', '40', '42', '44', '46'],
  ['6', '7', '8', '9', '10', '11'],
  ['ONE'],
];
const GARMENTS = ['Tee', 'Hoodie', 'Chino', 'Jacket', 'Dress', 'Shirt', 'Sneaker', 'Knit', 'Coat', 'Short'];
const ADJECTIVES = ['Classic', 'Relaxed', 'Slim', 'Organic', 'Heritage', 'Coastal', 'Urban', 'Merino'];

/** EAN-13 check digit, so barcodes look like the real thing. */
function ean13(base12: string): string {
  const sum = [...base12].reduce((acc, d, i) => acc + Number(d) * (i % 2 === 0 ? 1 : 3), 0);
  return `${base12}${(10 - (sum % 10)) % 10}`;
}

/**
 * Generates the retailer's catalogue from a seed. Both simulators call this with the same seed so
 * WAIR's SKUs and SFCC's variants match (the SFCC side then injects deliberate mismatches).
 * SKU ids are `<style>-<colour>-<size>`, the style code is the SFCC master product id.
 */
export function generateSimCatalogue(options: SimCatalogueOptions): SimCatalogue {
  const random = createSeededRandom(`catalogue:${options.seed}`);
  const styles: SimStyle[] = [];
  const skus: SimSku[] = [];
  for (let n = 0; skus.length < options.skuCount; n += 1) {
    const styleCode = `ST${String(10000 + n)}`;
    const sizes = random.pick(SIZE_RUNS);
    const colourCount = random.int(1, 4);
    const start = random.int(0, COLOURS.length - 1);
    const colours = Array.from(
      { length: colourCount },
      (_, i) => COLOURS[(start + i) % COLOURS.length] as (typeof COLOURS)[number],
    );
    const style: SimStyle = {
      styleCode,
      itemCode: `IT${String(5000 + Math.floor(n / 3))}`,
      name: `${random.pick(ADJECTIVES)} ${random.pick(GARMENTS)}`,
      colours,
      sizes,
    };
    styles.push(style);
    for (const colour of colours) {
      for (const size of sizes) {
        if (skus.length >= options.skuCount) break;
        const serial = String(skus.length).padStart(7, '0');
        skus.push({
          sku: `${styleCode}-${colour.code}-${size}`,
          styleCode,
          itemCode: style.itemCode,
          colour: colour.name,
          size,
          barcode: ean13(`50${String(n % 1000).padStart(3, '0')}${serial}`),
          status: random.chance(0.02) ? 'DISCONTINUED' : 'ACTIVE',
        });
      }
    }
  }
  const stores = options.stores ?? 2;
  const locations: SimLocation[] = [
    { code: 'WEB01', type: 'WEBSHOP', name: 'Webshop warehouse' },
    { code: 'DC01', type: 'WAREHOUSE', name: 'Central warehouse' },
    ...Array.from({ length: stores }, (_, i) => ({
      code: `ST${String(i + 1).padStart(2, '0')}`,
      type: 'STORE' as const,
      name: `Store ${i + 1}`,
    })),
  ];
  return { seed: String(options.seed), styles, skus, locations };
}
