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
