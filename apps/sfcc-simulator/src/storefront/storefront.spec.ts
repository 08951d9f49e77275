import { createSimKit } from '../app/sim-test-kit';

describe('storefront generator', () => {
  it('orders only SKUs whose ats covers the quantity and never oversells', () => {
    const kit = createSimKit();
    const { inventory, storefront, orders } = kit.state;
    inventory.put('inventory_webshop', 'A', { allocation: 3 }, 'ocapi');
    inventory.put('inventory_webshop', 'B', { allocation: 0 }, 'ocapi');
    kit.advance(1);
    for (let i = 0; i < 10; i += 1) {
      storefront.placeRandom();
      kit.advance(1);
    }
    const placed = orders.list();
    expect(placed.flatMap((o) => o.productItems.map((l) => l.productId))).not.toContain('B');
    expect(placed.reduce((sum, o) => sum + (o.productItems[0]?.quantity ?? 0), 0)).toBe(3);
    expect(
      placed.every(
        (o) => !o.oversold && o.exportStatus === 'ready' && o.customerInfo.email.endsWith('@example.com'),
      ),
    ).toBe(true);
    const a = inventory.get('inventory_webshop', 'A');
    expect(a && inventory.figures(a).ats).toBe(0);
  });

  it('keeps selling a perpetual SKU with allocation 0, and its ats is not used up', () => {
    const kit = createSimKit();
    const { inventory, storefront, orders } = kit.state;
    inventory.put('inventory_webshop', 'P', { allocation: 0, perpetual: true }, 'ocapi');
    kit.advance(1);
    expect(storefront.place([{ productId: 'P', quantity: 5 }])).toMatchObject({ ok: true });
    for (let i = 0; i < 5; i += 1) {
      expect(storefront.placeRandom()).toMatchObject({ ok: true });
      kit.advance(1);
    }
    expect(orders.list()).toHaveLength(6);
    expect(orders.list().every((o) => !o.oversold && o.productItems[0]?.productId === 'P')).toBe(true);
    const p = inventory.get('inventory_webshop', 'P');
    expect(p && inventory.figures(p)).toMatchObject({ ats: 0, stockLevel: 0 });
    expect(p && inventory.figures(p).turnover).toBeGreaterThanOrEqual(6);
  });
});

describe('catalog mismatches', () => {
  it('injects the configured share of mismatches, each reflected in the catalog', () => {
    const kit = createSimKit({ SIM_SKU_COUNT: '400', SIM_MISMATCH_SHARE: '0.2' });
    const { mismatches, byId } = kit.state.catalog;
    expect(mismatches.length).toBeGreaterThan(40);
    expect(new Set(mismatches.map((m) => m.kind)).size).toBe(5);
    for (const m of mismatches) {
      if (m.kind === 'missing-variant') expect(byId.has(m.wairSku)).toBe(false);
      else if (m.kind === 'parent-id') expect(byId.get(m.wairSku)?.type?.master).toBe(true);
      else {
        expect(m.sfccId).not.toBe(m.wairSku);
        expect(byId.has(m.sfccId as string)).toBe(true);
      }
    }
  });
});
