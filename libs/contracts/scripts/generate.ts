// Regenerates everything derived from the .avsc files and the topic catalogue:
//   npm run contracts:generate              write the files
//   npm run contracts:generate -- --check   exit 1 when any of them is stale
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { GeneratedFile } from './generated-file';
import { findLeftoverFiles, findStaleFiles } from './stale-files';
import { renderTypeScriptFiles } from './typescript-outputs';
import { WORKSPACE_ROOT } from './workspace-paths';

function write(files: readonly GeneratedFile[]): void {
  for (const file of files) {
    const path = join(WORKSPACE_ROOT, file.path);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, file.content);
    console.log(`wrote ${file.path}`);
  }
}

async function main(argv: readonly string[]): Promise<number> {
  const check = argv.includes('--check');
  const typeFiles = renderTypeScriptFiles(WORKSPACE_ROOT);
  if (!check) {
    for (const leftover of findLeftoverFiles(WORKSPACE_ROOT, typeFiles)) {
      rmSync(join(WORKSPACE_ROOT, leftover));
      console.log(`removed ${leftover}`);
    }
    write(typeFiles);
  }
  // Imported only now: the docs read the topic catalogue, which imports the types written above.
  const { renderDocFiles } = await import('./doc-outputs');
  const docFiles = renderDocFiles(WORKSPACE_ROOT);
  if (check) {
    const stale = findStaleFiles(WORKSPACE_ROOT, [...typeFiles, ...docFiles]);
    stale.forEach((path) => console.error(`stale: ${path}`));
    return stale.length === 0 ? 0 : 1;
  }
  write(docFiles);
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  },
);
