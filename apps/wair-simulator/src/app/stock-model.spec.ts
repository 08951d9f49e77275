import { generateSimCatalogue } from '@wair-sfcc/sim-catalogue';
import { createStockModel } from './stock-model';

function setup(logLimit = 200_000) {
  let now = Date.UTC(2026, 0, 1);
  const catalogue = generateSimCatalogue({ seed: 'spec', skuCount: 4, stores: 1 });
  const model = createStockModel(catalogue, () => now, logLimit);
  const skus = catalogue.skus.map((s) => s.sku);
  return { model, skus, advance: (ms: number) => (now += ms) };
}

describe('stock model', () => {
  it('pages rows modified at or after a time, oldest first, with their count', () => {
    const { model, skus, advance } = setup();
    const [a, b, c] = skus as [string, string, string];
    model.set('INITIAL', a, 'WEB01', 1, 0);
    advance(10);
    model.set('INITIAL', b, 'WEB01', 2, 0);
    const from = advance(10);
    model.set('INITIAL', c, 'WEB01', 3, 0);
    model.set('CHANGE', a, 'WEB01', 4, 0);

    const all = model.pageSince(undefined, 0, 10);
    expect(all.total).toBe(3);
    expect(all.rows.map((r) => [r.skuCode, r.onHand])).toEqual([
      [b, 2],
      [c, 3],
      [a, 4],
    ]);
    const since = model.pageSince(from, 0, 10);
    expect(since.total).toBe(2);
    expect(since.rows.map((r) => r.skuCode)).toEqual([c, a]);
    expect(model.pageSince(from, 1, 1).rows.map((r) => r.skuCode)).toEqual([a]);
    expect(model.pageSince(from + 1, 0, 10)).toEqual({ rows: [], total: 0 });
  });

  it('sees a change made after a page was read', () => {
    const { model, skus } = setup();
    model.set('INITIAL', skus[0] as string, 'WEB01', 1, 0);
    expect(model.pageSince(undefined, 0, 10).rows).toHaveLength(1);
    model.set('INITIAL', skus[1] as string, 'WEB01', 1, 0);
    expect(model.pageSince(undefined, 0, 10).rows).toHaveLength(2);
  });

  it('keeps at least the newest `logLimit` changes in the log and at most twice as many', () => {
    const { model, skus } = setup(10);
    for (let i = 0; i < 35; i += 1) model.set('CHANGE', skus[0] as string, 'WEB01', i, 0);
    const log = model.changes();
    expect(log.length).toBeGreaterThanOrEqual(10);
    expect(log.length).toBeLessThanOrEqual(20);
    expect(log.at(-1)?.onHand).toBe(34);
    expect(log.map((e) => e.sequence)).toEqual(log.map((_, i) => 35 - log.length + 1 + i));
  });
});
