import { createServer } from 'node:net';
import path from 'node:path';
import { allRestart, appKills } from './app-scenarios';
import { PROFILES } from './chaos-profile';
import { formatResult } from './chaos-report';
import { startChaosSystem, type ChaosSystem } from './chaos-system';
import { ROOT } from './managed-process';
import type { Scenario } from './scenario';
import { captureBaseline, runScenario, type RunBaseline } from './scenario-runner';
import { sfcc429, sfcc5xx, sfccOutage, sfccTokens } from './sfcc-scenarios';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
      .once('error', reject)
      .listen(0, '127.0.0.1', () => {
        const { port } = server.address() as { port: number };
        server.close(() => resolve(port));
      });
  });
}

/**
 * Issue 9's chaos run, reduced and time-compressed for `npm test`: the whole system (both
 * simulators, the four apps as processes) on the integration stack, through the app-kill and
 * SFCC-fault scenarios. Every scenario must pass every invariant: (a) convergence within 30 s,
 * (b) no oversell outside the windows, (c) no order or dispatch lost or doubled, (d) no older
 * write over a newer one, (e) no crash. Broker and registry faults need a stack of their own and
 * run only in `npm run chaos`.
 */
describe('chaos, reduced (the whole system under app kills and SFCC faults)', () => {
  let system: ChaosSystem;
  let baseline: RunBaseline;

  beforeAll(async () => {
    system = await startChaosSystem({
      profile: PROFILES.reduced,
      ports: freePort,
      logDir: path.join(ROOT, 'tmp', 'chaos'),
      prefix: 'chaos-int',
    });
    baseline = await captureBaseline(system);
  }, 180_000);

  afterAll(async () => {
    await system?.stop();
  }, 60_000);

  const scenarios: Scenario[] = [appKills, allRestart, sfcc5xx, sfcc429, sfccOutage, sfccTokens];
  it.each(scenarios.map((s, i) => [s.id, s, i] as const))(
    '%s keeps every invariant',
    async (_id, scenario, i) => {
      const result = await runScenario(system, baseline, scenario, { seed: 42 + i });
      process.stdout.write(`${formatResult(result)}\n`);
      expect(result.failures).toEqual([]);
      // The fault really hit the system, else the scenario proves nothing.
      expect(result.orders.orders).toBeGreaterThan(0);
      expect(result.writes).toBeGreaterThan(0);
    },
    150_000,
  );
});
