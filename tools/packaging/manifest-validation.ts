// Validates rendered Kubernetes objects: the Kubernetes and operator API schemas (types, required
// fields, enums) through kubernetes-models, unknown fields through the strict schemas vendored in
// infra/k8s/schemas, and the house policy (probes, limits, non-root, locked-down containers).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv, { type ValidateFunction } from 'ajv';
import { ConfigMap } from 'kubernetes-models/v1/ConfigMap';
import { Service } from 'kubernetes-models/v1/Service';
import { Deployment } from 'kubernetes-models/apps/v1/Deployment';
import { PodDisruptionBudget } from 'kubernetes-models/policy/v1/PodDisruptionBudget';
import { HorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2/HorizontalPodAutoscaler';
import { ServiceMonitor } from '@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1/ServiceMonitor';
import { PrometheusRule } from '@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1/PrometheusRule';
import { WORKSPACE_ROOT } from '../config-reference/config-docs';

/** A rendered object: what `kubectl kustomize` prints, one YAML document. */
export type K8sObject = { apiVersion?: string; kind?: string; metadata?: { name?: string } } & Record<
  string,
  unknown
>;

/** Folder of the vendored strict schemas. */
export const SCHEMA_DIR = join(WORKSPACE_ROOT, 'infra/k8s/schemas');

interface ModelClass {
  new (data: Record<string, unknown>): { validate(): void };
}

// The models validate against the real API schemas (Kubernetes OpenAPI, prometheus-operator CRDs)
// but accept unknown fields, which the strict schemas catch.
const MODELS: Readonly<Record<string, ModelClass>> = {
  'v1/ConfigMap': ConfigMap as unknown as ModelClass,
  'v1/Service': Service as unknown as ModelClass,
  'apps/v1/Deployment': Deployment as unknown as ModelClass,
  'policy/v1/PodDisruptionBudget': PodDisruptionBudget as unknown as ModelClass,
  'autoscaling/v2/HorizontalPodAutoscaler': HorizontalPodAutoscaler as unknown as ModelClass,
  'monitoring.coreos.com/v1/ServiceMonitor': ServiceMonitor as unknown as ModelClass,
  'monitoring.coreos.com/v1/PrometheusRule': PrometheusRule as unknown as ModelClass,
};

/** File name (without `.schema.json`) of the strict schema of a kind. */
export const schemaFileStem = (apiVersion: string, kind: string): string =>
  `${apiVersion.replace('/', '-')}-${kind.toLowerCase()}`;

function loadStrictSchemas(): Map<string, ValidateFunction> {
  const ajv = new Ajv({ allErrors: true, strict: false });
  const files = readdirSync(SCHEMA_DIR).filter((f) => f.endsWith('.schema.json'));
  for (const file of files) {
    ajv.addSchema(JSON.parse(readFileSync(join(SCHEMA_DIR, file), 'utf8')) as object, file);
  }
  const validators = new Map<string, ValidateFunction>();
  for (const file of files.filter((f) => f !== 'definitions.schema.json')) {
    const validate = ajv.getSchema(file);
    if (validate) validators.set(file.replace('.schema.json', ''), validate);
  }
  return validators;
}

let strictSchemas: Map<string, ValidateFunction> | undefined;

function describe(object: K8sObject): string {
  return `${object.kind ?? '?'}/${object.metadata?.name ?? '?'}`;
}

type Container = {
  name?: string;
  resources?: { requests?: Record<string, unknown>; limits?: Record<string, unknown> };
  livenessProbe?: unknown;
  readinessProbe?: unknown;
  startupProbe?: unknown;
  securityContext?: {
    runAsNonRoot?: boolean;
    runAsUser?: number;
    readOnlyRootFilesystem?: boolean;
    allowPrivilegeEscalation?: boolean;
    capabilities?: { drop?: string[] };
  };
};

/** House policy for the containers of a Deployment: probes, limits, non-root, locked down. */
export function containerPolicyErrors(object: K8sObject): string[] {
  if (object.kind !== 'Deployment') return [];
  const podSpec = (object['spec'] as { template?: { spec?: Record<string, unknown> } } | undefined)?.template
    ?.spec;
  const podSecurity = (podSpec?.['securityContext'] ?? {}) as { runAsNonRoot?: boolean; runAsUser?: number };
  const containers = (podSpec?.['containers'] ?? []) as Container[];
  const errors: string[] = [];
  for (const c of containers) {
    const at = `${describe(object)} container ${c.name ?? '?'}`;
    for (const probe of ['livenessProbe', 'readinessProbe', 'startupProbe'] as const) {
      if (!c[probe]) errors.push(`${at}: no ${probe}`);
    }
    for (const resource of ['cpu', 'memory']) {
      if (c.resources?.limits?.[resource] === undefined) errors.push(`${at}: no ${resource} limit`);
      if (c.resources?.requests?.[resource] === undefined) errors.push(`${at}: no ${resource} request`);
    }
    const sc = c.securityContext ?? {};
    const runAsUser = sc.runAsUser ?? podSecurity.runAsUser;
    if (
      (sc.runAsNonRoot ?? podSecurity.runAsNonRoot) !== true ||
      runAsUser === undefined ||
      runAsUser === 0
    ) {
      errors.push(`${at}: may run as root (runAsNonRoot must be true and runAsUser non-zero)`);
    }
    if (sc.readOnlyRootFilesystem !== true) errors.push(`${at}: root file system is writable`);
    if (sc.allowPrivilegeEscalation !== false) errors.push(`${at}: privilege escalation allowed`);
    if (!(sc.capabilities?.drop ?? []).includes('ALL')) errors.push(`${at}: capabilities not dropped`);
  }
  return errors;
}

/** Every problem of one object; empty when it is valid. */
export function validateObject(object: K8sObject): string[] {
  strictSchemas ??= loadStrictSchemas();
  const { apiVersion = '', kind = '' } = object;
  const errors: string[] = [];
  const strict = strictSchemas.get(schemaFileStem(apiVersion, kind));
  if (!strict) {
    return [`${describe(object)}: no schema for ${apiVersion} ${kind} in infra/k8s/schemas`];
  }
  if (!strict(object)) {
    for (const e of strict.errors ?? []) {
      const extra =
        e.keyword === 'additionalProperties'
          ? ` (unknown field "${String(e.params['additionalProperty'])}")`
          : '';
      errors.push(`${describe(object)}${e.instancePath}: ${e.message ?? e.keyword}${extra}`);
    }
  }
  const Model = MODELS[`${apiVersion}/${kind}`];
  if (Model) {
    try {
      new Model(object).validate();
    } catch (error) {
      errors.push(`${describe(object)}: ${(error as Error).message}`);
    }
  }
  return [...errors, ...containerPolicyErrors(object)];
}
