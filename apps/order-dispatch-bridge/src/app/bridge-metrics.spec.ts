import { buildSfccOrder } from '@wair-sfcc/order-domain/testing';
import { createBridgeHarness } from './testing/bridge-harness';

const line = (text: string, name: string) =>
  text.split('\n').find((l) => l.startsWith(name)) ?? `${name} (missing)`;

describe('bridge metrics', () => {
  it('counts captured, accepted and rejected orders and observes the capture delay', async () => {
    const h = createBridgeHarness();
    h.wair.refuseWhen((sale) => (sale.id === '1002' ? 'lines[0].skuCode: unknown SKU' : undefined));
    h.sfcc.add(buildSfccOrder('1001'));
    h.sfcc.add(buildSfccOrder('1002'));
    h.sfcc.add(buildSfccOrder('1003', [{ productId: 'SKU-1', quantity: 0 }]));
    await h.capture.runRound();

    const text = await h.registry.metrics();
    const app = 'app="order-dispatch-bridge"';
    expect(line(text, 'orders_captured_total')).toBe(`orders_captured_total{${app}} 2`);
    expect(line(text, 'orders_accepted_total')).toBe(`orders_accepted_total{${app}} 1`);
    expect(text).toContain(`orders_rejected_total{reason="wair",${app}} 1`);
    expect(text).toContain(`orders_rejected_total{reason="malformed",${app}} 1`);
    // Created 10:00, accepted at 10:05 on the injected clock.
    expect(line(text, 'order_capture_delay_seconds_sum')).toBe(`order_capture_delay_seconds_sum{${app}} 300`);
    expect(text).toContain(`bridge_open_exceptions{type="ORDER_NOT_ACCEPTED",${app}} 2`);
  });

  it('registers every metric the issue asks for', async () => {
    const text = await createBridgeHarness().registry.metrics();
    for (const name of [
      'orders_captured_total',
      'orders_accepted_total',
      'orders_rejected_total',
      'order_capture_delay_seconds',
      'dispatch_confirmation_delay_seconds',
      'bridge_retries_total',
      'bridge_open_exceptions',
    ]) {
      expect(text).toContain(`# TYPE ${name} `);
    }
  });
});
