import type { ChaosSystem } from './chaos-system';
import { APPS } from './chaos-system';
import { BASE_WEBHOOKS } from './chaos-processes';
import { countOversold, type OversellResult, type TimeWindow } from './oversell.check';
import { startMultiLineOrders } from './multi-line-orders';
import type { Scenario, ScenarioContext } from './scenario';
import { sleep } from './scenario';
import { SFCC_FAULTS_OFF, WAIR_FAULTS_OFF, type WairStockSku } from './sim-control';
import type { ChaosStack } from './stack-control';
import {
  convergenceNow,
  dlqRecords,
  exceptionsTable,
  orderFlowNow,
  settled,
  type OrderFlowNow,
} from './system-observer';
import { checkWriteOrder } from './write-order.check';

/** Where a run started: WAIR's figures before the first order, for the oversell replay. */
export interface RunBaseline {
  initial: WairStockSku[];
  startedAt: number;
  /** Records still wrong when the previous scenario ended (told apart in the next one's report). */
  wrongAfterPrevious: Set<string>;
}

export interface ScenarioResult {
  id: string;
  title: string;
  pass: boolean;
  seconds: number;
  failures: string[];
  notes: Record<string, number | string>;
  convergedAfterMs: number | null;
  records: number;
  wrongRecords: number;
  oversell: OversellResult;
  orders: OrderFlowNow;
  writes: number;
  writeRegressions: number;
  malformedOrders: number;
  malformedWithException: number;
  /** Malformed WAIR records served, and how many ended on a DLQ or as a skipped foreign dispatch. */
  malformedWair: number;
  malformedWairAccounted: number;
  unexpectedExits: string[];
}

export async function captureBaseline(system: ChaosSystem): Promise<RunBaseline> {
  const startedAt = Date.now();
  return { initial: await system.wair.stock(), startedAt, wrongAfterPrevious: new Set() };
}

/**
 * One scenario: load on (stock changes, storefront orders), inject, faults off, load off, then
 * wait for the system to settle and check the invariants from the outside.
 */
