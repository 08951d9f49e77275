import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { appConfigSchemas } from './app-config-schemas';
import {
  allAppVariables,
  CONFIG_DOC_PATHS,
  findStaleConfigDocs,
  renderConfigDocs,
  WORKSPACE_ROOT,
} from './config-docs';
import { extractReadmeConfigBlock, replaceReadmeConfigBlock } from './config-markdown';
import { describeVariables, isSecretName } from './config-variables';

// Prettier cannot run inside jest (it needs ESM dynamic import), so it runs as a child process.
function prettier(content: string, path: string): { stdout: string; stderr: string } {
  const result = spawnSync(
    process.execPath,
    [join(WORKSPACE_ROOT, 'node_modules/prettier/bin/prettier.cjs'), '--stdin-filepath', path],
    { cwd: WORKSPACE_ROOT, input: content, encoding: 'utf8' },
  );
  return { stdout: result.stdout, stderr: result.stderr };
}

describe('configuration reference', () => {
  it('docs/configuration.md and the README block are up to date (run `npm run config:generate`)', () => {
    expect(findStaleConfigDocs(WORKSPACE_ROOT)).toEqual([]);
  });

  it('reports a stale reference or README block, but not edits around the block', () => {
    const root = mkdtempSync(join(tmpdir(), 'config-reference-'));
    try {
      mkdirSync(join(root, 'docs'));
      writeFileSync(join(root, 'README.md'), '# R\n\n<!-- config:start -->\n<!-- config:end -->\n');
      const fresh = renderConfigDocs(root);
      const write = (path: string, content: string) => writeFileSync(join(root, path), content);
      fresh.forEach((file) => write(file.path, file.content));
      expect(findStaleConfigDocs(root)).toEqual([]);

      const readme = fresh.find((f) => f.path === CONFIG_DOC_PATHS.readme)?.content ?? '';
      write(
        CONFIG_DOC_PATHS.readme,
        `# Rewritten by someone else\n\n${readme.replace('# R\n', '')}more text\n`,
      );
      expect(findStaleConfigDocs(root)).toEqual([]);

      write(CONFIG_DOC_PATHS.readme, readme.replace('`KAFKA_BROKERS`', '`KAFKA_BROKER`'));
      write(CONFIG_DOC_PATHS.reference, 'old\n');
      expect(findStaleConfigDocs(root).sort()).toEqual([CONFIG_DOC_PATHS.readme, CONFIG_DOC_PATHS.reference]);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('lists every app that has a config schema under apps/', () => {
    const appsWithConfig = readdirSync(join(WORKSPACE_ROOT, 'apps')).filter((app) =>
      existsSync(join(WORKSPACE_ROOT, 'apps', app, 'src/app/config.ts')),
    );
    expect(appConfigSchemas.map((a) => a.app).sort()).toEqual(appsWithConfig.sort());
  });

  it('has a description for every variable of every app (add `.describe(...)` to the field)', () => {
    const undocumented = allAppVariables().flatMap(({ app, variables }) =>
      variables.filter((v) => v.description.trim() === '').map((v) => `${app}: ${v.name}`),
    );
    expect(undocumented).toEqual([]);
  });

  it('renders docs/configuration.md so that prettier leaves it unchanged', () => {
    const content = renderConfigDocs().find((f) => f.path === CONFIG_DOC_PATHS.reference)?.content ?? '';
    expect(prettier(content, CONFIG_DOC_PATHS.reference)).toEqual({ stdout: content, stderr: '' });
  });

  it('renders the README block so that prettier leaves it unchanged', () => {
    const readme = renderConfigDocs().find((f) => f.path === CONFIG_DOC_PATHS.readme)?.content ?? '';
    // Only the generated block: the hand-written rest of the README is not this generator's business.
    const block = `${extractReadmeConfigBlock(readme).trim()}\n`;
    expect(prettier(block, 'README.md')).toEqual({ stdout: block, stderr: '' });
  });
});

describe('README block', () => {
  const readme =
    '# Title\n\n## Configuration\n\nhand-written\n\n<!-- config:start -->\nold\n<!-- config:end -->\n\nafter\n';

  it('replaces only the text between the markers', () => {
    const updated = replaceReadmeConfigBlock(readme, 'NEW');
    expect(updated).toBe(
      '# Title\n\n## Configuration\n\nhand-written\n\n<!-- config:start -->\n\nNEW\n\n<!-- config:end -->\n\nafter\n',
    );
    expect(extractReadmeConfigBlock(updated)).toBe('\n\nNEW\n\n');
  });

  it('fails loudly when the markers are missing', () => {
    expect(() => replaceReadmeConfigBlock('# Title\n', 'NEW')).toThrow(/<!-- config:start -->/);
  });
});

describe('describeVariables', () => {
  const schema = z.object({
    NEEDED_URL: z.url().describe('Where to go.'),
    WITH_DEFAULT: z.coerce.number().int().min(1).max(10).default(5).describe('How many.'),
    FLAG: z
      .enum(['true', 'false'])
      .transform((v) => v === 'true')
      .default(false)
      .describe('On or off.'),
    INNER_DESCRIBED: z.string().min(1).describe('Described inside the wrapper.').optional(),
    API_TOKEN: z.string().optional(),
  });
  const variables = describeVariables(schema, new Set(['NEEDED_URL']));
  const byName = (name: string) => variables.find((v) => v.name === name);

  it('tells required variables from those with a default or optional ones', () => {
    expect(byName('NEEDED_URL')).toMatchObject({ required: true, defaultValue: undefined, type: 'URL' });
    expect(byName('WITH_DEFAULT')).toMatchObject({
      required: false,
      defaultValue: '5',
      type: 'integer 1-10',
    });
    expect(byName('FLAG')).toMatchObject({
      required: false,
      defaultValue: 'false',
      type: 'one of `true`, `false`',
    });
    expect(byName('API_TOKEN')).toMatchObject({ required: false, defaultValue: undefined, type: 'string' });
  });

  it('takes the description from the field or from inside its wrappers', () => {
    expect(byName('WITH_DEFAULT')?.description).toBe('How many.');
    expect(byName('INNER_DESCRIBED')?.description).toBe('Described inside the wrapper.');
    expect(byName('API_TOKEN')?.description).toBe('');
  });

  it('marks shared and secret variables', () => {
    expect(variables.filter((v) => v.shared).map((v) => v.name)).toEqual(['NEEDED_URL']);
    expect(variables.filter((v) => v.secret).map((v) => v.name)).toEqual(['API_TOKEN']);
  });
});

describe('isSecretName', () => {
  it.each(['KAFKA_SASL_PASSWORD', 'SFCC_CLIENT_SECRET', 'WAIR_API_TOKEN', 'WAIR_WEBHOOK_KEY'])(
    '%s is secret',
    (name) => {
      expect(isSecretName(name)).toBe(true);
    },
  );

  it.each(['KAFKA_BROKERS', 'SCHEMA_REGISTRY_USERNAME', 'OPS_PORT', 'KAFKA_SSL_KEY_FILE'])(
    '%s is not secret',
    (name) => {
      expect(isSecretName(name)).toBe(false);
    },
  );
});
