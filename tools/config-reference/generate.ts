// Regenerates the configuration reference from the apps' zod config schemas:
//   npm run config:generate              write docs/configuration.md and the README block
//   npm run config:generate -- --check   exit 1 when either is stale
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { findStaleConfigDocs, renderConfigDocs, WORKSPACE_ROOT } from './config-docs';

function main(argv: readonly string[]): number {
  if (argv.includes('--check')) {
    const stale = findStaleConfigDocs(WORKSPACE_ROOT);
    stale.forEach((path) => console.error(`stale: ${path} (run \`npm run config:generate\`)`));
    return stale.length === 0 ? 0 : 1;
  }
  for (const file of renderConfigDocs(WORKSPACE_ROOT)) {
    const path = join(WORKSPACE_ROOT, file.path);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, file.content);
    console.log(`wrote ${file.path}`);
  }
  return 0;
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (error: unknown) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
}
