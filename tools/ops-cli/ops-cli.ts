/**
 * `npm run ops -- <command>`: the operators' terminal over the auditor API, the writer's admin API
 * and the DLQ topics. See docs/ops-cli.md.
 */
import { runOps } from './run-ops';

void runOps(process.argv.slice(2), {
  env: process.env,
  io: { out: (t) => process.stdout.write(t), err: (t) => process.stderr.write(t) },
}).then((code) => {
  process.exitCode = code;
});
