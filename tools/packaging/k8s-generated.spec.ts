// The committed manifests are what the generator produces from the config schemas and the topic
// catalogue, and they say what those sources say: env variable names, ACLs, replica bounds.
import { spawnSync } from 'node:child_process';
import { APP_NAMES, topicCatalogue } from '@wair-sfcc/contracts';
import { appConfigSchemas, sharedConfigSchema } from '../config-reference/app-config-schemas';
import { WORKSPACE_ROOT } from '../config-reference/config-docs';
import { describeVariables } from '../config-reference/config-variables';
import { RUNTIME_VARIABLES, isSecretVariable } from './deploy-settings';
import { deployableApps } from './deployable-apps';
import { MAX_WORKING_REPLICAS_ANNOTATION } from './k8s-app-resources';
import { renderOverlay } from './render-overlay';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const production = renderOverlay('production') as Json[];
const find = (kind: string, name: string): Json | undefined =>
  production.find((o) => o['kind'] === kind && o['metadata'].name === name);
const sharedNames = new Set(Object.keys(sharedConfigSchema.shape));
const apps = deployableApps();

describe('generated infra/k8s', () => {
  // In a child process: Prettier (which formats the generated YAML) loads its parsers through dynamic
  // import(), which Jest's CommonJS runtime does not support.
  it('is up to date with the schemas and the catalogue (run `npx tsx tools/packaging/generate-k8s.ts`)', () => {
    const check = spawnSync(
      process.execPath,
      [require.resolve('tsx/cli'), 'tools/packaging/generate-k8s.ts', '--check'],
      { cwd: WORKSPACE_ROOT, encoding: 'utf8' },
    );
    expect(`${check.stdout}${check.stderr}`).toBe('infra/k8s is up to date\n');
    expect(check.status).toBe(0);
  }, 60_000);

  it('deploys every catalogue app that has a config schema, and nothing else (no simulators)', () => {
    const expected = appConfigSchemas
      .map((s) => s.app)
      .filter((app) => (APP_NAMES as readonly string[]).includes(app));
    expect(apps.map((a) => a.app)).toEqual(expected);
    expect(
      production
        .filter((o) => o['kind'] === 'Deployment')
        .map((o) => o['metadata'].name)
        .sort(),
    ).toEqual([...expected].sort());
  });
});

describe.each(apps.map((a) => [a.app, a] as const))('%s in the production overlay', (app, deployable) => {
  const dep = find('Deployment', app) as Json;
  const container = dep['spec'].template.spec.containers[0] as Json;
  const configMapName = (container['envFrom'] as Json[])[0]?.['configMapRef'].name as string;
  const configData = (find('ConfigMap', configMapName)?.['data'] ?? {}) as Record<string, string>;
  const envNames = (container['env'] as Json[]).map((e) => e['name'] as string);
  const provided = new Set([...Object.keys(configData), ...envNames]);
  const variables = describeVariables(deployable.schema, sharedNames);

  it('provides every variable the schema requires', () => {
    expect(variables.filter((v) => v.required && !provided.has(v.name)).map((v) => v.name)).toEqual([]);
  });

  it('sets no variable the schema does not declare (besides Node runtime variables)', () => {
    const known = new Set([...variables.map((v) => v.name), ...RUNTIME_VARIABLES]);
    expect([...provided].filter((name) => !known.has(name))).toEqual([]);
  });

  it('reads credentials from Secrets, never from the ConfigMap', () => {
    expect(Object.keys(configData).filter(isSecretVariable)).toEqual([]);
    const fromSecrets = (container['env'] as Json[])
      .filter((e) => e['valueFrom']?.secretKeyRef)
      .map((e) => e['name']);
    expect(fromSecrets).toEqual(
      expect.arrayContaining(variables.filter((v) => isSecretVariable(v.name)).map((v) => v.name)),
    );
  });

  it('serves the ops port its config sets, and the Service and probes use it', () => {
    const port = Number(configData['OPS_PORT']);
    expect(container['ports']).toEqual([{ name: 'ops', containerPort: port, protocol: 'TCP' }]);
    expect(find('Service', app)?.['spec'].ports[0]).toMatchObject({ port, targetPort: 'ops' });
    expect(container['livenessProbe'].httpGet).toEqual({ path: '/livez', port: 'ops' });
    expect(container['readinessProbe'].httpGet).toEqual({ path: '/readyz', port: 'ops' });
  });

  it('gives the app longer to drain than its stop timeout, and a startup budget for state rebuild', () => {
    expect(dep['spec'].template.spec.terminationGracePeriodSeconds).toBeGreaterThan(30);
    const startup = container['startupProbe'];
    expect(startup.periodSeconds * startup.failureThreshold).toBeGreaterThanOrEqual(300);
  });

  it('has a KafkaUser whose ACLs are exactly the catalogue reads and writes of the app', () => {
    const acls = find('KafkaUser', app)?.['spec'].authorization.acls as Json[];
    const actual = acls
      .filter((a) => a['resource'].type === 'topic')
      .map((a) => `${a['resource'].name}:${[...a['operations']].sort().join(',')}`)
      .sort();
    const expected = topicCatalogue
      .map((t) => {
        const reads = t.consumers.includes(app);
        const writes = t.owner === app || (t.alsoWrittenBy ?? []).includes(app);
        const ops = [
          ...(reads || writes ? ['Describe'] : []),
          ...(reads ? ['Read'] : []),
          ...(writes ? ['Write'] : []),
        ];
        return ops.length ? `${t.name}:${ops.sort().join(',')}` : undefined;
      })
      .filter((x): x is string => x !== undefined)
      .sort();
    expect(actual).toEqual(expected);
    const groups = acls.filter((a) => a['resource'].type === 'group');
    expect(groups.map((g) => [g['resource'].name, g['resource'].patternType])).toEqual(
      deployable.reads.length ? [[app, 'prefix']] : [],
    );
  });

  it('caps its replicas at the partitions of the topics it consumes', () => {
    const maxPartitions = Math.max(
      1,
      ...topicCatalogue.filter((t) => t.consumers.includes(app)).map((t) => t.partitions),
    );
    const hpa = find('HorizontalPodAutoscaler', app);
    if (deployable.scaling === 'partition-parallel') {
      expect(hpa?.['spec'].maxReplicas).toBe(maxPartitions);
      expect(dep['metadata'].annotations[MAX_WORKING_REPLICAS_ANNOTATION]).toBe(String(maxPartitions));
    } else {
      expect(hpa).toBeUndefined();
      expect(dep['spec'].replicas).toBe(1);
    }
  });
});

describe('KafkaTopics', () => {
  it('declare every catalogue topic with its partitions, cleanup policy and configs', () => {
    for (const topic of topicCatalogue) {
      const resource = find('KafkaTopic', topic.name);
      expect(resource?.['spec']).toMatchObject({
        topicName: topic.name,
        partitions: topic.partitions,
        config: { 'cleanup.policy': topic.cleanupPolicy, ...topic.configs },
      });
    }
    expect(production.filter((o) => o['kind'] === 'KafkaTopic')).toHaveLength(topicCatalogue.length);
  });
});
