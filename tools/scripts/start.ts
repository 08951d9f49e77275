/**
 * `npm start`: the whole system on this machine — the real Kafka + registry stack, topics, and
 * every app — with logs in tmp/logs. Ctrl-C (or SIGTERM) stops the apps gracefully, then the stack
 * if this command started it. With KAFKA_BROKERS and SCHEMA_REGISTRY_URL set, it runs on that stack
 * instead and leaves it alone; START_<APP>_PORT moves an app's port (see docs/development.md).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { namedStack, namedStackAnswers } from './named-stack';
import { parseStartOptions, parseStartPorts, simulatorEnv } from './start-options';
import {
  DEFAULT_PORTS,
  LOCAL_ADMIN_TOKEN,
  LOCAL_API_TOKEN,
  systemProcesses,
  type SystemProcess,
} from './system-processes';

const root = path.resolve(__dirname, '../..');
const logsDir = path.resolve(root, process.env['START_LOGS_DIR'] || path.join('tmp', 'logs'));
const shownPath = (file: string): string => path.relative(root, file) || file;
const tsx = require.resolve('tsx/cli');
const say = (line: string): void => void process.stdout.write(`${line}\n`);

function runStep(label: string, args: string[], env: NodeJS.ProcessEnv): void {
  say(`\n▶ ${label}`);
  const result = spawnSync(process.execPath, [tsx, ...args], { cwd: root, env, stdio: 'inherit' });
  if (result.status !== 0) {
    say(`✖ ${label} failed (exit ${result.status})`);
    process.exit(1);
  }
}

async function waitReady(proc: SystemProcess, child: ChildProcess, timeoutMs = 120_000): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) return false;
    try {
      const res = await fetch(`http://127.0.0.1:${proc.opsPort}/readyz`, {
        signal: AbortSignal.timeout(2000),
      });
      if (res.status === 200) return true;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  return false;
}

async function main(): Promise<void> {
  const chosen = simulatorEnv(parseStartOptions(process.argv.slice(2), process.env));
  const ports = parseStartPorts(process.env);
  const processes = systemProcesses(ports);
  const named = namedStack(process.env);
  if (named) {
    const answers = await namedStackAnswers(process.env);
    if (!answers.kafka || !answers.registry)
      throw new Error(
        `KAFKA_BROKERS=${named.KAFKA_BROKERS} (${answers.kafka ? 'answers' : 'does not answer'}) and ` +
          `SCHEMA_REGISTRY_URL=${named.SCHEMA_REGISTRY_URL} (${answers.registry ? 'answers' : 'does not answer'}) ` +
          'name a stack that is not up; start it, or unset both to let npm start run the local stack',
      );
    say(`Using the running stack KAFKA_BROKERS / SCHEMA_REGISTRY_URL name (left running on exit)`);
  }
  // A named stack belongs to whoever named it, so it counts as "was up": never started, never stopped.
  const stackWasUp =
    named !== undefined ||
    spawnSync(process.execPath, [tsx, 'infra/local-stack/src/cli.ts', 'status'], {
      cwd: root,
      stdio: 'ignore',
    }).status === 0;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    KAFKA_BROKERS: process.env['KAFKA_BROKERS'] ?? `127.0.0.1:${process.env['LOCAL_KAFKA_PORT'] ?? 19092}`,
    SCHEMA_REGISTRY_URL:
      process.env['SCHEMA_REGISTRY_URL'] ??
      `http://127.0.0.1:${process.env['LOCAL_REGISTRY_PORT'] ?? 18081}/apis/ccompat/v7`,
  };
  if (!stackWasUp)
    runStep('Local stack: Kafka 4.4.0 + Apicurio registry', ['infra/local-stack/src/cli.ts', 'up'], env);
  runStep('Topics from the catalogue', ['libs/kafka/src/bin/topics-apply.ts'], env);

  fs.mkdirSync(logsDir, { recursive: true });
  const children = new Map<string, ChildProcess>();
  let stopping = false;

  const stopAll = async (code: number): Promise<void> => {
    if (stopping) return;
    stopping = true;
    say('\n■ stopping apps (SIGTERM, waiting for each to drain)…');
    await Promise.all(
      [...children].map(
        ([name, child]) =>
          new Promise<void>((resolve) => {
            if (child.exitCode !== null) return resolve();
            child.once('exit', (exitCode) => {
              say(`  ${name} exited (${exitCode})`);
              resolve();
            });
            child.kill('SIGTERM');
          }),
      ),
    );
    if (!stackWasUp) runStep('Stopping the local stack', ['infra/local-stack/src/cli.ts', 'down'], env);
    process.exit(code);
  };
  process.on('SIGINT', () => void stopAll(0));
  process.on('SIGTERM', () => void stopAll(0));

  say('\n▶ Apps');
  for (const proc of processes) {
    const log = fs.openSync(path.join(logsDir, `${proc.app}.log`), 'w');
    // `--import tsx` keeps each app a direct child, so signals reach it without a wrapper in between.
    const child = spawn(process.execPath, ['--import', 'tsx', `apps/${proc.app}/src/main.ts`], {
      cwd: root,
      env: {
        ...env,
        ...proc.env,
        ...chosen[proc.app],
        OPS_PORT: String(proc.opsPort),
        OPS_HOST: '127.0.0.1',
      },
      stdio: ['ignore', log, log],
    });
    children.set(proc.app, child);
    child.once('exit', (code) => {
      if (!stopping)
        say(
          `✖ ${proc.app} exited unexpectedly (${code}); see ${shownPath(path.join(logsDir, `${proc.app}.log`))}`,
        );
    });
  }
  let allReady = true;
  for (const proc of processes) {
    const child = children.get(proc.app);
    const ready = child ? await waitReady(proc, child) : false;
    allReady &&= ready;
    const links = (proc.links ?? [])
      .map((l) => `  ${l.label}: http://127.0.0.1:${proc.opsPort}${l.path}`)
      .join('');
    say(
      `  ${ready ? '✔' : '✖'} ${proc.app.padEnd(24)} http://127.0.0.1:${proc.opsPort}/readyz${links}  (log: ${shownPath(path.join(logsDir, `${proc.app}.log`))})`,
    );
  }
  say(`\nKafka ${env['KAFKA_BROKERS']}   Schema registry ${env['SCHEMA_REGISTRY_URL']}`);
  const auditorUrl = `http://127.0.0.1:${ports['reconciliation-auditor']}`;
  const writerUrl = `http://127.0.0.1:${ports['sfcc-inventory-writer']}`;
  // The ops CLI defaults to the usual ports; moved ones are named for it.
  const opsUrls =
    (ports['reconciliation-auditor'] === DEFAULT_PORTS['reconciliation-auditor']
      ? ''
      : `AUDITOR_URL=${auditorUrl} `) +
    (ports['sfcc-inventory-writer'] === DEFAULT_PORTS['sfcc-inventory-writer']
      ? ''
      : `WRITER_URL=${writerUrl} `);
  say(
    `\nDashboard ${auditorUrl}/dashboard/ (login ops / local-dashboard)\n` +
      `Ops CLI   ${opsUrls}AUDITOR_TOKEN=${LOCAL_API_TOKEN} ADMIN_TOKEN=${LOCAL_ADMIN_TOKEN} npm run ops -- exceptions`,
  );
  say(
    allReady
      ? '\nAll ready. Ctrl-C stops everything.'
      : '\nSome apps are not ready; see their logs. Ctrl-C stops everything.',
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`npm start failed: ${(error as Error).message}\n`);
  process.exit(1);
});