export async function runScenario(
  system: ChaosSystem,
  baseline: RunBaseline,
  scenario: Scenario,
  options: { seed: number; stack?: ChaosStack; log?: (line: string) => void },
): Promise<ScenarioResult> {
  const { profile } = system;
  const log = options.log ?? (() => undefined);
  const started = Date.now();
  const exitsBefore = system.exits.length;
  const dlqBefore = await dlqRecords(system);
  const foreignBefore = (await orderFlowNow(system)).foreignDispatches;
  const windows: TimeWindow[] = [];
  const notes: Record<string, number | string> = {};
  let state = options.seed >>> 0 || 1;
  const ctx: ScenarioContext = {
    system,
    profile,
    random: () => (state = (Math.imul(state, 1664525) + 1013904223) >>> 0) / 2 ** 32,
    sleep,
    faultWindow: (w) => windows.push(w),
    note: (k, v) => (notes[k] = v),
    malformedOrders: [],
    malformedWair: { injected: 0 },
    stack: options.stack,
  };

  // A clean start even after an aborted scenario: no fault left on, every app running.
  await system.sfcc.faults(SFCC_FAULTS_OFF);
  await system.wair.faults(WAIR_FAULTS_OFF);
  for (const name of APPS) if (!system.app(name).alive) system.app(name).start();
  await system.wair.stream({ changesPerSecond: profile.wairChangesPerSecond });
  await system.sfcc.storefront(profile.ordersPerMinute);
  const stopMultiLine = startMultiLineOrders(system, ctx.random, 3_000);
  await sleep(2_000);
  log(`  ${scenario.id}: injecting`);
  await scenario.run(ctx);
  const faultsOff = Date.now();
  await system.sfcc.faults(SFCC_FAULTS_OFF);
  await system.wair.faults(WAIR_FAULTS_OFF);
  await system.wair.webhooks(BASE_WEBHOOKS);
  // A process that died on its own is recorded as a crash; it is started again for the checks.
  for (const name of APPS) if (!system.app(name).alive) system.app(name).start();
  await system.sfcc.storefront(0);
  await stopMultiLine();
  await system.wair.stream({ changesPerSecond: 0 });
  log(`  ${scenario.id}: faults off, load off; waiting for the system to settle`);

  const deadline = faultsOff + Math.max(profile.settleMs, profile.convergenceMs);
  let convergedSince: number | null = null;
  let orders = await orderFlowNow(system);
  let convergence = await convergenceNow(system);
  for (;;) {
    orders = await orderFlowNow(system);
    convergence = await convergenceNow(system);
    const ok = convergence.wrong.length === 0;
    convergedSince = ok ? (convergedSince ?? Date.now()) : null;
    if ((ok && settled(orders)) || Date.now() > deadline) break;
    await sleep(1_000);
  }

  const [changes, sfccOrders, writes, exceptions] = await Promise.all([
    system.wair.changes(baseline.startedAt - 1_000),
    system.sfcc.orders(),
    system.sfcc.writes(0),
    exceptionsTable(system),
  ]);
  const ordersInScenario = sfccOrders.orders.filter((o) => Date.parse(o.creationDate) >= started);
  const oversell = countOversold({
    initial: baseline.initial,
    changes,
    orders: sfccOrders.orders,
    lists: system.lists,
    defaultList: system.defaultList,
    syncWindowMs: profile.syncWindowMs,
    faultWindows: windows,
    countFrom: started,
  });
  const writeOrder = checkWriteOrder(writes);
  const malformedWairAccounted =
    (await dlqRecords(system)) - dlqBefore + (orders.foreignDispatches - foreignBefore);
  const malformedWithException = ctx.malformedOrders.filter((no) => {
    const ex = exceptions.get(`ORDER_NOT_ACCEPTED:${no}`);
    return ex !== undefined && ex.detail.length > 0;
  }).length;
  const unexpectedExits = system.exits
    .slice(exitsBefore)
    .filter((e) => !e.expected)
    .map((e) => `${e.name} (${e.signal ?? `exit ${e.code}`})`);
  const down: string[] = [];
  for (const [name, p] of Object.entries(system.processes)) if (!(await p.live())) down.push(name);

  const convergedAfterMs = convergedSince === null ? null : Math.max(0, convergedSince - faultsOff);
  const failures: string[] = [];
  const carried = convergence.wrong.filter((w) => baseline.wrongAfterPrevious.has(w.pair)).length;
  baseline.wrongAfterPrevious = new Set(convergence.wrong.map((w) => w.pair));
  if (convergedAfterMs === null || convergedAfterMs > profile.convergenceMs)
    failures.push(
      `(a) ${convergence.wrong.length}/${convergence.checked} records wrong (${carried} already wrong after the previous scenario) ` +
        `${convergedAfterMs === null ? 'at the deadline' : `until ${convergedAfterMs} ms`}, e.g. ${JSON.stringify(convergence.wrong.slice(0, 3))}`,
    );
  if (oversell.outsideWindows > 0)
    failures.push(
      `(b) ${oversell.outsideWindows} units oversold outside any window, e.g. ${JSON.stringify(oversell.outside)}`,
    );
  if (!settled(orders))
    failures.push(
      `(c) missing in WAIR ${orders.missingInWair.length}, unexpected ${orders.unexpectedInWair.length}, ` +
        `not exported ${orders.notExported.length}, open in WAIR ${orders.openInWair}, dispatched not shipped ` +
        `${orders.dispatchedNotShipped.length}, e-mail mismatches ${orders.emailMismatch.length} ` +
        `(${orders.emailMismatch.slice(0, 3).join(' ')}), duplicate e-mails ${orders.duplicateEmails}, ` +
        `WAIR parcels ${orders.wairDispatchTotal} vs on the topic ${orders.wairDispatches}`,
    );
  if (writeOrder.regressions.length > 0)
    failures.push(
      `(d) ${writeOrder.regressions.length} older writes over newer, e.g. ${JSON.stringify(writeOrder.regressions[0])}`,
    );
  if (malformedWithException < ctx.malformedOrders.length)
    failures.push(
      `(e) ${ctx.malformedOrders.length - malformedWithException} malformed orders without an exception`,
    );
  // The simulator counts every serve of a malformed record, also of a page the ingest reads again
  // (a group sharing one modifiedDateTime is re-read whole), hence the 10 % allowance.
  if (malformedWairAccounted < Math.floor(ctx.malformedWair.injected * 0.9))
    failures.push(
      `(e) ${ctx.malformedWair.injected} malformed WAIR records served, only ${malformedWairAccounted} on a DLQ or skipped`,
    );
  if (unexpectedExits.length > 0 || down.length > 0)
    failures.push(`(e) crashed: ${unexpectedExits.join(', ') || '-'}; not live: ${down.join(', ') || '-'}`);

  return {
    id: scenario.id,
    title: scenario.title,
    pass: failures.length === 0,
    seconds: Math.round((Date.now() - started) / 1000),
    failures,
    notes: { ...notes, 'orders in scenario': ordersInScenario.length },
    convergedAfterMs,
    records: convergence.checked,
    wrongRecords: convergence.wrong.length,
    oversell,
    orders,
    writes: writeOrder.writes,
    writeRegressions: writeOrder.regressions.length,
    malformedOrders: ctx.malformedOrders.length,
    malformedWithException,
    malformedWair: ctx.malformedWair.injected,
    malformedWairAccounted,
    unexpectedExits,
  };
}

/** A scenario that could not run to its checks (the runner itself failed): a FAIL with the error. */
export function abortedResult(scenario: Scenario, error: unknown, started: number): ScenarioResult {
  const none = { orderLines: 0, unitsSold: 0, oversoldUnits: 0, inSyncWindow: 0, inFaultWindow: 0 };
  return {
    id: scenario.id,
    title: scenario.title,
    pass: false,
    seconds: Math.round((Date.now() - started) / 1000),
    failures: [`the scenario did not complete: ${(error as Error).message}`],
    notes: {},
    convergedAfterMs: null,
    records: 0,
    wrongRecords: 0,
    oversell: { ...none, outsideWindows: 0, longestWindowMs: 0, outside: [] },
    orders: {
      orders: 0,
      missingInWair: [],
      unexpectedInWair: [],
      notExported: [],
      dispatchedNotShipped: [],
      emailMismatch: [],
      wairDispatches: 0,
      emails: 0,
      duplicateEmails: 0,
      repeatedPosts: 0,
      wairDispatchTotal: 0,
      openInWair: 0,
      foreignDispatches: 0,
    },
    writes: 0,
    writeRegressions: 0,
    malformedOrders: 0,
    malformedWithException: 0,
    malformedWair: 0,
    malformedWairAccounted: 0,
    unexpectedExits: [],
  };
}
