import type { IntegrationException, InventorySync, SfccProduct, StockLevel } from '@wair-sfcc/contracts';
import type { TableReader } from '@wair-sfcc/kafka';
import { acknowledgeException } from '@wair-sfcc/audit-rules';
import { createIntegrationRuntime, waitFor } from '@wair-sfcc/kafka/testing';
import { createLogger } from '@wair-sfcc/observability';
import {
  createAccountManagerTokenClient,
  createCatalogPuller,
  createScapiProductsClient,
  createSfccInventoryClients,
  createSfccResilience,
  type SfccInventoryClients,
} from '@wair-sfcc/sfcc-client';
import { loadConfig } from './config';
import { createApp, type WriterApp } from './create-app';
import {
  createWriterTopics,
  LIST,
  startSimulator,
  stockFigure,
  writerEnv,
  type SimHandle,
} from './writer-test-harness';
import { producedTopicSpecs } from './writer-topics';

type MismatchKind = 'missing-variant' | 'case' | 'whitespace' | 'leading-zeros' | 'parent-id';
interface InjectedMismatch {
  wairSku: string;
  kind: MismatchKind;
  sfccId: string | null;
}

const KINDS: MismatchKind[] = ['case', 'whitespace', 'leading-zeros', 'parent-id', 'missing-variant'];
const ORGANIZATION = 'f_ecom_zzzz_001';

/**
 * Strict identifiers against the real sfcc-simulator in its default mode, where an OCAPI PUT for a
 * product id the catalog does not have succeeds (SFCC's silent failure). The catalog snapshot is
 * the simulator's own seeded catalogue, pulled over SCAPI as the auditor pulls it, with one WAIR
 * SKU of each deliberate mismatch: none of them may reach SFCC, each raises SKU_MISMATCH for MERCH
 * naming what SFCC has instead, and the good SKUs are written as usual.
 */
