import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { appConfigSchemas, sharedConfigSchema, type AppConfigSchema } from './app-config-schemas';
import {
  collectAppVariables,
  extractReadmeConfigBlock,
  renderConfigurationMarkdown,
  renderReadmeConfigBlock,
  replaceReadmeConfigBlock,
  type AppVariables,
} from './config-markdown';

/** Absolute path of the workspace root (this file sits in tools/config-reference). */
export const WORKSPACE_ROOT = resolve(__dirname, '../..');

/** Paths of the generated docs, relative to the workspace root. */
export const CONFIG_DOC_PATHS = { reference: 'docs/configuration.md', readme: 'README.md' } as const;

/** A file the generator writes, with its path relative to the workspace root. */
export interface GeneratedFile {
  readonly path: string;
  readonly content: string;
}

/** The variables of every app in `appConfigSchemas`, shared ones marked. */
export function allAppVariables(apps: readonly AppConfigSchema[] = appConfigSchemas): AppVariables[] {
  return collectAppVariables(apps, new Set(Object.keys(sharedConfigSchema.shape)));
}

/**
 * Renders docs/configuration.md and the README. The README is the current file with only the block
 * between its config markers replaced, so edits elsewhere in it are kept.
 */
export function renderConfigDocs(workspaceRoot: string = WORKSPACE_ROOT): GeneratedFile[] {
  const apps = allAppVariables();
  const readme = readFileSync(join(workspaceRoot, CONFIG_DOC_PATHS.readme), 'utf8');
  return [
    { path: CONFIG_DOC_PATHS.reference, content: renderConfigurationMarkdown(apps) },
    {
      path: CONFIG_DOC_PATHS.readme,
      content: replaceReadmeConfigBlock(readme, renderReadmeConfigBlock(apps)),
    },
  ];
}

/**
 * Paths whose generated part differs from what is on disk. For the README only the block between
 * the markers counts, so that concurrent edits around it never make it stale.
 */
export function findStaleConfigDocs(workspaceRoot: string = WORKSPACE_ROOT): string[] {
  return renderConfigDocs(workspaceRoot)
    .filter((file) => {
      const path = join(workspaceRoot, file.path);
      if (!existsSync(path)) {
        return true;
      }
      const onDisk = readFileSync(path, 'utf8');
      return file.path === CONFIG_DOC_PATHS.readme
        ? extractReadmeConfigBlock(onDisk) !== extractReadmeConfigBlock(file.content)
        : onDisk !== file.content;
    })
    .map((file) => file.path);
}
