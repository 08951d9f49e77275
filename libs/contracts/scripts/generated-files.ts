import { renderDocFiles } from './doc-outputs';
import type { GeneratedFile } from './generated-file';
import { renderTypeScriptFiles } from './typescript-outputs';

/** Every file the generator owns, rendered in memory from the current sources. */
export function renderAllGeneratedFiles(workspaceRoot: string): GeneratedFile[] {
  return [...renderTypeScriptFiles(workspaceRoot), ...renderDocFiles(workspaceRoot)];
}
