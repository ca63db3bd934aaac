import { describe, expect, it } from 'vitest';
import { asDeployed } from '../../../src/plan/as-deployed.js';
import type { KubeObject } from '../../../src/k8s/objects.js';

const CAUSE = 'kubernetes.io/change-cause';

function deployment(replicas: number | undefined, annotations?: Record<string, string>): KubeObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web', namespace: 'shop', ...(annotations ? { annotations } : {}) },
    spec: { ...(replicas === undefined ? {} : { replicas }), template: { spec: { containers: [{ name: 'app', image: 'x:2' }] } } },
  };
}

const hpa: KubeObject = {
  apiVersion: 'autoscaling/v2',
  kind: 'HorizontalPodAutoscaler',
  metadata: { name: 'web', namespace: 'shop' },
  spec: { scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web' }, minReplicas: 2, maxReplicas: 10 },
};

/** The live Deployment whose spec.replicas the HPA has taken (its own Update entry), with the last deploy's trace. */
function live(replicas: number): KubeObject {
  return {
    ...deployment(replicas, { [CAUSE]: 'kube-deploy-gate: acme/shop@abc1234 run 41' }),
    metadata: {
      name: 'web',
      namespace: 'shop',
      annotations: { [CAUSE]: 'kube-deploy-gate: acme/shop@abc1234 run 41' },
      managedFields: [
        { manager: 'kube-deploy-gate', operation: 'Apply', fieldsType: 'FieldsV1', fieldsV1: { 'f:spec': { 'f:template': {} } } },
        {
          manager: 'kube-controller-manager',
          operation: 'Update',
          subresource: 'scale',
          fieldsType: 'FieldsV1',
          fieldsV1: { 'f:spec': { 'f:replicas': {} } },
        },
      ],
    },
  };
}

const base = { hpas: [], respectHpa: true, fieldManager: 'kube-deploy-gate', annotate: true };

describe('asDeployed: what the plan dry-runs is what the deploy would send', () => {
  it('keeps the trace the live workload has: the plan does not show a change-cause removed', () => {
    const { object } = asDeployed({ ...base, manifest: deployment(3), live: live(3) });
    expect(object.metadata?.annotations).toEqual({ [CAUSE]: 'kube-deploy-gate: acme/shop@abc1234 run 41' });
  });

  it('a change-cause the manifest writes itself is the person’s and stays as written', () => {
    const { object } = asDeployed({ ...base, manifest: deployment(3, { [CAUSE]: 'mine' }), live: live(3) });
    expect(object.metadata?.annotations).toEqual({ [CAUSE]: 'mine' });
  });

  it('annotate: false sends the manifest as written', () => {
    const manifest = deployment(3);
    expect(asDeployed({ ...base, annotate: false, manifest, live: live(3) }).object).toBe(manifest);
  });

  it('a workload an HPA scales keeps the HPA’s count, and the plan says why', () => {
    const { object, notice } = asDeployed({ ...base, hpas: [hpa], manifest: deployment(3), live: live(7) });
    expect((object.spec as { replicas?: number } | undefined)?.replicas).toBeUndefined();
    expect(notice).toMatch(/HorizontalPodAutoscaler shop\/web scales it/);
  });

  it('respect-hpa: false applies the manifest’s count', () => {
    const { object } = asDeployed({ ...base, respectHpa: false, hpas: [hpa], manifest: deployment(3), live: live(7) });
    expect((object.spec as { replicas?: number } | undefined)?.replicas).toBe(3);
  });

  it('objects that are not workloads, and new workloads, go as the manifest has them', () => {
    const cm: KubeObject = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c', namespace: 'shop' }, data: { a: '1' } };
    expect(asDeployed({ ...base, manifest: cm, live: null }).object).toBe(cm);
    const fresh = deployment(3);
    expect(asDeployed({ ...base, manifest: fresh, live: null }).object).toBe(fresh);
  });
});
