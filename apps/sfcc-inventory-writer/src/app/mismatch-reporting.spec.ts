import { CatalogNearMissFinder } from '@wair-sfcc/inventory-domain';
import { createPipelineHarness, figure } from './testing/pipeline-harness';

describe('mismatch reporting with the catalog near-miss finder', () => {
  it('raises each mismatch with what SFCC has instead, and writes the rest', async () => {
    const h = createPipelineHarness({ skus: ['GOOD', 'st1-red-m', 'ST1-RED-S'] });
    h.catalog.set('ST1', { type: 'MASTER', online: true, masterId: null });
    h.catalog.set('st1-red-m', { type: 'VARIANT', online: true, masterId: 'ST1' });
    h.catalog.set('ST1-RED-S', { type: 'VARIANT', online: true, masterId: 'ST1' });
    const finder = new CatalogNearMissFinder(h.catalog);
    Object.assign(h.catalog, { nearMiss: (sku: string) => finder.find(sku) });
    h.workers.start();
    try {
      await h.feed(figure('ST1-RED-M', 1, { DC01: 3 }));
      await h.feed(figure('ST1', 2, { DC01: 3 }));
      await h.feed(figure('ST1-RED-L', 3, { DC01: 3 }));
      await h.feed(figure('GOOD', 4, { DC01: 3 }));
      await h.drain();
      expect(h.fakeWriter.calls.flat().map((w) => w.productId)).toEqual(['GOOD']);
      const byId = new Map(h.exceptions().map((e) => [e.subject, e]));
      expect(byId.get('ST1-RED-M')?.detail).toContain("SFCC has 'st1-red-m' (differs in case)");
      expect(byId.get('ST1')?.detail).toContain(
        "SFCC has it as a master whose variants are 'ST1-RED-S', 'st1-red-m'",
      );
      expect(byId.get('ST1-RED-L')?.data).toMatchObject({ nearMiss: 'MISSING_VARIANT', masterId: 'ST1' });
      expect(h.syncRows().get('ST1-RED-M')?.lists[0]?.error).toContain("SFCC has 'st1-red-m'");
    } finally {
      await h.workers.stop();
    }
  });
});
