// The name every image built from the shared Dockerfile carries: `npm run images`, the apps'
// `docker-build` targets and docker-compose.yml use the workspace version as the tag (as the
// Kubernetes manifests do, k8s-files.ts), never a mutable tag such as `local` or `latest`.
// Kept apart from k8s-files.ts, whose prettier import cannot load under jest.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { WORKSPACE_ROOT } from '../config-reference/config-docs';

/** The `version` of the root package.json. */
export function workspaceVersion(): string {
  const pkg = JSON.parse(readFileSync(join(WORKSPACE_ROOT, 'package.json'), 'utf8')) as { version: string };
  return pkg.version;
}

/** `wair-sfcc/<name>:<workspace version>`, for an app or for a Dockerfile target such as `toolbox`. */
export function appImage(name: string, tag: string = workspaceVersion()): string {
  return `wair-sfcc/${name}:${tag}`;
}
