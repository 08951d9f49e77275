import path from 'node:path';
import { parseInventoryListMappings } from '@wair-sfcc/inventory-domain';
import { waitFor } from '@wair-sfcc/kafka/testing';
import { freeLowPort } from '@wair-sfcc/testing';
import { catalogEntries, compareRecords, expectedAllocations } from '../chaos/convergence.check';
import { sfccSim, wairSim, type SfccSim, type WairSim, type WairStockSku } from '../chaos/sim-control';
import { groupMembers, portAnswers, ROOT, runNpmStart, type NpmStartRun } from './npm-start-run';
import { portVariable } from './start-options';
import { SYSTEM_APPS, type SystemApp, type SystemPorts } from './system-processes';

/** What issues 3 and 5 ask `npm start` to bring up: the four apps and both simulators. */
const EXPECTED_APPS: SystemApp[] = [
  'wair-ingest',
  'sfcc-inventory-writer',
  'order-dispatch-bridge',
  'reconciliation-auditor',
  'wair-simulator',
  'sfcc-simulator',
];
// The writer's default INVENTORY_LISTS, which npm start relies on (it sets none).
const LISTS = parseInventoryListMappings('inventory_webshop:WEB01+DC01;inventory_stores:ST01+ST02');
const SKUS = 40;

async function freePorts(): Promise<SystemPorts> {
  const taken = new Set<number>();
  const ports = {} as SystemPorts;
  for (const app of SYSTEM_APPS) {
    let port = await freeLowPort();
    while (taken.has(port)) port = await freeLowPort();
    taken.add(port);
    ports[app] = port;
  }
  return ports;
}

/** The figure's asOf as wair-ingest computes it: the SKU's newest change at any location. */
const asOf = (sku: WairStockSku): number =>
  Math.max(...sku.locations.map((l) => Date.parse(l.modifiedDateTime)));

const seconds = (from: number): string => `${((Date.now() - from) / 1000).toFixed(1)} s`;

/**
 * The real `npm start` (tools/scripts/start.ts) on the integration stack, every port moved to a
 * free one. The apps use the catalogue's topics and consumer groups, which other runs of npm start
 * on a shared stack use too; so everything asserted here is caused by this run: its simulators are
 * fresh processes, whose state is compared after they settled, whatever the topics held before.
 */
