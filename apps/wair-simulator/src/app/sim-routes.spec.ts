import request from 'supertest';
import { createLogger } from '@wair-sfcc/observability';
import { loadConfig } from './config';
import { createSimulator } from './simulator';
import { createSimulatorHttp } from './simulator-http';

function setup() {
  let now = Date.UTC(2026, 0, 1);
  const config = loadConfig({ SKU_COUNT: '10', CHANGES_PER_SECOND: '0', DISPATCH_EVERY: '0' });
  const sim = createSimulator(config, createLogger({ app: 'wair-simulator', level: 'silent' }), () => now);
  sim.start();
  sim.stop();
  return { app: createSimulatorHttp(sim, config), sim, advance: (ms: number) => (now += ms) };
}

describe('GET /__sim/dispatches', () => {
  it('lists the parcels dispatched since a time, with WAIR’s dispatch time', async () => {
    const { app, sim, advance } = setup();
    const sku = sim.catalogue.skus[0]?.sku as string;
    sim.dispatches.dispatchOrder('00000001', [{ skuCode: sku, quantity: 1 }], { splitRate: 0 });
    advance(5_000);
    sim.dispatches.dispatchOrder('00000002', [{ skuCode: sku, quantity: 2 }], { splitRate: 0 });

    const all = (await request(app).get('/__sim/dispatches').expect(200)).body.dispatches;
    expect(all.map((d: { orderNumber: string }) => d.orderNumber)).toEqual(['00000001', '00000002']);
    expect(all[0].dispatchedDateTime).toBe('2026-01-01T00:00:00.000Z');

    const later = (await request(app).get('/__sim/dispatches?since=2026-01-01T00:00:01.000Z').expect(200))
      .body.dispatches;
    expect(later).toHaveLength(1);
    expect(later[0]).toMatchObject({
      orderNumber: '00000002',
      dispatchedDateTime: '2026-01-01T00:00:05.000Z',
    });
  });

  it('refuses a since that is not a date-time', async () => {
    const { app } = setup();
    await request(app).get('/__sim/dispatches?since=yesterday').expect(400);
  });
});

describe('sequences across a restart', () => {
  const logger = createLogger({ app: 'wair-simulator', level: 'silent' });
  const env = { SKU_COUNT: '10', CHANGES_PER_SECOND: '0', DISPATCH_EVERY: '0' };
  const config = loadConfig(env);

  it('numbers from SEQUENCE_BASE, so a restarted simulator can number above an earlier run', () => {
    const first = createSimulator(config, logger, () => Date.UTC(2026, 0, 1));
    const sku = first.catalogue.skus[0]?.sku as string;
    for (let i = 0; i < 50; i += 1) first.model.set('CHANGE', sku, 'WEB01', i, 0);
    const before = first.model.truth(sku).sequence;
    expect(before).toBe(50);
    // The next run's state is fresh while the topics still hold `before`: a base above it (npm
    // start passes its start time) keeps the new figures newer.
    const second = createSimulator(
      loadConfig({ ...env, SEQUENCE_BASE: String(Date.UTC(2026, 0, 1, 0, 0, 1) / 1000) }),
      logger,
      () => 0,
    );
    second.model.set('CHANGE', sku, 'WEB01', 7, 0);
    expect(second.model.truth(sku).sequence).toBeGreaterThan(before);
  });

  it('starts at SEQUENCE_BASE when it is set (reproducible runs)', () => {
    const sim = createSimulator(loadConfig({ ...env, SEQUENCE_BASE: '100' }), logger, () => 0);
    const sku = sim.catalogue.skus[0]?.sku as string;
    sim.model.set('CHANGE', sku, 'WEB01', 1, 0);
    expect(sim.model.truth(sku).sequence).toBe(101);
  });
});
