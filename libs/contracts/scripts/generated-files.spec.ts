import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { renderAllGeneratedFiles } from './generated-files';
import { findStaleFiles } from './stale-files';
import { WORKSPACE_ROOT } from './workspace-paths';

const files = renderAllGeneratedFiles(WORKSPACE_ROOT);

describe('generated files', () => {
  it('are up to date with the .avsc files and the topic catalogue (run `npm run contracts:generate`)', () => {
    expect(findStaleFiles(WORKSPACE_ROOT, files)).toEqual([]);
  });

  it('cover the TS types, docs/topics.md, docs/asyncapi.yaml and the README block', () => {
    const paths = files.map((file) => file.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        'libs/contracts/src/generated/index.ts',
        'libs/contracts/src/generated/stock-level.generated.ts',
        'docs/topics.md',
        'docs/asyncapi.yaml',
        'README.md',
      ]),
    );
    for (const file of files.filter((f) => f.path.endsWith('.ts'))) {
      expect(file.content).toMatch(/^\/\/ This file is generated, do not edit\./);
    }
  });

  // Prettier cannot run inside jest (it needs ESM dynamic import), so it runs as a child process.
  it.each(['docs/topics.md', 'README.md'])('renders %s so that prettier leaves it unchanged', (path) => {
    const content = files.find((file) => file.path === path)?.content ?? '';
    const prettier = spawnSync(
      process.execPath,
      [join(WORKSPACE_ROOT, 'node_modules/prettier/bin/prettier.cjs'), '--stdin-filepath', path],
      { cwd: WORKSPACE_ROOT, input: content, encoding: 'utf8' },
    );
    expect(prettier.stderr).toBe('');
    expect(prettier.stdout).toBe(content);
  });
});
