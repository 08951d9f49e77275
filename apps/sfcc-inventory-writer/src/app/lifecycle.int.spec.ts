import { spawnService } from '@wair-sfcc/testing';
import { uniqueName } from '@wair-sfcc/kafka/testing';

describe('sfcc-inventory-writer process', () => {
  it('becomes ready against the real stack and exits 0 on SIGTERM', async () => {
    const service = spawnService(
      'sfcc-inventory-writer',
      { KAFKA_GROUP_ID: uniqueName('sfcc-inventory-writer.lifecycle') },
      19302,
    );
    try {
      await service.waitUntilReady();
      const metrics = await (await fetch(`${service.opsUrl}/metrics`)).text();
      expect(metrics).toContain('process_cpu_seconds_total');
      const result = await service.stop('SIGTERM');
      expect(result).toEqual({ code: 0, signal: null });
      expect(service.output()).toContain('"msg":"stopped"');
      // The default FULL_REFRESH_CRON (03:00 UTC daily) was scheduled and its next start logged.
      const scheduled = service
        .output()
        .split('\n')
        .find((line) => line.includes('"msg":"full refresh scheduled"'));
      expect(JSON.parse(scheduled ?? '{}')).toMatchObject({
        cron: '0 3 * * *',
        timezone: 'UTC',
        nextRunAt: expect.stringMatching(/T03:00:00\.000Z$/),
      });
    } finally {
      await service.stop('SIGKILL');
    }
  });
});
