import type {
  Fulfilment,
  InventorySync,
  OrderDispatches,
  SfccProduct,
  StockLevel,
  WairSku,
} from '@wair-sfcc/contracts';
import { buildProduct, buildStockLevel, buildSync, buildWairSku } from '@wair-sfcc/audit-rules/testing';
import { createSfccInventoryClients, type SfccInventoryClients } from '@wair-sfcc/sfcc-client';
import { uniqueName, waitFor } from '@wair-sfcc/kafka/testing';
import type { TableReader } from '@wair-sfcc/kafka';
import { catalogPullerFromConfig } from './catalog-puller.factory';
import { inventoryClientsFromConfig } from './sfcc-reader.factory';
import {
  createAuditorIntFixture,
  startSfccSimulator,
  type AuditorIntFixture,
} from './testing/auditor-int-fixture';
import { startInventoryWriter, type InventoryWriterProcess } from './testing/inventory-writer-process';
import { runOpsCli } from './testing/ops-cli-process';

const LIST = 'inventory_webshop';
/** A SKU id of the WAIR form (style-colour-size) that is unique to this run. */
const styleSku = () => `ST${Date.now() % 1e8}${Math.floor(Math.random() * 1e4)}-BLK-M`;

describe('audit rules against the real broker and registry (Kafka-fed rules)', () => {
  let fx: AuditorIntFixture;
  let api: (path: string) => Promise<unknown>;

  beforeAll(async () => {
    fx = await createAuditorIntFixture('auditor-rules-int');
    const { url } = await fx.start({
      INVENTORY_LISTS: `${LIST}:WEB01+DC01`,
      AUDIT_SKU_MISMATCH_INTERVAL_MS: '300',
      AUDIT_SYNC_DELAY_INTERVAL_MS: '300',
      AUDIT_DISPATCH_NOT_CONFIRMED_INTERVAL_MS: '300',
      SYNC_SLA_MS: '1000',
      DISPATCH_CONFIRM_SLA_MS: '1000',
    });
    api = async (path) => {
      const res = await fetch(`${url}/api${path}`);
      if (!res.ok) throw new Error(`${path}: HTTP ${res.status}`);
      return res.json();
    };
  }, 60_000);

  afterAll(async () => {
    await fx?.close();
  });

  it('SKU_MISMATCH: a WAIR SKU without a sellable SFCC variant is raised for MERCH with the near match, and resolved when the product appears', async () => {
    const sku = styleSku();
    const typo = sku.toLowerCase();
    const wair: WairSku = buildWairSku(sku, { modifiedAt: Date.now() });
    await fx.producer.send(fx.topics.skus, sku, wair);
    await fx.producer.send<SfccProduct>(
      fx.topics.products,
      typo,
      buildProduct(typo, 'VARIANT', { pulledAt: Date.now() }),
    );

    const id = `SKU_MISMATCH:${sku}`;
    const opened = await fx.waitForState(id, 'OPEN');
    expect(opened).toMatchObject({
      owner: 'MERCH',
      subjectType: 'SKU',
      subject: sku,
      raisedBy: 'reconciliation-auditor',
    });
    expect(opened.data).toMatchObject({ reason: 'WAIR_SKU_NOT_IN_SFCC', suggestedId: typo });
    expect(opened.detail).toContain(`SFCC has '${typo}' (differs in case)`);
    // The suggestion is reported once, on the WAIR SKU.
    expect(fx.exceptions.get(`SKU_MISMATCH:${typo}`)).toBeUndefined();

    // Merch fixes the id in SFCC: the next pull publishes the right variant and tombstones the typo.
    await fx.producer.send<SfccProduct>(
      fx.topics.products,
      sku,
      buildProduct(sku, 'VARIANT', { pulledAt: Date.now() }),
    );
    await fx.producer.send(fx.topics.products, typo, null);
    const resolved = await fx.waitForState(id, 'RESOLVED');
    expect(resolved.firstSeen).toBe(opened.firstSeen);
    expect(fx.exceptions.get(`SKU_MISMATCH:${typo}`)).toBeUndefined();
  }, 60_000);

  it('SYNC_DELAY: a WAIR change older than the SLA without a sync outcome is raised for PLATFORM, and resolved when the outcome arrives', async () => {
    const sku = uniqueName('SKU-DELAY');
    const asOf = Date.now();
    const figure: StockLevel = buildStockLevel(sku, asOf, 3, 9);
    await fx.producer.send(fx.topics.stock, sku, figure);

    const id = `SYNC_DELAY:${sku}`;
    const opened = await fx.waitForState(id, 'OPEN');
    // Not before the SLA: the figure was published just now and the SLA is one second.
    expect(opened.firstSeen - asOf).toBeGreaterThanOrEqual(1_000);
    expect(opened).toMatchObject({ owner: 'PLATFORM', subjectType: 'SKU', subject: sku });
    expect(opened.data).toMatchObject({ missingLists: LIST });

    const writtenAt = Date.now();
    const sync: InventorySync = buildSync(sku, [
      {
        inventoryListId: LIST,
        allocation: 9,
        sourceAsOf: asOf,
        sourceSequence: 3,
        resetDate: asOf,
        writtenAt,
      },
    ]);
    await fx.producer.send(fx.topics.syncs, sku, sync);
    const resolved = await fx.waitForState(id, 'RESOLVED');
    expect(resolved.resolvedAt).toBeGreaterThanOrEqual(opened.lastSeen);

    // The same change feeds give the SKU's history and the flow's window figures.
    const view = (await api(`/sku/${sku}`)) as { history: Array<Record<string, unknown>> };
    expect(view.history).toEqual([
      expect.objectContaining({
        kind: 'SFCC_WRITE',
        at: writtenAt,
        inventoryListId: LIST,
        allocation: 9,
        outcome: 'OK',
      }),
      expect.objectContaining({ kind: 'WAIR_FIGURE', at: asOf, available: 9, sourceSequence: 3 }),
    ]);
    const flows = (await waitFor('the write in the flow window', async () => {
      const h = (await api('/flows')) as { flows: { stockToStorefront: Record<string, unknown> } };
      return h.flows.stockToStorefront['lastSuccessAt'] === writtenAt && h;
    })) as { flows: { stockToStorefront: Record<string, unknown> } };
    expect(flows.flows.stockToStorefront).toMatchObject({
      delayP50Ms: writtenAt - asOf,
      errors: 0,
      throughputPerMinute: expect.any(Number),
    });
  }, 60_000);

  it('DISPATCH_NOT_CONFIRMED: a WAIR dispatch not shipped in SFCC past the SLA is raised for CX, and resolved when sfcc.fulfilment.v1 confirms it', async () => {
    const orderNo = uniqueName('ORD-DISP');
    const dispatchedAt = Date.now();
    const dispatches: OrderDispatches = {
      orderNo,
      dispatches: [
        {
          dispatchId: `${orderNo}-D1`,
          carrier: 'DPD',
          service: null,
          trackingNumber: 'TRK1',
          trackingUrl: 'https://track.example/TRK1',
          lines: [{ sku: 'SKU-1', quantity: 1 }],
          dispatchedAt,
          modifiedAt: dispatchedAt,
        },
      ],
      updatedAt: dispatchedAt,
    };
    await fx.producer.send(fx.topics.dispatches, orderNo, dispatches);

    const id = `DISPATCH_NOT_CONFIRMED:${orderNo}`;
    const opened = await fx.waitForState(id, 'OPEN');
    expect(opened.firstSeen - dispatchedAt).toBeGreaterThanOrEqual(1_000);
    expect(opened).toMatchObject({ owner: 'CX', subjectType: 'ORDER', subject: orderNo });
    expect(opened.data).toMatchObject({ dispatchIds: `${orderNo}-D1` });

    const confirmedAt = Date.now();
    const fulfilment: Fulfilment = {
      orderNo,
      shipments: [
        { dispatchId: `${orderNo}-D1`, confirmedAt, attempts: 1, outcome: 'CONFIRMED', lastError: null },
      ],
      orderShippingStatus: 'SHIPPED',
      updatedAt: confirmedAt,
    };
    await fx.producer.send(fx.topics.fulfilments, orderNo, fulfilment);
    await fx.waitForState(id, 'RESOLVED');
  }, 60_000);
});

