import type { ApiEconomy } from './api-economy';
import type { PhaseCpu } from './cpu-meter';
import type { OrderPathFigures } from './order-path-model';
import type { Distribution } from './stats';

export interface BaselineResult {
  records: number;
  partitions: number;
  producedPerSecond: number;
  /** First send to last record decoded by the consumer. */
  endToEndPerSecond: number;
}

export interface PipelineResult {
  offeredPerSecond: number;
  streamSeconds: number;
  changesGenerated: number;
  /** From the stream's start until the last change was reflected by an SFCC write. */
  reflectedAfterSeconds: number | null;
  /** From the stream's start until every SFCC record was correct (null: never, see incorrect). */
  convergedAfterSeconds: number | null;
  /** changes generated ÷ time until all were reflected in SFCC. */
  sustainedPerSecond: number | null;
  ratioToBaseline: number | null;
  incorrectRecords: number;
  recordsChecked: number;
  incorrectSample: string[];
}

export interface LatencyResult {
  byClass: Record<string, Distribution | null>;
  /** (change, list) pairs no SFCC write reflected by the end of the phase. */
  unreflected: number;
}

export interface OverloadResult {
  sfccRatePerSecond: number;
  arrivalPerSecond: number;
  seconds: number;
  changesGenerated: number;
  stockOut: Distribution | null;
  drainSeconds: number | null;
  calls: number;
  throttled: number;
  throttledShare: number;
  incorrectRecords: number;
  recordsChecked: number;
  incorrectSample: string[];
}

export interface ColdStartResult {
  app: string;
  skus: number;
  readySeconds: number;
  peakRssMb: number;
}

export interface FullRefreshResult {
  skus: number;
  records: number;
  seconds: number;
  writerPeakRssMb: number;
  error: string | null;
}

/** Section 8: storefront orders through the bridge to WAIR and WAIR's dispatches back to SFCC. */
export interface OrderPathResult extends OrderPathFigures {
  offeredPerSecond: number;
  /** How long orders were placed. */
  seconds: number;
  placedPerSecond: number;
  /** Storefront placements the SFCC simulator refused or that failed (not orders of the run). */
  placeFailures: number;
  /** WAIR's delay from accepting a sale to dispatching it. */
  dispatchDelayMs: number;
  bridgeSfccRatePerSecond: number;
  bridgeConcurrency: number;
  /** From the last order placed until every order was shipped in SFCC (null: not within the timeout). */
  drainSeconds: number | null;
  /** SCAPI Orders requests SFCC answered during the phase (the bridge's), and those answered ≥ 400. */
  scapiCalls: number;
  scapiFailed: number;
}

export interface BenchResult {
  startedAt: string;
  scenario: Record<string, unknown>;
  machine: { cores: number; node: string; kafkaBrokers: string };
  baseline?: BaselineResult;
  pipeline?: PipelineResult;
  latency?: LatencyResult;
  economy?: ApiEconomy;
  overload?: OverloadResult;
  cpu?: PhaseCpu[];
  fullRefresh?: FullRefreshResult;
  coldStart?: ColdStartResult[];
  orderPath?: OrderPathResult;
  /** Sections not measured in this run, with why. */
  notMeasured: Array<{ section: string; why: string }>;
}

const n0 = (x: number | null | undefined) =>
  x === null || x === undefined || Number.isNaN(x) ? '—' : Math.round(x).toLocaleString('en-US');
const n2 = (x: number | null | undefined) =>
  x === null || x === undefined || Number.isNaN(x) ? '—' : x.toFixed(2);
const ms = (x: number | null | undefined) => (x === null || x === undefined ? '—' : `${n0(x)} ms`);
const dist = (d: Distribution | null | undefined) =>
  d ? `p50 ${ms(d.p50)}  p95 ${ms(d.p95)}  p99 ${ms(d.p99)}  max ${ms(d.max)}  (n=${n0(d.count)})` : '—';
