// Which kind of workload an object is. Items of a list response carry no `kind`, so when it is missing the snapshot
// collection that holds the object decides, and the object's shape is the last resort.
import { WORKLOAD_KINDS, WORKLOADS, isWorkloadKind, type ClusterSnapshot, type WorkloadKind, type WorkloadRef } from '../k8s/kinds.js';
import type { Workload } from '../k8s/objects.js';

export function workloadKindOf(obj: Workload, snapshot: ClusterSnapshot): WorkloadKind {
  if (isWorkloadKind(obj.kind)) return obj.kind;
  const uid = obj.metadata?.uid;
  for (const kind of WORKLOAD_KINDS) {
    const items: readonly Workload[] = snapshot[WORKLOADS[kind].collection];
    if (items.some((o) => o === obj || (uid && o.metadata?.uid === uid))) return kind;
  }
  const spec = (obj.spec ?? {}) as Record<string, unknown>;
  if (Array.isArray(spec.containers)) return 'Pod';
  if ('serviceName' in spec || 'volumeClaimTemplates' in spec || 'podManagementPolicy' in spec) return 'StatefulSet';
  if ('backoffLimit' in spec || 'completions' in spec || 'parallelism' in spec) return 'Job';
  if (obj.status && 'desiredNumberScheduled' in obj.status) return 'DaemonSet';
  return 'Deployment';
}

export function workloadRefOf(obj: Workload, snapshot: ClusterSnapshot): WorkloadRef {
  return { kind: workloadKindOf(obj, snapshot), namespace: obj.metadata?.namespace ?? '', name: obj.metadata?.name ?? '' };
}
