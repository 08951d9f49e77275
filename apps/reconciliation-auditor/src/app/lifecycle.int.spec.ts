import { spawnService } from '@wair-sfcc/testing';
import { uniqueName } from '@wair-sfcc/kafka/testing';

describe('reconciliation-auditor process', () => {
  it('becomes ready against the real stack and exits 0 on SIGTERM', async () => {
    const service = spawnService(
      'reconciliation-auditor',
      { KAFKA_GROUP_ID: uniqueName('reconciliation-auditor.lifecycle') },
      19304,
    );
    try {
      await service.waitUntilReady();
      const metrics = await (await fetch(`${service.opsUrl}/metrics`)).text();
      expect(metrics).toContain('process_cpu_seconds_total');
      const result = await service.stop('SIGTERM');
      expect(result).toEqual({ code: 0, signal: null });
      expect(service.output()).toContain('"msg":"stopped"');
    } finally {
      await service.stop('SIGKILL');
    }
  });
});
