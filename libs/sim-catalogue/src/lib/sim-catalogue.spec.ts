import { generateSimCatalogue } from './sim-catalogue';
import { createSeededRandom } from './seeded-random';

describe('generateSimCatalogue', () => {
  it('is reproducible from its seed and differs across seeds', () => {
    const a = generateSimCatalogue({ seed: 7, skuCount: 200 });
    expect(generateSimCatalogue({ seed: 7, skuCount: 200 })).toEqual(a);
    expect(generateSimCatalogue({ seed: 8, skuCount: 200 }).skus).not.toEqual(a.skus);
  });

  it('makes the requested number of unique variant SKUs under their styles', () => {
    const { skus, styles } = generateSimCatalogue({ seed: 1, skuCount: 500 });
    expect(skus).toHaveLength(500);
    expect(new Set(skus.map((s) => s.sku)).size).toBe(500);
    const styleCodes = new Set(styles.map((s) => s.styleCode));
    for (const sku of skus) {
      expect(styleCodes.has(sku.styleCode)).toBe(true);
      expect(sku.sku.startsWith(`${sku.styleCode}-`)).toBe(true);
      expect(sku.barcode).toMatch(/^\d{13}$/);
    }
  });

  it('has a webshop warehouse, a central warehouse and the requested stores', () => {
    const { locations } = generateSimCatalogue({ seed: 1, skuCount: 1, stores: 3 });
    expect(locations.map((l) => l.type)).toEqual(['WEBSHOP', 'WAREHOUSE', 'STORE', 'STORE', 'STORE']);
  });
});

describe('createSeededRandom', () => {
  it('gives integers within bounds', () => {
    const r = createSeededRandom('x');
    for (let i = 0; i < 1000; i += 1) {
      const v = r.int(3, 5);
      expect(v).toBeGreaterThanOrEqual(3);
      expect(v).toBeLessThanOrEqual(5);
    }
  });
});
