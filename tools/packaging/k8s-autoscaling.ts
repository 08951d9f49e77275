// The production HorizontalPodAutoscaler of a partition-parallel app.
import type { DeployableApp } from './deployable-apps';
import { MAX_WORKING_REPLICAS_ANNOTATION, selectorLabels } from './k8s-app-resources';

type K8sObject = Record<string, unknown>;

/**
 * CPU autoscaling of a partition-parallel app, capped at the replicas that can hold partitions:
 * more would join the group and sit idle.
 */
export function horizontalPodAutoscaler(deployable: DeployableApp): K8sObject {
  const max = deployable.maxWorkingReplicas;
  return {
    apiVersion: 'autoscaling/v2',
    kind: 'HorizontalPodAutoscaler',
    metadata: {
      name: deployable.app,
      labels: selectorLabels(deployable.app),
      annotations: { [MAX_WORKING_REPLICAS_ANNOTATION]: String(max) },
    },
    spec: {
      scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: deployable.app },
      minReplicas: Math.min(2, max),
      maxReplicas: max,
      metrics: [
        {
          type: 'Resource',
          resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 70 } },
        },
      ],
      // Every scale step is a group rebalance: add pods quickly under load, remove them slowly.
      behavior: {
        scaleUp: {
          stabilizationWindowSeconds: 60,
          policies: [{ type: 'Pods', value: 1, periodSeconds: 60 }],
        },
        scaleDown: {
          stabilizationWindowSeconds: 600,
          policies: [{ type: 'Pods', value: 1, periodSeconds: 300 }],
        },
      },
    },
  };
}
