import { formatTable, reportRows, resultFileName, type BenchResult } from './bench-report';

const base: BenchResult = {
  startedAt: '2026-11-27T01:00:00.000Z',
  scenario: {},
  machine: { cores: 2, node: 'v22', kafkaBrokers: 'k:9092' },
  notMeasured: [],
};

describe('reportRows', () => {
  it('prints the pipeline against the baseline, the section name on its first row only', () => {
    const rows = reportRows({
      ...base,
      baseline: { records: 200_000, partitions: 6, producedPerSecond: 41_000.4, endToEndPerSecond: 40_000 },
      pipeline: {
        offeredPerSecond: 1_000,
        streamSeconds: 60,
        changesGenerated: 59_990,
        reflectedAfterSeconds: 62.5,
        convergedAfterSeconds: null,
        sustainedPerSecond: 959.84,
        ratioToBaseline: 0.024,
        incorrectRecords: 6,
        recordsChecked: 40_000,
        incorrectSample: [],
      },
    });
    expect(rows[0]).toEqual([
      '1 baseline',
      'kafkajs produce → consume (Avro StockLevel)',
      '40,000 records/s',
    ]);
    expect(rows[1]?.[0]).toBe('');
    expect(rows.filter((r) => r[0] === '2 pipeline')).toHaveLength(1);
    const values = rows.map((r) => r[2]);
    expect(values).toContain('960 changes/s (last change reflected 62.50 s after the start)');
    expect(values).toContain('2.40 %');
    expect(values).toContain('never (see incorrect records)');
    expect(values).toContain('6 of 40,000');
  });

  it('prints latency per class with dashes for an empty class, and what was not measured', () => {
    const rows = reportRows({
      ...base,
      latency: {
        byClass: { '0': { count: 10, p50: 80, p95: 900, p99: 2_500.4, max: 3_001 }, '2': null },
        unreflected: 0,
      },
      notMeasured: [{ section: '8 order path', why: 'needs the bridge' }],
    });
    expect(rows).toContainEqual([
      '3 latency',
      'class 0 stock-out/low',
      'p50 80 ms  p95 900 ms  p99 2,500 ms  max 3,001 ms  (n=10)',
    ]);
    expect(rows).toContainEqual(['', 'class 2 back in stock', '—']);
    expect(rows.at(-1)).toEqual(['not yet measured', '8 order path', 'needs the bridge']);
  });

  it('shows how the machine’s cores were divided per phase, busiest process first', () => {
    const rows = reportRows({
      ...base,
      cpu: [
        {
          phase: 'steady stream',
          seconds: 60,
          machineBusyCores: 1.9,
          machineCores: 2,
          processes: [
            { name: 'wair-ingest', pid: 1, cores: 0.3, peakRssMb: 180 },
            { name: 'sfcc-inventory-writer', pid: 2, cores: 0.5, peakRssMb: 250 },
          ],
        },
      ],
    });
    expect(rows[0]).toEqual([
      '6 CPU',
      'steady stream (60 s)',
      'ours 0.80 cores; machine busy 1.90 of 2 cores',
    ]);
    expect(rows[1]).toEqual(['', '  sfcc-inventory-writer', '0.50 cores, peak RSS 250 MB']);
    expect(rows[2]?.[1]).toBe('  wair-ingest');
  });

  it('prints the order path: both delays, the counts, duplicates and the SCAPI spend per order', () => {
    const rows = reportRows({
      ...base,
      orderPath: {
        placed: 3_000,
        reachedWair: 3_000,
        dispatched: 3_000,
        parcels: 3_600,
        parcelsConfirmed: 3_600,
        ordersShipped: 2_999,
        duplicateEmails: 0,
        unknownSales: 0,
        repeatedSalePosts: 2,
        captureDelay: { count: 3_000, p50: 5_400, p95: 9_000, p99: 9_800, max: 10_100 },
        confirmationDelay: null,
        offeredPerSecond: 50,
        seconds: 60.01,
        placedPerSecond: 49.99,
        placeFailures: 0,
        dispatchDelayMs: 1_000,
        bridgeSfccRatePerSecond: 300,
        bridgeConcurrency: 4,
        drainSeconds: null,
        scapiCalls: 14_400,
        scapiFailed: 3,
      },
    });
    expect(rows[0]).toEqual([
      '8 order path',
      'storefront orders',
      '3,000 placed in 60.01 s (49.99/s, offered 50/s; 0 failed)',
    ]);
    expect(rows).toContainEqual([
      '',
      'capture delay (SFCC created → WAIR accepted)',
      'p50 5,400 ms  p95 9,000 ms  p99 9,800 ms  max 10,100 ms  (n=3,000)',
    ]);
    expect(rows).toContainEqual(['', 'dispatch confirmation (WAIR dispatched → SFCC shipped)', '—']);
    const values = rows.map((r) => r[2]);
    expect(values).toContain('3,000 / 3,000 / 2,999 of 3,000 orders; 3,600 of 3,600 parcels confirmed');
    expect(values).toContain('not within the timeout');
    expect(
      values.some((v) => v.startsWith('14,400 (4.80 per order, 3 failed); bridge 300 req/s × 4 in flight')),
    ).toBe(true);
  });
});

describe('formatTable', () => {
  it('pads each column to its widest cell', () => {
    expect(
      formatTable([
        ['a', 'bb', 'x'],
        ['ccc', 'd', 'y'],
      ]),
    ).toBe('a    bb  x\nccc  d   y');
  });
});

describe('resultFileName', () => {
  it('is the ISO time without colons or dots', () => {
    expect(resultFileName(new Date('2026-11-27T01:02:03.456Z'))).toBe('2026-11-27T01-02-03-456Z.json');
  });
});