describe('SKU mismatches against the sfcc-simulator catalog (real OCAPI client, real Kafka)', () => {
  let sim: SimHandle;
  let kafka: Awaited<ReturnType<typeof createWriterTopics>>;
  let clients: SfccInventoryClients;
  let app: WriterApp | undefined;
  let exceptions: TableReader<IntegrationException> | undefined;
  let syncs: TableReader<InventorySync> | undefined;
  const picked = new Map<MismatchKind, InjectedMismatch>();
  const startWriter = async () => {
    app = createApp({
      config: loadConfig(writerEnv(sim, 'iw-mismatch')),
      logger: createLogger({ app: 'iw-mismatch', level: 'silent' }),
      kafka: createIntegrationRuntime('iw-mismatch'),
      sfcc: { writer: clients.writer, importer: clients.importer },
      topics: kafka.topics,
    });
    await app.start();
  };

  beforeAll(async () => {
    [sim, kafka] = await Promise.all([
      startSimulator({ SIM_SEED: 'wair-sfcc', SIM_SKU_COUNT: '60', SIM_MISMATCH_SHARE: '0.4' }),
      createWriterTopics('iw-mismatch'),
    ]);
    clients = createSfccInventoryClients({
      host: sim.url,
      amHost: sim.url,
      clientId: 'sim-client',
      clientSecret: 'sim-client-secret',
      resilience: { rateLimit: { ratePerSecond: 50, concurrency: 2 } },
    });
  }, 90_000);

  afterAll(async () => {
    await exceptions?.stop();
    await syncs?.stop();
    await app?.stop();
    await clients?.stop();
    await kafka?.close();
    await sim?.stop();
  });

  it('writes no mismatched SKU, raises each with its near miss for MERCH, and writes the rest', async () => {
    // The simulator runs in its default mode: an unknown product id is accepted, silently.
    expect(await sim.settings({})).toMatchObject({ rejectUnknownProducts: false });
    const probe = `${kafka.run}-UNKNOWN`.toUpperCase();
    const [accepted] = await clients.writer.write([
      { inventoryListId: LIST, productId: probe, allocation: 1, resetDate: Date.now() },
    ]);
    expect(accepted?.status).toBe('OK');

    // The catalog snapshot: the simulator's catalogue pulled through commerce-sdk Products.
    const resilience = createSfccResilience({ rateLimit: { ratePerSecond: 50, concurrency: 1 } });
    const pulled = await createCatalogPuller({
      products: createScapiProductsClient({ scapiHost: sim.url, organizationId: ORGANIZATION }),
      tokens: createAccountManagerTokenClient({
        amHost: sim.url,
        clientId: 'sim-client',
        clientSecret: 'sim-client-secret',
      }),
      resilience,
      organizationId: ORGANIZATION,
    }).pull(new Map());
    await resilience.stop();
    await kafka.producer.sendMany(
      pulled.products.map((p) => ({ topic: kafka.topics.products, key: p.productId, value: p })),
    );
    const products = new Map<string, SfccProduct>(pulled.products.map((p) => [p.productId, p]));

    // One WAIR SKU of each seeded mismatch kind (a missing variant whose master SFCC has), and
    // good SKUs: online variants and simple products under their exact WAIR id.
    const { mismatches } = (await (await fetch(`${sim.url}/__sim/catalog/mismatches`)).json()) as {
      mismatches: InjectedMismatch[];
    };
    const styleOf = (sku: string) => sku.split('-')[0] as string;
    for (const m of mismatches) {
      if (picked.has(m.kind)) continue;
      if (m.kind === 'missing-variant' && products.get(styleOf(m.wairSku))?.type !== 'MASTER') continue;
      picked.set(m.kind, m);
    }
    expect([...picked.keys()].sort()).toEqual([...KINDS].sort());
    const altered = new Set(mismatches.flatMap((m) => [m.wairSku, m.sfccId]));
    const good = pulled.products
      .filter(
        (p) =>
          (p.type === 'VARIANT' || p.type === 'SIMPLE') &&
          p.online &&
          !altered.has(p.productId) &&
          !p.productId.startsWith('GIFTCARD-'),
      )
      .map((p) => p.productId)
      .slice(0, 6);
    expect(good).toHaveLength(6);

    await startWriter();

    const asOf = Date.now() - 60_000;
    const bad = [...picked.values()].map((m) => m.wairSku);
    const units = new Map([...bad, ...good].map((sku, i) => [sku, 3 + i]));
    const figures: StockLevel[] = [...units].map(([sku, n]) => stockFigure(sku, asOf, 1, n));
    await kafka.publishStock(figures);

    exceptions = kafka.runtime.tableReader<IntegrationException>({ topic: kafka.topics.exceptions });
    syncs = kafka.runtime.tableReader<InventorySync>({ topic: kafka.topics.sync });
    await Promise.all([exceptions.start(), syncs.start()]);
    const resetIso = new Date(asOf).toISOString();
    await waitFor(
      'good SKUs written, mismatched SKUs reported',
      async () => {
        const now = await sim.allocations();
        return (
          good.every((s) => now.get(s)?.resetDate === resetIso) &&
          bad.every((s) => syncs?.get(s)?.lists[0]?.outcome === 'SKU_NOT_IN_CATALOG') &&
          bad.every((s) => exceptions?.get(`SKU_MISMATCH:${s}`))
        );
      },
      60_000,
      250,
    );
    expect(app?.pipeline.stats.handled).toBe(figures.length);

    // The good SKUs hold their allocations; the rest proceeded past the mismatches.
    const allocations = await sim.allocations();
    for (const sku of good) {
      expect(allocations.get(sku)).toEqual({ amount: units.get(sku), resetDate: resetIso });
    }
    // No mismatched SKU was PUT, under the WAIR id or under the id SFCC has: only the probe and the
    // good SKUs appear in the simulator's write history.
    const written = new Set((await sim.writes()).map((w) => w.productId));
    expect([...written].sort()).toEqual([probe, ...good].sort());
    for (const m of picked.values()) {
      expect(allocations.has(m.wairSku)).toBe(false);
      if (m.sfccId !== null) expect(allocations.has(m.sfccId)).toBe(false);
    }

    // Each mismatch is MERCH's, with the reason and what SFCC has instead.
    const raised = (kind: MismatchKind) => {
      const m = picked.get(kind) as InjectedMismatch;
      const e = exceptions?.get(`SKU_MISMATCH:${m.wairSku}`) as IntegrationException;
      expect(e).toMatchObject({
        type: 'SKU_MISMATCH',
        owner: 'MERCH',
        subjectType: 'SKU',
        subject: m.wairSku,
        state: 'OPEN',
        raisedBy: 'sfcc-inventory-writer',
      });
      expect(syncs?.get(m.wairSku)?.lists[0]?.error).toContain(e.data['reason']);
      return { m, e };
    };
    for (const [kind, difference, words] of [
      ['case', 'CASE', 'case'],
      ['whitespace', 'WHITESPACE', 'whitespace'],
      ['leading-zeros', 'LEADING_ZEROS', 'leading zeros'],
    ] as const) {
      const { m, e } = raised(kind);
      expect(e.data).toMatchObject({
        reason: 'NOT_IN_CATALOG',
        nearMiss: 'NEAR_ID',
        suggestedId: m.sfccId,
        difference,
      });
      expect(e.detail).toContain(`SFCC has '${m.sfccId}' (differs in ${words})`);
    }

    const parent = raised('parent-id');
    const ownVariants = pulled.products.filter((p) => p.masterId === parent.m.wairSku);
    expect(ownVariants).toEqual([]);
    expect(parent.e.data).toMatchObject({ reason: 'NOT_A_VARIANT', nearMiss: 'PARENT', variantCount: '0' });
    expect(parent.e.detail).toContain('SFCC has it as a master with no variants');

    const missing = raised('missing-variant');
    const style = styleOf(missing.m.wairSku);
    const siblings = pulled.products
      .filter((p) => p.type === 'VARIANT' && p.masterId === style)
      .map((p) => p.productId)
      .sort();
    expect(missing.e.data).toMatchObject({
      reason: 'NOT_IN_CATALOG',
      nearMiss: 'MISSING_VARIANT',
      masterId: style,
      variants: siblings.slice(0, 3).join(','),
      variantCount: String(siblings.length),
    });
    expect(missing.e.detail).toContain(`SFCC has master '${style}' without this variant`);
  }, 120_000);

  it("keeps Merch's acknowledgement when the restarted writer sees the SKU again", async () => {
    const acked = picked.get('case') as InjectedMismatch;
    const other = picked.get('whitespace') as InjectedMismatch;
    const id = `SKU_MISMATCH:${acked.wairSku}`;
    const before = exceptions?.get(id) as IntegrationException;
    // What the auditor publishes when a person acknowledges it on the dashboard.
    const ack = acknowledgeException(before, { by: 'merch-42', reason: 'renaming the SKU in WAIR' });
    const auditor = kafka.runtime.producer({ topics: producedTopicSpecs(kafka.topics) });
    await auditor.connect();
    await auditor.send(kafka.topics.exceptions, id, ack.exception);
    await auditor.disconnect();
    await waitFor('the acknowledgement on the table', () => exceptions?.get(id)?.state === 'ACKNOWLEDGED');

    await app?.stop();
    await startWriter();
    const asOf = Date.now() - 30_000;
    await kafka.publishStock([
      stockFigure(acked.wairSku, asOf, 2, 9),
      stockFigure(other.wairSku, asOf, 2, 9),
    ]);
    await waitFor(
      'the restarted writer reporting both figures',
      () =>
        [acked, other].every(
          (m) =>
            syncs?.get(m.wairSku)?.lists[0]?.sourceSequence === 2 &&
            syncs?.get(m.wairSku)?.lists[0]?.outcome === 'SKU_NOT_IN_CATALOG',
        ),
      60_000,
      250,
    );
    // The exception is raised before the report: a table read to the end now holds every raise.
    const after = kafka.runtime.tableReader<IntegrationException>({ topic: kafka.topics.exceptions });
    await after.start();
    try {
      await after.caughtUp();
      expect(after.get(id)).toMatchObject({
        state: 'ACKNOWLEDGED',
        acknowledgedBy: 'merch-42',
        acknowledgedReason: 'renaming the SKU in WAIR',
        firstSeen: before.firstSeen,
      });
      expect(after.get(`SKU_MISMATCH:${other.wairSku}`)).toMatchObject({ state: 'OPEN' });
    } finally {
      await after.stop();
    }
  }, 120_000);
});
