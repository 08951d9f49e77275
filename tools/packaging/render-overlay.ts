// Renders a Kustomize overlay with kubectl's built-in Kustomize, the way the platform applies it.
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { WORKSPACE_ROOT } from '../config-reference/config-docs';
import type { K8sObject } from './manifest-validation';

/** Names of the overlays under infra/k8s/overlays. */
export function overlayNames(): string[] {
  return readdirSync(join(WORKSPACE_ROOT, 'infra/k8s/overlays'), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

/** The objects an overlay renders to. */
export function renderOverlay(name: string): K8sObject[] {
  const text = execFileSync('kubectl', ['kustomize', join(WORKSPACE_ROOT, 'infra/k8s/overlays', name)], {
    encoding: 'utf8',
    maxBuffer: 32 * 1024 * 1024,
  });
  return parseAllDocuments(text)
    .map((doc) => doc.toJS() as K8sObject | null)
    .filter((object): object is K8sObject => object !== null);
}