describe('npm start (the whole system on a running stack)', () => {
  let ports: SystemPorts;
  let run: NpmStartRun;
  let wair: WairSim;
  let sfcc: SfccSim;
  let readyAt = 0;
  const timings: string[] = [];

  beforeAll(async () => {
    ports = await freePorts();
    const portEnv = Object.fromEntries(SYSTEM_APPS.map((app) => [portVariable(app), String(ports[app])]));
    const started = Date.now();
    run = runNpmStart(
      {
        ...process.env,
        ...portEnv,
        START_SKUS: String(SKUS),
        START_CHANGES_PER_SECOND: '2',
        // No storefront orders: in-flight orders would make the expected allocations a moving target.
        START_ORDERS_PER_MINUTE: '0',
      },
      path.join(ROOT, 'tmp', 'start-int'),
    );
    await run.printed(/All ready\.|Some apps are not ready/, 420_000);
    readyAt = Date.now();
    timings.push(`ready ${seconds(started)}`);
    wair = wairSim(`http://127.0.0.1:${ports['wair-simulator']}`);
    sfcc = sfccSim(`http://127.0.0.1:${ports['sfcc-simulator']}`);
  }, 450_000);

  afterAll(async () => {
    process.stdout.write(`npm start timings: ${timings.join(', ')}\n`);
    if (!run) return;
    // Only when a test failed before the interrupt: nothing may outlive the run.
    if (groupMembers(run.pgid).length === 0) return;
    run.interrupt();
    const stopped = await Promise.race([
      run.exited.then(() => true),
      new Promise<false>((resolve) => setTimeout(() => resolve(false), 60_000).unref()),
    ]);
    if (!stopped || groupMembers(run.pgid).length > 0) process.kill(-run.pgid, 'SIGKILL');
  }, 90_000);

  it('runs the four apps and both simulators, each /readyz 200, and prints their URLs', async () => {
    expect([...SYSTEM_APPS].sort()).toEqual([...EXPECTED_APPS].sort());
    const out = run.stdout();
    expect(out).toContain('Using the running stack');
    expect(out).not.toContain('Local stack: Kafka');
    expect(out).toContain('All ready.');
    for (const app of EXPECTED_APPS) {
      const url = `http://127.0.0.1:${ports[app]}`;
      expect(out).toMatch(new RegExp(`✔ ${app} +${url.replace(/\./g, '\\.')}/readyz`));
      const res = await fetch(`${url}/readyz`, { signal: AbortSignal.timeout(10_000) });
      expect({ app, status: res.status }).toEqual({ app, status: 200 });
    }
    expect(out).toContain(`http://127.0.0.1:${ports['wair-simulator']}/__sim/stock`);
    expect(out).toContain(`http://127.0.0.1:${ports['sfcc-simulator']}/__sim/inventory`);
    expect(out).toContain(`Dashboard http://127.0.0.1:${ports['reconciliation-auditor']}/dashboard/`);
    expect(out).toContain(`Kafka ${process.env['KAFKA_BROKERS']}`);
  });

  it('carries stock from the WAIR simulator into the SFCC simulator', async () => {
    const started = Date.now();
    try {
      // The catalogue is fixed for the run; a SKU is sellable when the writer has a record to keep.
      const catalog = catalogEntries(await sfcc.catalog());
      const sellableSkus = async (): Promise<Set<string>> => {
        const stock = await wair.stock();
        const allocations = expectedAllocations(stock, LISTS, catalog);
        return new Set(
          stock.map((s) => s.skuCode).filter((sku) => allocations.has(`${LISTS[0]?.inventoryListId}/${sku}`)),
        );
      };
      // Writes land for sellable SKUs, and WAIR changes a sellable SKU live meanwhile: a change
      // only to one of the deliberate mismatches would prove nothing about the writer.
      const liveChanges = async (sellable: Set<string>) =>
        (await wair.changes(readyAt)).filter((c) => c.kind !== 'INITIAL' && sellable.has(c.skuCode));
      await waitFor(
        'SFCC writes of sellable WAIR SKUs and live WAIR changes to them',
        async () => {
          const sellable = await sellableSkus();
          const writes = await sfcc.writes(0);
          return writes.some((w) => sellable.has(w.productId)) && (await liveChanges(sellable)).length > 0;
        },
        180_000,
        1_000,
      );
      timings.push(`first SFCC write ${seconds(started)}`);
      // Frozen, WAIR's figures are final; SFCC must then reach exactly them.
      await wair.stream({ changesPerSecond: 0 });
      const truth = await wair.stock();
      let expected = expectedAllocations(truth, LISTS, catalog);
      const sellable = truth.filter((s) => expected.has(`${LISTS[0]?.inventoryListId}/${s.skuCode}`));
      // The catalogues share a seed; only the SFCC simulator's deliberate mismatches are left out.
      expect(sellable.length).toBeGreaterThan(SKUS / 2);
      const changed = await liveChanges(new Set(sellable.map((s) => s.skuCode)));
      expect(changed.length).toBeGreaterThan(0);

      const converged = Date.now();
      await waitFor(
        'SFCC records equal to the WAIR figures',
        async () => {
          // WAIR's figures are read again each time: a sale the bridge posts, or its fulfilment,
          // still moves them after the stream is frozen.
          const now = await wair.stock();
          expected = expectedAllocations(now, LISTS, catalog);
          const sellableNow = now.filter((s) => expected.has(`${LISTS[0]?.inventoryListId}/${s.skuCode}`));
          const records = await sfcc.inventory();
          const { wrong } = compareRecords(expected, records);
          const resetDate = new Map(
            records.map((r) => [`${r.inventory_list_id}/${r.product_id}`, r.allocation?.reset_date]),
          );
          const stale = sellableNow.flatMap((s) =>
            LISTS.map((l) => `${l.inventoryListId}/${s.skuCode}`)
              .filter((pair) => Date.parse(resetDate.get(pair) ?? '') !== asOf(s))
              .map(
                (pair) => `${pair} reset_date ${resetDate.get(pair)} ≠ ${new Date(asOf(s)).toISOString()}`,
              ),
          );
          if (wrong.length > 0 || stale.length > 0)
            throw new Error(
              `${wrong.length} allocations differ (${JSON.stringify(wrong.slice(0, 3))}), ` +
                `${stale.length} reset dates differ (${stale.slice(0, 3).join('; ')})`,
            );
          return true;
        },
        120_000,
        1_000,
      );
      timings.push(`converged ${seconds(converged)} after freezing WAIR`);
      // Every one of those records came through the write history, i.e. from this run's writer.
      const history = await sfcc.writes(0);
      const written = new Set(history.map((w) => `${w.listId}/${w.productId}`));
      timings.push(
        `${sellable.length}/${truth.length} SKUs sellable, ${expected.size} records checked, ` +
          `${changed.length} live WAIR changes, ${history.length} SFCC writes`,
      );
      expect([...expected.keys()].filter((pair) => !written.has(pair))).toEqual([]);
    } catch (error) {
      throw new Error(`${(error as Error).message}\n${run.logTails()}`);
    }
  }, 330_000);

  it('stops every process and frees every port on Ctrl-C, exiting 0', async () => {
    const members = groupMembers(run.pgid);
    for (const app of EXPECTED_APPS)
      expect(members.some((m) => m.cmdline.includes(`apps/${app}/src/main.ts`))).toBe(true);
    const started = Date.now();
    run.interrupt();
    const exit = await Promise.race([
      run.exited,
      new Promise<never>((_, reject) =>
        setTimeout(() => reject(new Error(`npm start still running 90 s after SIGINT`)), 90_000).unref(),
      ),
    ]);
    timings.push(`stopped ${seconds(started)}`);
    expect(exit).toEqual({ code: 0, signal: null });
    for (const app of EXPECTED_APPS) expect(run.stdout()).toContain(`${app} exited (0)`);
    expect(groupMembers(run.pgid)).toEqual([]);
    for (const app of EXPECTED_APPS)
      expect({ app, open: await portAnswers(ports[app]) }).toEqual({ app, open: false });
  }, 120_000);
});