const CLASS_NAMES: Record<string, string> = {
  '0': 'class 0 stock-out/low',
  '1': 'class 1 other change',
  '2': 'class 2 back in stock',
};

/** The rows of the printed table: [section, figure, value]. */
export function reportRows(r: BenchResult): Array<[string, string, string]> {
  const rows: Array<[string, string, string]> = [];
  const seen = new Set<string>();
  // The section name is printed on its first row only.
  const add = (section: string, figure: string, value: string) => {
    rows.push([section && !seen.has(section) ? section : '', figure, value]);
    if (section) seen.add(section);
  };
  if (r.baseline) {
    const b = r.baseline;
    add('1 baseline', 'kafkajs produce → consume (Avro StockLevel)', `${n0(b.endToEndPerSecond)} records/s`);
    add(
      '1 baseline',
      'produce only',
      `${n0(b.producedPerSecond)} records/s (${n0(b.records)} records, ${b.partitions} partitions)`,
    );
  }
  if (r.pipeline) {
    const p = r.pipeline;
    add(
      '2 pipeline',
      'offered',
      `${n0(p.offeredPerSecond)} changes/s for ${n0(p.streamSeconds)} s (${n0(p.changesGenerated)} generated)`,
    );
    add(
      '2 pipeline',
      'sustained (generated ÷ time until all reflected)',
      `${n0(p.sustainedPerSecond)} changes/s (last change reflected ${n2(p.reflectedAfterSeconds)} s after the start)`,
    );
    add(
      '2 pipeline',
      'all SFCC records correct after',
      p.convergedAfterSeconds === null ? 'never (see incorrect records)' : `${n2(p.convergedAfterSeconds)} s`,
    );
    add(
      '2 pipeline',
      'ratio to baseline',
      p.ratioToBaseline === null ? '—' : `${(100 * p.ratioToBaseline).toFixed(2)} %`,
    );
    add(
      '2 pipeline',
      'incorrect SFCC records at the end',
      `${n0(p.incorrectRecords)} of ${n0(p.recordsChecked)}`,
    );
  }
  if (r.latency) {
    for (const [cls, d] of Object.entries(r.latency.byClass))
      add('3 latency', CLASS_NAMES[cls] ?? `class ${cls}`, dist(d));
    add('3 latency', 'changes never reflected', n0(r.latency.unreflected));
  }
  if (r.economy) {
    const e = r.economy;
    add(
      '4 API economy',
      'SFCC calls per 1,000 changes',
      `${n2(e.callsPer1000Changes)} (${n0(e.calls)} calls for ${n0(e.changes)} changes)`,
    );
    add(
      '4 API economy',
      'lower bound per 1,000 changes',
      `${n2(e.lowerBoundPer1000Changes)} (${n0(e.distinctPairs)} distinct (list, SKU) ÷ 50 = ${n0(e.lowerBoundCalls)})`,
    );
    add('4 API economy', 'calls ÷ lower bound', n2(e.overLowerBound));
    add(
      '4 API economy',
      'records written per call',
      `${n2(e.recordsPerCall)} (${n0(e.recordsWritten)} records; 50 = full batches)`,
    );
  }
  if (r.overload) {
    const o = r.overload;
    add(
      '5 overload',
      'arrivals vs SFCC limit',
      `${n0(o.arrivalPerSecond)} changes/s for ${n0(o.seconds)} s against ${n0(o.sfccRatePerSecond)} req/s`,
    );
    add('5 overload', 'stock-out latency during overload', dist(o.stockOut));
    add(
      '5 overload',
      'time to drain after (last change reflected)',
      o.drainSeconds === null ? 'some change never reflected' : `${n2(o.drainSeconds)} s`,
    );
    add(
      '5 overload',
      '429 share of SFCC calls',
      `${(100 * o.throttledShare).toFixed(1)} % (${n0(o.throttled)} of ${n0(o.calls)})`,
    );
    add(
      '5 overload',
      'incorrect SFCC records at the end',
      `${n0(o.incorrectRecords)} of ${n0(o.recordsChecked)}`,
    );
  }
  for (const phase of r.cpu ?? []) {
    const machine =
      phase.machineBusyCores === null
        ? ''
        : `; machine busy ${n2(phase.machineBusyCores)} of ${phase.machineCores} cores`;
    const ours = phase.processes.reduce((a, p) => a + p.cores, 0);
    add('6 CPU', `${phase.phase} (${n0(phase.seconds)} s)`, `ours ${n2(ours)} cores${machine}`);
    for (const p of [...phase.processes].sort((a, b) => b.cores - a.cores))
      add('6 CPU', `  ${p.name}`, `${n2(p.cores)} cores, peak RSS ${n0(p.peakRssMb)} MB`);
  }
  if (r.fullRefresh) {
    const f = r.fullRefresh;
    add(
      '7 full refresh (IMPEX)',
      `${n0(f.skus)} SKUs, ${n0(f.records)} records`,
      f.error ? `failed: ${f.error}` : `${n2(f.seconds)} s, writer peak RSS ${n0(f.writerPeakRssMb)} MB`,
    );
  }
  for (const c of r.coldStart ?? [])
    add(
      '7 cold start',
      `${c.app} at ${n0(c.skus)} SKUs`,
      `ready in ${n2(c.readySeconds)} s, peak RSS ${n0(c.peakRssMb)} MB`,
    );
  if (r.orderPath) orderPathRows(r.orderPath, add);
  for (const m of r.notMeasured) add('not yet measured', m.section, m.why);
  return rows;
}

