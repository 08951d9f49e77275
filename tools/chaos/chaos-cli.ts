/**
 * `npm run chaos [-- --full]`: the whole system on a Kafka + registry stack of its own, driven
 * through fault scenarios; every scenario ends with the invariant checks and a PASS/FAIL block.
 * Exit code 1 when any scenario failed.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseChaosArgs, USAGE } from './chaos-args';
import { PROFILES } from './chaos-profile';
import { formatResult, formatSummary } from './chaos-report';
import { startChaosSystem } from './chaos-system';
import { ROOT } from './managed-process';
import { selectScenarios } from './scenario-catalogue';
import { abortedResult, captureBaseline, runScenario, type ScenarioResult } from './scenario-runner';
import { CHAOS_STACK, chaosStackEndpoints, stackCommand } from './stack-control';

/** Below Linux's ephemeral range (32768+), so no outgoing connection holds one of them. */
const FIRST_PORT = 31500;
const say = (line: string): void => void process.stdout.write(`${line}\n`);

async function main(): Promise<number> {
  const args = parseChaosArgs(process.argv.slice(2));
  if (args.help) {
    say(USAGE);
    return 0;
  }
  const profile = args.full ? PROFILES.full : PROFILES.standard;
  const scenarios = selectScenarios(args.only, args.stackFaults);
  const wasUp = await stackCommand(CHAOS_STACK, 'status');
  say(
    `▶ chaos stack (Kafka ${chaosStackEndpoints.KAFKA_BROKERS}, registry ${chaosStackEndpoints.SCHEMA_REGISTRY_URL}) ${wasUp ? 'already up' : 'starting'}`,
  );
  if (!wasUp && !(await stackCommand(CHAOS_STACK, 'up'))) return 1;
  Object.assign(process.env, chaosStackEndpoints);

  const logDir = path.join(ROOT, 'tmp', 'chaos');
  const started = Date.now();
  say(
    `▶ system: 2 simulators + 4 apps (${profile.name} profile, ${profile.skuCount} SKUs, ports ${FIRST_PORT}+)`,
  );
  const system = await startChaosSystem({ profile, ports: FIRST_PORT, logDir });
  say(
    `  ready in ${Math.round((Date.now() - started) / 1000)} s; logs in ${path.relative(ROOT, system.logDir)}`,
  );
  const results: ScenarioResult[] = [];
  try {
    const baseline = await captureBaseline(system);
    for (const [i, scenario] of scenarios.entries()) {
      say(`\n▶ ${i + 1}/${scenarios.length} ${scenario.id}: ${scenario.title}`);
      const scenarioStart = Date.now();
      const result = await runScenario(system, baseline, scenario, {
        seed: args.seed + i,
        stack: args.stackFaults ? CHAOS_STACK : undefined,
        log: say,
      }).catch((error: unknown) => abortedResult(scenario, error, scenarioStart));
      results.push(result);
      say(formatResult(result));
    }
  } finally {
    await system.stop();
    if (!wasUp && !args.keepStack) await stackCommand(CHAOS_STACK, 'down');
  }
  say(`\n${formatSummary(results)}\ntotal ${Math.round((Date.now() - started) / 1000)} s`);
  const file = path.join(system.logDir, 'results.json');
  fs.writeFileSync(file, JSON.stringify({ profile, seed: args.seed, results }, null, 2));
  say(`results: ${path.relative(ROOT, file)}`);
  return results.every((r) => r.pass) ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`chaos failed: ${(error as Error).stack ?? String(error)}\n`);
    process.exit(1);
  },
);
