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
});
