import { listMappings } from './inventory-model';
import { overloadResult, steadyResults } from './phase-results';
import type { StreamPhaseResult } from './stream-phase';

const lists = listMappings(['WEB01', 'DC01', 'ST01']);

/** Two changes of one SKU at DC01 (a stock-out, then stock back), each written 500 ms later. */
function phase(overrides: Partial<StreamPhaseResult> = {}): StreamPhaseResult {
  return {
    startedAt: 10_000,
    streamEndedAt: 12_000,
    convergedAt: 13_000,
    initialTruth: [
      {
        sku: 'A',
        locations: [
          { location: 'WEB01', available: 0, modifiedAt: 0 },
          { location: 'DC01', available: 8, modifiedAt: 0 },
          { location: 'ST01', available: 1, modifiedAt: 0 },
        ],
      },
    ],
    changes: [
      { at: 10_500, sku: 'A', location: 'DC01', onHand: 0, reserved: 0, sequence: 2 },
      { at: 11_000, sku: 'A', location: 'DC01', onHand: 6, reserved: 0, sequence: 3 },
    ],
    writes: [
      { seq: 1, at: 11_000, listId: 'inventory_webshop', productId: 'A', allocation: 0, resetDate: 10_500 },
      { seq: 2, at: 11_000, listId: 'inventory_stores', productId: 'A', allocation: 1, resetDate: 10_500 },
      { seq: 3, at: 12_500, listId: 'inventory_webshop', productId: 'A', allocation: 6, resetDate: 11_000 },
    ],
    calls: { total: 4, throttled: 1 },
    incorrect: 0,
    checked: 2,
    incorrectSample: [],
    ...overrides,
  };
}

describe('steadyResults', () => {
  it('rates the pipeline by the time until the last change reached SFCC, against the baseline', () => {
    const { pipeline } = steadyResults(phase(), lists, 1, {
      records: 10,
      partitions: 6,
      producedPerSecond: 10,
      endToEndPerSecond: 8,
    });
    expect(pipeline.reflectedAfterSeconds).toBe(2.5);
    expect(pipeline.sustainedPerSecond).toBe(0.8);
    expect(pipeline.ratioToBaseline).toBe(0.1);
    expect(pipeline.convergedAfterSeconds).toBe(3);
    expect(pipeline.streamSeconds).toBe(2);
  });

  it('splits latency by class and counts calls against the lower bound', () => {
    const { latency, economy } = steadyResults(phase(), lists, 1, undefined);
    expect(latency.byClass['0']).toMatchObject({ count: 1, p50: 500 });
    expect(latency.byClass['2']).toMatchObject({ count: 1, p50: 1_500 });
    expect(latency.byClass['1']).toBeNull();
    expect(latency.unreflected).toBe(0);
    expect(economy).toMatchObject({
      changes: 2,
      calls: 4,
      distinctPairs: 1,
      lowerBoundCalls: 1,
      recordsWritten: 3,
    });
  });

  it('has no sustained rate when a change never reached SFCC', () => {
    const { pipeline, latency } = steadyResults(phase({ writes: [] }), lists, 1, undefined);
    expect(pipeline.sustainedPerSecond).toBeNull();
    expect(latency.unreflected).toBe(2);
  });
});

describe('overloadResult', () => {
  it('reports stock-out latency, drain after the stream and the 429 share', () => {
    const o = overloadResult(phase(), lists, 8);
    expect(o.stockOut).toMatchObject({ count: 1, p99: 500 });
    expect(o.drainSeconds).toBe(0.5);
    expect(o.throttledShare).toBe(0.25);
    expect(o.arrivalPerSecond).toBe(1);
    expect(o.sfccRatePerSecond).toBe(8);
  });
});
