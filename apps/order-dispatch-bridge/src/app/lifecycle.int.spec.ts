import { spawnService } from '@wair-sfcc/testing';
import { uniqueName } from '@wair-sfcc/kafka/testing';

describe('order-dispatch-bridge process', () => {
  it('becomes ready against the real stack and exits 0 on SIGTERM', async () => {
    const service = spawnService(
      'order-dispatch-bridge',
      {
        KAFKA_GROUP_ID: uniqueName('order-dispatch-bridge.lifecycle'),
        // Nothing answers here: the test must not export orders of a simulator another test runs.
        SFCC_SCAPI_HOST: 'http://127.0.0.1:9',
        SFCC_AM_HOST: 'http://127.0.0.1:9',
        WAIR_BASE_URL: 'http://127.0.0.1:9',
      },
      19303,
    );
    try {
      await service.waitUntilReady();
      const metrics = await (await fetch(`${service.opsUrl}/metrics`)).text();
      expect(metrics).toContain('process_cpu_seconds_total');
      expect(metrics).toContain('dispatch_confirmation_delay_seconds');
      const result = await service.stop('SIGTERM');
      expect(result).toEqual({ code: 0, signal: null });
      expect(service.output()).toContain('"msg":"stopped"');
    } finally {
      await service.stop('SIGKILL');
    }
  });
});
