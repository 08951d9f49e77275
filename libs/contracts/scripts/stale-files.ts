import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { GeneratedFile } from './generated-file';
import { GENERATED_TS_DIR } from './typescript-renderer';

/** Files in the generated folder that the generator no longer produces (e.g. of a deleted schema). */
export function findLeftoverFiles(workspaceRoot: string, expected: readonly GeneratedFile[]): string[] {
  const generatedDir = join(workspaceRoot, GENERATED_TS_DIR);
  if (!existsSync(generatedDir)) {
    return [];
  }
  return readdirSync(generatedDir)
    .map((name) => `${GENERATED_TS_DIR}/${name}`)
    .filter((path) => !expected.some((file) => file.path === path));
}

/** Paths whose content on disk differs from `expected`, plus leftovers in the generated folder. */
export function findStaleFiles(workspaceRoot: string, expected: readonly GeneratedFile[]): string[] {
  const stale = expected
    .filter((file) => {
      const path = join(workspaceRoot, file.path);
      return !existsSync(path) || readFileSync(path, 'utf8') !== file.content;
    })
    .map((file) => file.path);
  return [...stale, ...findLeftoverFiles(workspaceRoot, expected)];
}
