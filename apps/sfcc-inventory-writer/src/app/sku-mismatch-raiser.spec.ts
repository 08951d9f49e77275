import type { IntegrationException } from '@wair-sfcc/contracts';
import { createInMemoryProducer } from '@wair-sfcc/kafka/testing';
import { explainMismatch, sellability, type NotSellable } from '@wair-sfcc/inventory-domain';
import { SkuMismatchRaiser } from './sku-mismatch-raiser';
import { T0 } from './testing/pipeline-harness';

const TOPIC = 'exceptions';

describe('SkuMismatchRaiser', () => {
  const notInCatalog = sellability('ABC-001', undefined) as NotSellable;
  const caseMiss = explainMismatch('ABC-001', notInCatalog, {
    kind: 'NEAR_ID',
    catalogId: 'abc-001',
    differences: ['CASE'],
  });
  const zerosMiss = explainMismatch('ABC-001', notInCatalog, {
    kind: 'NEAR_ID',
    catalogId: 'ABC-0001',
    differences: ['LEADING_ZEROS'],
  });

  it('puts the near miss in detail and data, for MERCH', async () => {
    const producer = createInMemoryProducer();
    await new SkuMismatchRaiser(producer, 'writer', TOPIC).raise('ABC-001', caseMiss, ['web'], T0);
    const [e] = producer.records.map((r) => r.value as IntegrationException);
    expect(e).toMatchObject({
      id: 'SKU_MISMATCH:ABC-001',
      owner: 'MERCH',
      detail:
        "WAIR SKU ABC-001 is not in the SFCC catalog: no product with this id; SFCC has 'abc-001' (differs in case)",
      data: {
        reason: 'NOT_IN_CATALOG',
        inventoryListIds: 'web',
        nearMiss: 'NEAR_ID',
        suggestedId: 'abc-001',
        difference: 'CASE',
      },
    });
  });

  it.each([
    ['the same near miss within the hour: not re-published', caseMiss, 1_000, 1],
    ['another near miss (the catalog changed): re-published at once', zerosMiss, 1_000, 2],
    ['the same near miss an hour later: re-published', caseMiss, 3_600_000, 2],
  ])('%s', async (_name, second, after, published) => {
    const producer = createInMemoryProducer();
    const raiser = new SkuMismatchRaiser(producer, 'writer', TOPIC);
    await raiser.raise('ABC-001', caseMiss, ['web'], T0);
    await raiser.raise('ABC-001', second, ['web'], T0 + after);
    expect(producer.records).toHaveLength(published);
    const last = producer.records.at(-1)?.value as IntegrationException;
    expect(last.occurrences).toBe(published);
  });

  it("continues the table's row: Merch's acknowledgement and the counts survive a restart", async () => {
    const producer = createInMemoryProducer();
    const acknowledged: IntegrationException = {
      id: 'SKU_MISMATCH:ABC-001',
      type: 'SKU_MISMATCH',
      severity: caseMiss.severity,
      owner: 'MERCH',
      subjectType: 'SKU',
      subject: 'ABC-001',
      detail: caseMiss.detail,
      data: { reason: 'NOT_IN_CATALOG' },
      raisedBy: 'writer',
      firstSeen: T0 - 86_400_000,
      lastSeen: T0 - 7_200_000,
      occurrences: 12,
      state: 'ACKNOWLEDGED',
      acknowledgedBy: 'merch-42',
      acknowledgedReason: 'variant goes live Monday',
      resolvedAt: null,
    };
    // A new process: nothing in memory, the exceptions table as the topic holds it.
    const raiser = new SkuMismatchRaiser(producer, 'writer', TOPIC, (id) =>
      id === acknowledged.id ? acknowledged : undefined,
    );
    await raiser.raise('ABC-001', zerosMiss, ['web'], T0);
    expect(producer.records.map((r) => r.value)).toEqual([
      expect.objectContaining({
        state: 'ACKNOWLEDGED',
        acknowledgedBy: 'merch-42',
        firstSeen: T0 - 86_400_000,
        lastSeen: T0,
        occurrences: 13,
        detail: zerosMiss.detail,
      }),
    ]);
  });
});