/**
 * The drift path end to end: the real writer writes the records on this block's own topics and
 * simulator, someone corrupts one in SFCC, the drift audit finds it on its schedule, and the
 * product's own remedy (`npm run ops -- resync <sku>`, a forced full refresh of that SKU through
 * the writer) clears it.
 */
describe('INVENTORY_DRIFT against the real sfcc-simulator and sfcc-inventory-writer', () => {
  let fx: AuditorIntFixture;
  let sim: Awaited<ReturnType<typeof startSfccSimulator>> | undefined;
  let writerProcess: InventoryWriterProcess | undefined;
  let syncs: TableReader<InventorySync> | undefined;
  let sfcc: SfccInventoryClients | undefined;
  let auditorSfcc: SfccInventoryClients | undefined;

  beforeAll(async () => {
    // Side by side, but each kept once started, so afterAll stops it even if the other failed.
    const [fixture, simulator] = await Promise.allSettled([
      createAuditorIntFixture('auditor-drift-int'),
      startSfccSimulator(),
    ]);
    if (fixture.status === 'fulfilled') fx = fixture.value;
    if (simulator.status === 'fulfilled') sim = simulator.value;
    if (fixture.status === 'rejected') throw fixture.reason;
    if (simulator.status === 'rejected') throw simulator.reason;
    const started = simulator.value;
    writerProcess = await startInventoryWriter({
      sim: started,
      topics: fx.topics,
      inventoryLists: `${LIST}:WEB01+DC01`,
    });
    syncs = fx.runtime.tableReader<InventorySync>({ topic: fx.topics.syncs });
    await syncs.start();
    sfcc = createSfccInventoryClients({
      host: started.url,
      amHost: started.url,
      clientId: started.clientId,
      clientSecret: started.clientSecret,
      resilience: { rateLimit: { ratePerSecond: 50, concurrency: 2 } },
    });
  }, 90_000);

  afterAll(async () => {
    await writerProcess?.stop();
    await syncs?.stop();
    await fx?.close();
    await sfcc?.stop();
    await auditorSfcc?.stop();
    await sim?.service.stop('SIGTERM');
  });

  it('raises INVENTORY_DRIFT (over-stated, HIGH) for a record corrupted in SFCC, and `ops resync` clears it', async () => {
    if (!sim || !sfcc || !writerProcess || !syncs) throw new Error('simulator or writer not started');
    const reported = syncs;
    const [good, bad] = [uniqueName('SKU-DRIFT-OK'), uniqueName('SKU-DRIFT-BAD')];
    const asOf = Date.now() - 60_000;
    for (const sku of [good, bad]) {
      await fx.producer.send<SfccProduct>(
        fx.topics.products,
        sku,
        buildProduct(sku, 'VARIANT', { pulledAt: asOf }),
      );
      await fx.producer.send<StockLevel>(fx.topics.stock, sku, buildStockLevel(sku, asOf, 1, 7));
    }
    // The writer writes both records (7 available at WEB01 feeding the list, nothing in flight, no buffer).
    const lastReport = (sku: string) => reported.get(sku)?.lists.find((l) => l.inventoryListId === LIST);
    await waitFor(
      "the writer's reports of both records",
      () => [good, bad].every((sku) => lastReport(sku)?.outcome === 'OK'),
      30_000,
    );
    for (const sku of [good, bad]) {
      expect(lastReport(sku)).toMatchObject({ allocation: 7, resetDate: asOf, channel: 'OCAPI' });
    }
    // Someone edits the record in Business Manager: SFCC now shows 12 where 7 exist.
    const edit = { inventoryListId: LIST, productId: bad, allocation: 12, resetDate: asOf };
    expect((await sfcc.writer.write([edit]))[0]?.status).toBe('OK');

    const config = fx.config({
      INVENTORY_LISTS: `${LIST}:WEB01+DC01`,
      SFCC_OCAPI_HOST: sim.url,
      SFCC_AM_HOST: sim.url,
      SFCC_CLIENT_ID: sim.clientId,
      SFCC_CLIENT_SECRET: sim.clientSecret,
      SFCC_READ_RATE_PER_SEC: '20',
      AUDIT_INVENTORY_DRIFT_INTERVAL_MS: '300',
      DRIFT_GRACE_MS: '0',
    });
    auditorSfcc = inventoryClientsFromConfig(config);
    await fx.start(
      {
        INVENTORY_LISTS: `${LIST}:WEB01+DC01`,
        AUDIT_INVENTORY_DRIFT_INTERVAL_MS: '300',
        DRIFT_GRACE_MS: '0',
      },
      { inventoryReader: auditorSfcc?.reader },
    );

    const id = `INVENTORY_DRIFT:${bad}`;
    const opened = await fx.waitForState(id, 'OPEN', 30_000);
    expect(opened).toMatchObject({ owner: 'OPS', severity: 'HIGH', subjectType: 'SKU', subject: bad });
    expect(opened.data).toMatchObject({
      direction: 'OVER_STATED',
      magnitude: '5',
      [`${LIST}.expected`]: '7',
      [`${LIST}.sfcc`]: '12',
    });
    // A second sighting proves the correct record was compared too, and is not drift.
    await waitFor('a second run', () => (fx.exceptions.get(id)?.occurrences ?? 0) >= 2, 20_000);
    expect(fx.exceptions.get(`INVENTORY_DRIFT:${good}`)).toBeUndefined();

    // The operator's remedy, as the runbook has it: the CLI asks the writer to re-send the SKU.
    const cli = await runOpsCli(['resync', bad], {
      WRITER_URL: writerProcess.url,
      ADMIN_TOKEN: writerProcess.adminToken,
    });
    expect(cli).toMatchObject({ code: 0, err: '' });
    expect(cli.out).toContain(`Resync of 1 SKU(s) started: ${bad}`);

    const resolved = await fx.waitForState(id, 'RESOLVED', 30_000);
    expect(resolved.firstSeen).toBe(opened.firstSeen);
    expect(await sfcc.reader.readOne(LIST, bad)).toMatchObject({ allocation: 7 });
    // The writer's forced refresh of that one SKU (through IMPEX) put it right; the other was left alone.
    await waitFor("the writer's report of the refresh", () => lastReport(bad)?.channel === 'IMPEX', 20_000);
    expect(lastReport(bad)).toMatchObject({ allocation: 7, resetDate: asOf, outcome: 'OK' });
    expect(lastReport(good)).toMatchObject({ channel: 'OCAPI' });
  }, 120_000);
});

