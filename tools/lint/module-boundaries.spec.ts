import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');
// Probes are linted as the text of an existing file, so the type-aware rules find its project.
const domainFile = 'libs/order-domain/src/lib/dispatch-plan.ts';
const adapterFile = 'libs/wair-client/src/index.ts';

interface Probe {
  code: string;
  filePath: string;
}

// ESLint loads the flat config with a dynamic import, which jest's VM refuses: one child process
// lints every probe through the ESLint API and answers with the error rule ids per probe.
const LINT_PROBES = `
  import { ESLint } from 'eslint';
  let input = '';
  for await (const chunk of process.stdin) input += chunk;
  const eslint = new ESLint({ cwd: process.cwd() });
  const out = [];
  for (const p of JSON.parse(input)) {
    const [result] = await eslint.lintText(p.code, { filePath: p.filePath });
    out.push(result.messages.filter((m) => m.severity === 2).map((m) => m.ruleId ?? m.message));
  }
  process.stdout.write(JSON.stringify(out));
`;

function lint(probes: Probe[]): string[][] {
  const run = spawnSync(process.execPath, ['--input-type=module', '-e', LINT_PROBES], {
    cwd: root,
    input: JSON.stringify(probes.map((p) => ({ ...p, filePath: join(root, p.filePath) }))),
    encoding: 'utf8',
  });
  if (run.status !== 0) throw new Error(`eslint probe run failed: ${run.stderr}`);
  return JSON.parse(run.stdout) as string[][];
}

const boundary = '@nx/enforce-module-boundaries';
const refused: Array<[string, string]> = [
  ["import { Kafka } from 'kafkajs';\nexport const k = Kafka;", boundary],
  ["import express from 'express';\nexport const e = express;", boundary],
  ["import pino from 'pino';\nexport const p = pino;", boundary],
  ["import { request } from 'undici';\nexport const r = request;", boundary],
  ["import { createKafkaRuntime } from '@wair-sfcc/kafka';\nexport const k = createKafkaRuntime;", boundary],
  ["import { request } from 'node:http';\nexport const r = request;", 'no-restricted-imports'],
  ["import https from 'https';\nexport const h = https;", 'no-restricted-imports'],
  ["import { connect } from 'node:net';\nexport const c = connect;", 'no-restricted-imports'],
  ['export const get = (url: string) => fetch(url);', 'no-restricted-globals'],
];
const allowed: Probe[] = [
  { code: "import { createHash } from 'node:crypto';\nexport const h = createHash;", filePath: domainFile },
  { code: "import { request } from 'node:http';\nexport const r = request;", filePath: adapterFile },
  { code: 'export const get = (url: string) => fetch(url);', filePath: adapterFile },
];

/**
 * The house rule behind the tags: a domain lib does no I/O. Nx's boundary rule covers npm
 * packages and our own adapter libs; ESLint's own restrictions cover Node's modules and fetch.
 */
describe('module boundaries of pure libs', () => {
  let results: string[][] = [];
  beforeAll(() => {
    results = lint([...refused.map(([code]) => ({ code, filePath: domainFile })), ...allowed]);
  }, 180_000);

  it.each(refused.map(([code, rule], i) => [code.split('\n')[0], rule, i] as const))(
    'refuses I/O in a domain lib: %s',
    (_code, rule, i) => {
      expect(results[i]).toContain(rule);
    },
  );

  it('lets a domain lib use pure code and lets an adapter lib do I/O', () => {
    expect(results.slice(refused.length)).toEqual([[], [], []]);
  });
});
