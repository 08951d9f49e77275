import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DLQ_HEADERS } from '../src/dlq-headers';
import { DLQ_TOPIC_CONFIGS } from '../src/topic-configs';
import { WORKSPACE_ROOT } from './workspace-paths';

// docs/consuming-topics.md is written by hand; these checks keep its promises tied to the code.
describe('docs/consuming-topics.md', () => {
  const doc = readFileSync(join(WORKSPACE_ROOT, 'docs/consuming-topics.md'), 'utf8');

  it('lists every DLQ header the services set', () => {
    for (const header of Object.values(DLQ_HEADERS)) {
      expect(doc).toContain(`| \`${header}\``);
    }
  });

  it('states the DLQ retention the catalogue configures', () => {
    expect(DLQ_TOPIC_CONFIGS['retention.ms']).toBe(String(14 * 24 * 60 * 60 * 1000));
    expect(doc).toContain('14 days');
  });

  // confluent-kafka is not installable on the build machines, so the examples cannot run in CI;
  // parsing them at least keeps them valid Python for the data team to paste.
  it('has Python examples that parse, reading the topics and registry path the catalogue uses', () => {
    const blocks = [...doc.matchAll(/```python\n([\s\S]*?)```/g)].map((m) => m[1] as string);
    expect(blocks.length).toBeGreaterThanOrEqual(2);
    expect(blocks[0]).toContain('"wair.stock.v1"');
    expect(blocks[0]).toContain('/apis/ccompat/v7');
    for (const code of blocks) {
      const parsed = spawnSync('python3', ['-c', 'import ast, sys; ast.parse(sys.stdin.read())'], {
        input: code,
        encoding: 'utf8',
      });
      expect(parsed.stderr).toBe('');
      expect(parsed.status).toBe(0);
    }
  });
});
