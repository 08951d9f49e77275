import { loadConfig } from './config';

describe('sfcc-simulator config', () => {
  it('defaults to port 8302, OCAPI v24_5 and two inventory lists without any Kafka setting', () => {
    const config = loadConfig({});
    expect(config.OPS_PORT).toBe(8302);
    expect(config.SIM_OCAPI_VERSION).toBe('v24_5');
    expect(config.SIM_INVENTORY_LISTS).toEqual(['inventory_webshop', 'inventory_stores']);
    expect(config.SIM_REJECT_UNKNOWN_PRODUCTS).toBe(false);
    expect(config.SIM_TOKEN_TTL_SECONDS).toBe(1799);
  });

  it('names each invalid variable', () => {
    expect(() => loadConfig({ SIM_OCAPI_VERSION: '24.5', SIM_MISMATCH_SHARE: '2' })).toThrow(
      /SIM_OCAPI_VERSION[\s\S]*SIM_MISMATCH_SHARE/,
    );
  });
});
