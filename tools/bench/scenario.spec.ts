import { overloadSfccRate, parseScenario } from './scenario';

describe('parseScenario', () => {
  it("defaults to the issue's scenario", () => {
    const s = parseScenario([], {});
    expect(s).toMatchObject({
      name: 'default',
      skus: 20_000,
      locations: 3,
      changesPerSecond: 1_000,
      seconds: 60,
      ordersPerSecond: 5,
      sfccRatePerSecond: 50,
      sfccLatencyMs: 20,
      overloadFactor: 5,
      orderPathRate: 50,
      orderPathSeconds: 60,
      bridgeConcurrency: 8,
    });
    expect(s.skip.size).toBe(0);
  });

  it('--quick is the small preset; a flag beats the environment, which beats the preset', () => {
    const s = parseScenario(['--quick', '--seconds=5'], { BENCH_SECONDS: '9', BENCH_SKUS: '300' });
    expect(s).toMatchObject({ name: 'custom', changesPerSecond: 200, seconds: 5, skus: 300 });
    expect(parseScenario([], { BENCH_QUICK: '1' })).toMatchObject({
      name: 'quick',
      skus: 2_000,
      seconds: 15,
      orderPathRate: 20,
      orderPathSeconds: 15,
    });
  });

  it('takes sections to skip and a seed', () => {
    const s = parseScenario(['--skip=overload,baseline,order-path', '--seed=x'], {});
    expect([...s.skip].sort()).toEqual(['baseline', 'order-path', 'overload']);
    expect(s.seed).toBe('x');
  });

  it('refuses unknown flags, unknown sections, bad numbers and fewer than 3 locations', () => {
    expect(() => parseScenario(['--skuz=3'], {})).toThrow(/unknown flag.*--skuz/);
    expect(() => parseScenario(['--skip=chaos'], {})).toThrow(/unknown section chaos/);
    expect(() => parseScenario(['--rate=fast'], {})).toThrow(/--rate must be a number/);
    expect(() => parseScenario([], { BENCH_RATE: '-1' })).toThrow(/--rate/);
    expect(() => parseScenario(['--locations=2'], {})).toThrow(/at least 3/);
    expect(() => parseScenario(['quick'], {})).toThrow(/unexpected argument/);
  });
});

describe('overloadSfccRate', () => {
  it('is the request rate at which arrivals are the given multiple of what SFCC carries', () => {
    // 1,000 changes/s × 2 records ÷ 50 per batch = 40 req/s needed; a fifth of it is 8.
    expect(overloadSfccRate(1_000, 2, 50, 5)).toBe(8);
    expect(overloadSfccRate(200, 2, 50, 5)).toBe(2);
  });

  it('never goes below 1 request/s', () => {
    expect(overloadSfccRate(10, 2, 50, 5)).toBe(1);
  });
});