describe("SKU_MISMATCH against the sfcc-simulator's catalog and its deliberate mismatches", () => {
  let fx: AuditorIntFixture;
  let sim: Awaited<ReturnType<typeof startSfccSimulator>> | undefined;

  beforeAll(async () => {
    fx = await createAuditorIntFixture('auditor-catalog-int');
    sim = await startSfccSimulator({ SIM_SKU_COUNT: '60', SIM_MISMATCH_SHARE: '0.3' });
  }, 90_000);

  afterAll(async () => {
    await fx?.close();
    await sim?.service.stop('SIGTERM');
  });

  it('pulls the catalog over SCAPI and raises each deliberate mismatch for MERCH with the intended id', async () => {
    if (!sim) throw new Error('simulator not started');
    const get = async <T>(path: string): Promise<T> =>
      (await (await fetch(`${sim?.url}${path}`)).json()) as T;
    const { mismatches } = await get<{
      mismatches: Array<{ wairSku: string; kind: string; sfccId: string | null }>;
    }>('/__sim/catalog/mismatches');
    const { products } = await get<{
      products: Array<{ id: string; online: boolean; type: { variant?: boolean; item?: boolean } }>;
    }>('/__sim/catalog');
    expect(new Set(mismatches.map((m) => m.kind)).size).toBeGreaterThanOrEqual(3);
    // The WAIR SKU master: every SKU SFCC sells under the right id (inactive where SFCC has it
    // offline, as the shared generator has it), plus the mismatched SKUs as live ones.
    const altered = new Set(mismatches.map((m) => m.sfccId));
    const sellable = products.filter((p) => p.type.variant || p.type.item);
    const giftCards = sellable.map((p) => p.id).filter((id) => id.startsWith('GIFTCARD-'));
    const wair = [
      ...sellable
        .filter((p) => !altered.has(p.id) && !giftCards.includes(p.id))
        .map((p) => buildWairSku(p.id, { status: p.online ? 'ACTIVE' : 'INACTIVE' })),
      ...mismatches.map((m) => buildWairSku(m.wairSku)),
    ];
    await fx.producer.sendMany(wair.map((value) => ({ topic: fx.topics.skus, key: value.sku, value })));

    const config = fx.config({
      SFCC_SCAPI_HOST: sim.url,
      SFCC_AM_HOST: sim.url,
      SFCC_CLIENT_ID: sim.clientId,
      SFCC_CLIENT_SECRET: sim.clientSecret,
      SFCC_ORGANIZATION_ID: 'f_ecom_zzzz_001',
    });
    await fx.start(
      { AUDIT_SKU_MISMATCH_INTERVAL_MS: '300' },
      { catalogPuller: catalogPullerFromConfig(config) },
    );

    // Every near-miss id is paired with its WAIR SKU (suggested, not reported on its own).
    const expected = () => [...mismatches.map((m) => m.wairSku), ...giftCards].sort();
    // Runs during the first pull see part of the catalog; those findings resolve once it is complete.
    const openSubjects = () =>
      [...fx.exceptions.entries()]
        .map(([, e]) => e)
        .filter((e) => e.type === 'SKU_MISMATCH' && e.state === 'OPEN')
        .map((e) => e.subject)
        .sort();
    await waitFor(
      'exactly the deliberate mismatches open',
      () => openSubjects().join() === expected().join(),
      30_000,
    ).catch(() => undefined);
    expect(openSubjects()).toEqual(expected());
    for (const m of mismatches) {
      const e = fx.exceptions.get(`SKU_MISMATCH:${m.wairSku}`);
      expect(e?.owner).toBe('MERCH');
      if (m.kind === 'parent-id') expect(e?.data).toMatchObject({ reason: 'WAIR_SKU_IS_PARENT' });
      else if (m.kind === 'missing-variant')
        expect(e?.data).toMatchObject({ reason: 'WAIR_SKU_NOT_IN_SFCC' });
      else expect(e?.data).toMatchObject({ reason: 'WAIR_SKU_NOT_IN_SFCC', suggestedId: m.sfccId });
    }
    for (const id of giftCards) {
      expect(fx.exceptions.get(`SKU_MISMATCH:${id}`)?.data).toMatchObject({
        reason: 'SFCC_VARIANT_WITHOUT_WAIR_SKU',
      });
    }
  }, 120_000);
});
