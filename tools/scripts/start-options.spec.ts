import { parseStartOptions, simulatorEnv, StartOptionError } from './start-options';

describe('npm start options', () => {
  it('reads flags before environment variables and gives both simulators the same catalogue', () => {
    const options = parseStartOptions(['--skus', '5000', '--seed', 'demo'], {
      START_SKUS: '10',
      START_CHANGES_PER_SECOND: '50',
      START_ORDERS_PER_MINUTE: '120',
    });
    expect(options).toEqual({ skus: 5000, changesPerSecond: 50, ordersPerMinute: 120, seed: 'demo' });
    expect(simulatorEnv(options)).toEqual({
      'wair-simulator': { SKU_COUNT: '5000', SEED: 'demo', CHANGES_PER_SECOND: '50' },
      'sfcc-simulator': { SIM_SKU_COUNT: '5000', SIM_SEED: 'demo', SIM_ORDERS_PER_MINUTE: '120' },
    });
  });

  it('leaves the defaults alone when nothing is given', () => {
    expect(simulatorEnv(parseStartOptions([], {}))).toEqual({ 'wair-simulator': {}, 'sfcc-simulator': {} });
  });

  it('names a bad value or an unknown flag', () => {
    expect(() => parseStartOptions(['--skus', 'many'], {})).toThrow(/--skus \(START_SKUS\).*"many"/);
    expect(() => parseStartOptions([], { START_CHANGES_PER_SECOND: '-1' })).toThrow(StartOptionError);
    expect(() => parseStartOptions(['--catalog', '3'], {})).toThrow(/catalog/);
  });
});
