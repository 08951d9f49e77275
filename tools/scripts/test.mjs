#!/usr/bin/env node
// `npm test`: lint + typecheck + unit tests + build of every project (through Nx), then the integration
// tests against the real Kafka stack. Stops at the first failing stage and exits non-zero.
import { spawnSync } from 'node:child_process';

const stages = [
  ['format check', 'npx', ['prettier', '--check', '.', '--log-level', 'warn']],
  [
    'lint, typecheck, unit tests, build',
    'npx',
    ['nx', 'run-many', '-t', 'lint', 'typecheck', 'test', 'build', '--outputStyle=static', '--parallel=2'],
  ],
  ['integration tests', 'npx', ['jest', '-c', 'jest.int.config.ts', ...process.argv.slice(2)]],
];

for (const [name, command, args] of stages) {
  process.stdout.write(`\n=== ${name} ===\n`);
  const started = Date.now();
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, NX_DAEMON: 'false' } });
  process.stdout.write(
    `=== ${name}: ${result.status === 0 ? 'ok' : 'FAILED'} in ${((Date.now() - started) / 1000).toFixed(0)} s ===\n`,
  );
  if (result.status !== 0) {
    if (name === 'integration tests') {
      spawnSync('npx', ['tsx', 'infra/local-stack/src/cli.ts', 'logs', '40'], { stdio: 'inherit' });
    }
    process.exit(result.status ?? 1);
  }
}