function orderPathRows(o: OrderPathResult, add: (section: string, figure: string, value: string) => void) {
  const section = '8 order path';
  add(
    section,
    'storefront orders',
    `${n0(o.placed)} placed in ${n2(o.seconds)} s (${n2(o.placedPerSecond)}/s, offered ${n0(o.offeredPerSecond)}/s; ${n0(o.placeFailures)} failed)`,
  );
  add(section, 'capture delay (SFCC created → WAIR accepted)', dist(o.captureDelay));
  add(section, 'dispatch confirmation (WAIR dispatched → SFCC shipped)', dist(o.confirmationDelay));
  add(
    section,
    'reached WAIR / dispatched / shipped in SFCC',
    `${n0(o.reachedWair)} / ${n0(o.dispatched)} / ${n0(o.ordersShipped)} of ${n0(o.placed)} orders; ${n0(o.parcelsConfirmed)} of ${n0(o.parcels)} parcels confirmed`,
  );
  add(
    section,
    'duplicates',
    `${n0(o.duplicateEmails)} dispatch e-mails sent twice, ${n0(o.unknownSales)} unknown sales (${n0(o.repeatedSalePosts)} sale posts WAIR absorbed as repeats)`,
  );
  add(
    section,
    'all shipped after the last order',
    o.drainSeconds === null ? 'not within the timeout' : `${n2(o.drainSeconds)} s`,
  );
  add(
    section,
    'SCAPI Orders calls',
    `${n0(o.scapiCalls)} (${n2(o.placed === 0 ? null : o.scapiCalls / o.placed)} per order, ${n0(o.scapiFailed)} failed); bridge ${n0(o.bridgeSfccRatePerSecond)} req/s × ${n0(o.bridgeConcurrency)} in flight, WAIR dispatch delay ${n0(o.dispatchDelayMs)} ms`,
  );
}

/** The table as text, columns padded to their widest cell. */
export function formatTable(rows: ReadonlyArray<readonly [string, string, string]>): string {
  const w0 = Math.max(0, ...rows.map((r) => r[0].length));
  const w1 = Math.max(0, ...rows.map((r) => r[1].length));
  return rows.map(([a, b, c]) => `${a.padEnd(w0)}  ${b.padEnd(w1)}  ${c}`.trimEnd()).join('\n');
}

/** `bench-results/<timestamp>.json` name for a run started at `at` (colons are not portable). */
export function resultFileName(at: Date): string {
  return `${at.toISOString().replace(/[:.]/g, '-')}.json`;
}
