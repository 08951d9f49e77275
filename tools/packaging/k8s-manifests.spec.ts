// Renders every overlay with `kubectl kustomize` and validates every object: API schemas, unknown
// fields, and the house policy for containers. Also proves the validator catches what it must.
import { validateObject, type K8sObject } from './manifest-validation';
import { overlayNames, renderOverlay } from './render-overlay';

const overlays = overlayNames();
const rendered = new Map(overlays.map((name) => [name, renderOverlay(name)]));
const objectsOf = (overlay: string): K8sObject[] => rendered.get(overlay) ?? [];

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

describe('infra/k8s overlays', () => {
  it('has the local and the production overlay', () => {
    expect(overlays).toEqual(expect.arrayContaining(['local', 'production']));
  });

  describe.each(overlays)('overlay %s', (overlay) => {
    it('renders objects of every kind the platform needs', () => {
      const kinds = new Set(objectsOf(overlay).map((o) => o.kind));
      for (const kind of [
        'Deployment',
        'Service',
        'ConfigMap',
        'ServiceMonitor',
        'PodDisruptionBudget',
        'KafkaTopic',
        'KafkaUser',
      ]) {
        expect(kinds).toContain(kind);
      }
    });

    it('validates every object against its schema and the container policy', () => {
      expect(objectsOf(overlay).flatMap(validateObject)).toEqual([]);
    });
  });

  it('replicates topics 3 times with 2 in sync in production, once in the local overlay', () => {
    const replication = (overlay: string) =>
      new Set(
        objectsOf(overlay)
          .filter((o) => o.kind === 'KafkaTopic')
          .map((o) => `${(o as Json)['spec'].replicas}/${(o as Json)['spec'].config['min.insync.replicas']}`),
      );
    expect([...replication('production')]).toEqual(['3/2']);
    expect([...replication('local')]).toEqual(['1/1']);
  });

  it('runs one replica of everything in the local overlay and has no autoscaler there', () => {
    const local = objectsOf('local');
    expect(local.filter((o) => o.kind === 'Deployment').map((o) => (o as Json)['spec'].replicas)).toEqual(
      local.filter((o) => o.kind === 'Deployment').map(() => 1),
    );
    expect(local.some((o) => o.kind === 'HorizontalPodAutoscaler')).toBe(false);
  });
});

describe('manifest validation', () => {
  const deployment = objectsOf('production').find((o) => o.kind === 'Deployment') as Json;
  const mutate = (change: (d: Json) => void): K8sObject => {
    const copy = structuredClone(deployment);
    change(copy);
    return copy as K8sObject;
  };
  const container = (d: Json): Json => d['spec'].template.spec.containers[0];

  it('accepts the generated Deployment as it is', () => {
    expect(validateObject(deployment as K8sObject)).toEqual([]);
  });

  it('rejects an unknown field', () => {
    const errors = validateObject(mutate((d) => (container(d)['imagePullPolicyy'] = 'Always')));
    expect(errors.join('\n')).toMatch(/unknown field "imagePullPolicyy"/);
  });

  it('rejects a wrongly typed field through the Kubernetes API schema', () => {
    const errors = validateObject(mutate((d) => (d['spec'].replicas = 'two')));
    expect(errors.join('\n')).toMatch(/replicas must be integer/);
  });

  it('rejects a missing probe', () => {
    const errors = validateObject(mutate((d) => delete container(d)['livenessProbe']));
    expect(errors).toContainEqual(expect.stringMatching(/no livenessProbe/));
  });

  it('rejects a container without limits', () => {
    const errors = validateObject(mutate((d) => delete container(d)['resources'].limits));
    expect(errors).toContainEqual(expect.stringMatching(/no memory limit/));
  });

  it('rejects a container running as root', () => {
    const errors = validateObject(
      mutate((d) => {
        container(d)['securityContext'].runAsUser = 0;
      }),
    );
    expect(errors).toContainEqual(expect.stringMatching(/may run as root/));
  });

  it('rejects a kind it has no schema for, rather than passing it unchecked', () => {
    expect(validateObject({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'x' } })).toEqual([
      'Pod/x: no schema for v1 Pod in infra/k8s/schemas',
    ]);
  });

  it('rejects an unknown field of a Strimzi resource', () => {
    const topic = structuredClone(objectsOf('production').find((o) => o.kind === 'KafkaTopic')) as Json;
    topic['spec'].retention = '7d';
    expect(validateObject(topic as K8sObject).join('\n')).toMatch(/unknown field "retention"/);
  });
});
