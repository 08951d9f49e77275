import {
  parseStartOptions,
  parseStartPorts,
  portVariable,
  simulatorEnv,
  StartOptionError,
} from './start-options';
import { DEFAULT_PORTS } from './system-processes';

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

  it('moves single ports by START_<APP>_PORT and keeps the usual ones otherwise', () => {
    expect(portVariable('sfcc-inventory-writer')).toBe('START_SFCC_INVENTORY_WRITER_PORT');
    expect(parseStartPorts({})).toEqual(DEFAULT_PORTS);
    expect(parseStartPorts({ START_WAIR_SIMULATOR_PORT: '28301', START_SFCC_SIMULATOR_PORT: '' })).toEqual({
      ...DEFAULT_PORTS,
      'wair-simulator': 28301,
    });
  });

  it('names a port that is no port, or one two processes would share', () => {
    expect(() => parseStartPorts({ START_WAIR_INGEST_PORT: '70000' })).toThrow(
      /START_WAIR_INGEST_PORT must be a TCP port number.*"70000"/,
    );
    expect(() => parseStartPorts({ START_SFCC_SIMULATOR_PORT: '8301' })).toThrow(
      /sfcc-simulator and wair-simulator cannot both use port 8301/,
    );
  });
});
