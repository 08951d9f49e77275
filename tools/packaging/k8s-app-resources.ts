// The Kubernetes objects of one app, built from its config schema, sizing and catalogue entries.
import type { AppEnvironment } from './app-environment';
import { KAFKA_CA_MOUNT, KAFKA_CLUSTER } from './deploy-settings';
import type { DeployableApp } from './deployable-apps';
import { sizingOf } from './sizing';

type K8sObject = Record<string, unknown>;

/** How long an app may take to drain after SIGTERM: runService's default stop timeout. */
export const DRAIN_SECONDS = 30;

/** Startup budget for rebuilding state from compacted topics before /readyz answers 200. */
export const STARTUP_BUDGET_SECONDS = 600;

const STARTUP_PERIOD_SECONDS = 10;

/** Annotation that states how many replicas can hold partitions (the catalogue's bound). */
export const MAX_WORKING_REPLICAS_ANNOTATION = 'wair-sfcc.io/max-working-replicas';

/** Annotation that states how replicas of the app share work. */
export const SCALING_ANNOTATION = 'wair-sfcc.io/scaling';

/** The labels that select an app's pods. */
export function selectorLabels(app: string): Record<string, string> {
  return { 'app.kubernetes.io/name': app, 'app.kubernetes.io/part-of': 'wair-sfcc' };
}

const httpProbe = (path: string, periodSeconds: number, failureThreshold: number): K8sObject => ({
  httpGet: { path, port: 'ops' },
  periodSeconds,
  timeoutSeconds: 3,
  failureThreshold,
});

/** The app's Deployment; `configMapName` is the name the kustomization generates. */
export function deployment(deployable: DeployableApp, env: AppEnvironment, image: string): K8sObject {
  const { app } = deployable;
  const sizing = sizingOf(app);
  const labels = selectorLabels(app);
  const secretEnv = Object.entries(env.secrets).map(([name, source]) => ({
    name,
    valueFrom: { secretKeyRef: { name: source.secret, key: source.key, optional: source.optional } },
  }));
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: {
      name: app,
      labels,
      annotations: {
        [SCALING_ANNOTATION]: deployable.scaling,
        [MAX_WORKING_REPLICAS_ANNOTATION]: String(
          deployable.scaling === 'partition-parallel' ? deployable.maxWorkingReplicas : 1,
        ),
      },
    },
    spec: {
      replicas: 1,
      revisionHistoryLimit: 5,
      selector: { matchLabels: labels },
      // One new pod before an old one goes: the group rebalances once per step, and a singleton
      // overlaps its successor only for the old pod's drain.
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } },
      template: {
        metadata: { labels },
        spec: {
          automountServiceAccountToken: false,
          terminationGracePeriodSeconds: DRAIN_SECONDS + 15,
          securityContext: {
            runAsNonRoot: true,
            runAsUser: 1000,
            runAsGroup: 1000,
            fsGroup: 1000,
            seccompProfile: { type: 'RuntimeDefault' },
          },
          containers: [
            {
              name: app,
              image,
              imagePullPolicy: 'IfNotPresent',
              ports: [{ name: 'ops', containerPort: env.opsPort, protocol: 'TCP' }],
              envFrom: [{ configMapRef: { name: `${app}-config` } }],
              env: [
                ...secretEnv,
                { name: 'NODE_EXTRA_CA_CERTS', value: `${KAFKA_CA_MOUNT}/ca.crt` },
                { name: 'NODE_OPTIONS', value: `--max-old-space-size=${sizing.maxOldSpaceMiB}` },
              ],
              resources: { requests: { ...sizing.requests }, limits: { ...sizing.limits } },
              startupProbe: httpProbe(
                '/readyz',
                STARTUP_PERIOD_SECONDS,
                STARTUP_BUDGET_SECONDS / STARTUP_PERIOD_SECONDS,
              ),
              livenessProbe: httpProbe('/livez', 10, 3),
              readinessProbe: httpProbe('/readyz', 5, 3),
              securityContext: {
                runAsNonRoot: true,
                runAsUser: 1000,
                allowPrivilegeEscalation: false,
                readOnlyRootFilesystem: true,
                privileged: false,
                capabilities: { drop: ['ALL'] },
                seccompProfile: { type: 'RuntimeDefault' },
              },
              volumeMounts: [
                { name: 'tmp', mountPath: '/tmp' },
                { name: 'kafka-ca', mountPath: KAFKA_CA_MOUNT, readOnly: true },
              ],
            },
          ],
          volumes: [
            { name: 'tmp', emptyDir: { sizeLimit: '64Mi' } },
            // Written by the Strimzi Cluster Operator; the TLS listener's certificates chain to it.
            {
              name: 'kafka-ca',
              secret: {
                secretName: `${KAFKA_CLUSTER}-cluster-ca-cert`,
                items: [{ key: 'ca.crt', path: 'ca.crt' }],
              },
            },
          ],
        },
      },
    },
  };
}

/** The Service that exposes the ops port to Prometheus. */
export function service(app: string, opsPort: number): K8sObject {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: app, labels: selectorLabels(app) },
    spec: {
      type: 'ClusterIP',
      selector: selectorLabels(app),
      ports: [{ name: 'ops', port: opsPort, targetPort: 'ops', protocol: 'TCP' }],
    },
  };
}

/** The ServiceMonitor that has the Prometheus Operator scrape /metrics. */
export function serviceMonitor(app: string): K8sObject {
  return {
    apiVersion: 'monitoring.coreos.com/v1',
    kind: 'ServiceMonitor',
    metadata: { name: app, labels: selectorLabels(app) },
    spec: {
      selector: { matchLabels: selectorLabels(app) },
      endpoints: [{ port: 'ops', path: '/metrics', interval: '30s', scrapeTimeout: '10s' }],
    },
  };
}

/** At most one pod down for voluntary disruptions; a singleton may still be drained off a node. */
export function podDisruptionBudget(app: string): K8sObject {
  return {
    apiVersion: 'policy/v1',
    kind: 'PodDisruptionBudget',
    metadata: { name: app, labels: selectorLabels(app) },
    spec: { maxUnavailable: 1, selector: { matchLabels: selectorLabels(app) } },
  };
}
