import { join } from 'node:path';
import { loadAvscSources } from './avsc-sources';
import type { GeneratedFile } from './generated-file';
import { renderTypesIndex, renderTypesModule } from './typescript-renderer';
import { SCHEMAS_DIR } from './workspace-paths';

/**
 * Renders every file of `src/generated` from the `.avsc` files alone, so types can be regenerated
 * even when the current generated code (which the topic catalogue imports) is broken or missing.
 */
export function renderTypeScriptFiles(workspaceRoot: string): GeneratedFile[] {
  const modules = loadAvscSources(join(workspaceRoot, SCHEMAS_DIR)).map(renderTypesModule);
  return [...modules.map((module) => module.file), renderTypesIndex(modules)];
}
