// pvc-not-bound (rules/claims.ts): which of a pod's claims is blamed once the scheduler says "unbound immediate
// PersistentVolumeClaims", and what the finding quotes of it.
import { describe, expect, it } from 'vitest';
import { diagnoseWorkload } from '../../../src/diagnose/index.js';
import { NOW, NS, ago, deployment, event, pod, snapshot } from './fixtures.js';

const SCHEDULER =
  '0/2 nodes are available: pod has unbound immediate PersistentVolumeClaims. preemption: 0/2 nodes are available: 2 Preemption is not helpful for scheduling.';
const POD = 'web-7d9f8c6b5-x1';

function pendingWith(volumes: object[]) {
  return pod({
    node: null,
    phase: 'Pending',
    containerStatuses: [],
    createdAgo: 90,
    spec: { volumes },
    conditions: [{ type: 'PodScheduled', status: 'False', reason: 'Unschedulable', message: SCHEDULER, lastTransitionTime: ago(90) }],
  });
}
const claimVolume = (name: string, claimName: string) => ({ name, persistentVolumeClaim: { claimName } });
function pvc(name: string, phase: string | null, o: { namespace?: string; storageClassName?: string } = {}) {
  return {
    apiVersion: 'v1',
    kind: 'PersistentVolumeClaim',
    metadata: { name, namespace: o.namespace ?? NS, uid: `pvc-${name}-${o.namespace ?? NS}` },
    spec: { accessModes: ['ReadWriteOnce'], ...(o.storageClassName ? { storageClassName: o.storageClassName } : {}) },
    ...(phase === null ? {} : { status: { phase } }),
  };
}
const claimEvent = (claim: ReturnType<typeof pvc>, type: string, reason: string, message: string, lastAgo: number) =>
  event(claim, type, reason, message, { kind: 'PersistentVolumeClaim', lastAgo });

describe('pvc-not-bound', () => {
  it('a generic ephemeral volume is looked up as <pod>-<volume>, and a missing claim says so', () => {
    const p = pendingWith([{ name: 'scratch', ephemeral: { volumeClaimTemplate: { spec: { accessModes: ['ReadWriteOnce'] } } } }]);
    const [f] = diagnoseWorkload(deployment(), snapshot({ pods: [p] }), NOW);
    expect(f).toMatchObject({
      category: 'pvc-not-bound',
      fatal: true,
      reason: 'Unschedulable',
      container: null,
      message: `PersistentVolumeClaim ${POD}-scratch does not exist. Scheduler: ${SCHEDULER}`,
      hint: `Create PersistentVolumeClaim ${POD}-scratch in namespace shop or fix claimName in the pod template.`,
      events: [],
    });
  });

  it('skips bound claims and volumes without a claim, and blames the first unbound one', () => {
    const p = pendingWith([
      { name: 'cfg', configMap: { name: 'web' } },
      claimVolume('cache', 'cache-web'),
      claimVolume('data', 'data-web'),
      claimVolume('logs', 'logs-web'),
    ]);
    const pvcs = [pvc('cache-web', 'Bound'), pvc('data-web', null, { storageClassName: 'fast' }), pvc('logs-web', 'Pending')];
    const [f] = diagnoseWorkload(deployment(), snapshot({ pods: [p], pvcs }), NOW);
    expect(f.message).toBe(`PersistentVolumeClaim data-web is Pending (storageClassName fast). Scheduler: ${SCHEDULER}`);
    expect(f.reason).toBe('Unschedulable');
  });

  it("a claim of the same name in another namespace is not the pod's", () => {
    const p = pendingWith([claimVolume('data', 'data-web')]);
    const [f] = diagnoseWorkload(deployment(), snapshot({ pods: [p], pvcs: [pvc('data-web', 'Bound', { namespace: 'other' })] }), NOW);
    expect(f.message).toBe(`PersistentVolumeClaim data-web does not exist. Scheduler: ${SCHEDULER}`);
  });

  it("quotes the claim's latest Warning over a newer Normal event, and ignores other claims' events", () => {
    const p = pendingWith([claimVolume('data', 'data-web')]);
    const data = pvc('data-web', 'Pending', { storageClassName: 'fast' });
    const other = pvc('logs-web', 'Pending');
    const events = [
      claimEvent(data, 'Warning', 'ProvisioningFailed', 'storageclass.storage.k8s.io "fast" not found', 40),
      claimEvent(data, 'Warning', 'ProvisioningFailed', 'storageclass.storage.k8s.io "fast" not found (retry 2)', 20),
      claimEvent(data, 'Normal', 'ExternalProvisioning', 'Waiting for a volume to be created', 5),
      claimEvent(other, 'Warning', 'ProvisioningFailed', 'quota exceeded', 1),
    ];
    const [f] = diagnoseWorkload(deployment(), snapshot({ pods: [p], pvcs: [data, other], events }), NOW);
    expect(f).toMatchObject({
      reason: 'ProvisioningFailed',
      message: `PersistentVolumeClaim data-web is Pending (storageClassName fast); ProvisioningFailed: storageclass.storage.k8s.io "fast" not found (retry 2). Scheduler: ${SCHEDULER}`,
    });
    expect(f.events.map((e) => e.message)).toEqual(['storageclass.storage.k8s.io "fast" not found (retry 2)']);
  });

  it('without a Warning, the latest Normal event is quoted', () => {
    const p = pendingWith([claimVolume('data', 'data-web')]);
    const data = pvc('data-web', 'Pending');
    const events = [
      claimEvent(data, 'Normal', 'ExternalProvisioning', 'Waiting for a volume to be created by "ebs.csi.aws.com"', 30),
      claimEvent(data, 'Normal', 'Provisioning', 'External provisioner is provisioning volume for claim "shop/data-web"', 10),
    ];
    const [f] = diagnoseWorkload(deployment(), snapshot({ pods: [p], pvcs: [data], events }), NOW);
    expect(f).toMatchObject({
      reason: 'Provisioning',
      message: `PersistentVolumeClaim data-web is Pending; Provisioning: External provisioner is provisioning volume for claim "shop/data-web". Scheduler: ${SCHEDULER}`,
    });
  });
});
