// The objects of an offline dump that are not workloads (custom resources, claims), judged as the live wait judges
// them: their kstatus verdict (watch/status/generic), and on top of a Failed one or a Pending claim what explains it.
import { diagnoseObject, type ClusterSnapshot } from '../diagnose/index.js';
import type { Finding } from '../diagnose/finding.js';
import type { KubeObject } from '../k8s/objects.js';
import { objectStatus } from '../watch/status/generic/index.js';

export function objectFindingsOfDump(others: readonly KubeObject[], snapshot: ClusterSnapshot, now: Date): Finding[] {
  const storageClasses = others.filter((o) => o.kind === 'StorageClass');
  const inputs = { events: snapshot.events, now, storageClasses: storageClasses.length > 0 ? storageClasses : undefined };
  // A claim a pod mounts is already explained on the pod's own finding (pvc-not-bound, with the same event).
  const mounted = new Set(
    snapshot.pods.flatMap((p) =>
      (p.spec?.volumes ?? []).map((v) => `${p.metadata?.namespace ?? ''}/${v.persistentVolumeClaim?.claimName ?? ''}`),
    ),
  );
  const claims = snapshot.pvcs.filter((c) => !mounted.has(`${c.metadata?.namespace ?? ''}/${c.metadata?.name ?? ''}`));
  const candidates = [...claims.map((c) => ({ ...c, kind: 'PersistentVolumeClaim' }) as KubeObject), ...others];
  return candidates.flatMap((obj) => {
    const ref = { kind: obj.kind ?? '', namespace: obj.metadata?.namespace ?? '', name: obj.metadata?.name ?? '' };
    if (!ref.kind || !ref.name) return [];
    // A dump says nothing of the run's inputs: a LoadBalancer Service is judged as by default, without its ingress.
    const status = objectStatus(obj, { waitForLoadBalancers: false, storageClasses: inputs.storageClasses });
    return diagnoseObject(ref, obj, status, inputs);
  });
}
