// Writes infra/k8s from the config schemas and the topic catalogue; with --check, only reports
// which files differ (exit 1) so CI catches manifests that no longer match the code.
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { WORKSPACE_ROOT } from '../config-reference/config-docs';
import { K8S_DIR, k8sFiles } from './k8s-files';

/** Generated files under infra/k8s (everything but the vendored schemas and the README). */
export function existingGeneratedFiles(): string[] {
  const found: string[] = [];
  const walk = (dir: string): void => {
    if (!existsSync(dir)) return;
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.yaml')) found.push(relative(WORKSPACE_ROOT, full));
    }
  };
  walk(join(WORKSPACE_ROOT, K8S_DIR, 'base'));
  walk(join(WORKSPACE_ROOT, K8S_DIR, 'overlays'));
  return found.sort();
}

/** Paths whose committed content differs from what the generator produces, plus orphans. */
export async function staleK8sFiles(): Promise<string[]> {
  const wanted = await k8sFiles();
  const differing = [...wanted].filter(([path, text]) => {
    const absolute = join(WORKSPACE_ROOT, path);
    return !existsSync(absolute) || readFileSync(absolute, 'utf8') !== text;
  });
  const orphans = existingGeneratedFiles().filter((path) => !wanted.has(path));
  return [...differing.map(([path]) => path), ...orphans].sort();
}

async function main(): Promise<void> {
  if (process.argv.includes('--check')) {
    const stale = await staleK8sFiles();
    process.stdout.write(
      stale.length === 0 ? 'infra/k8s is up to date\n' : `stale:\n  ${stale.join('\n  ')}\n`,
    );
    process.exitCode = stale.length === 0 ? 0 : 1;
    return;
  }
  const wanted = await k8sFiles();
  for (const orphan of existingGeneratedFiles().filter((path) => !wanted.has(path))) {
    rmSync(join(WORKSPACE_ROOT, orphan));
  }
  for (const [path, text] of wanted) {
    const absolute = join(WORKSPACE_ROOT, path);
    mkdirSync(dirname(absolute), { recursive: true });
    writeFileSync(absolute, text);
  }
  process.stdout.write(`wrote ${wanted.size} files under ${K8S_DIR}\n`);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
    process.exitCode = 1;
  });
}
