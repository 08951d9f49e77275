// Integration-test fixture: the operators' CLI run as `npm run ops -- <args>` runs it (never
// imported by service code).
import { spawn } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(__dirname, '../../../../..');
/** What `npm run ops` runs (package.json); by path, as the auditor may not import tools' modules. */
const OPS_CLI = 'tools/ops-cli/ops-cli.ts';

/** Runs one CLI invocation with `env` over the test's environment; resolves when it exits. */
export async function runOpsCli(
  args: readonly string[],
  env: Record<string, string>,
  timeoutMs = 30_000,
): Promise<{ code: number | null; out: string; err: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, OPS_CLI), ...args], {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once('error', reject);
    // 'close', not 'exit': the output is complete once the pipes are closed.
    child.once('close', (exitCode) => resolve(exitCode));
  }).finally(() => clearTimeout(timer));
  return { code, out, err };
}
