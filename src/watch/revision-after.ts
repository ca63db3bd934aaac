// The revision a settled workload runs, read from the live store with the same readers the rollback uses: the
// Deployment's revision annotation, the StatefulSet's updateRevision, or a DaemonSet's newest matching revision.
import type { WorkloadRef } from '../k8s/kinds.js';
import type { LiveStore } from './live-store.js';
import { deploymentRevision } from '../k8s/replicasets.js';
import { daemonSetRevision, statefulSetRevision } from '../k8s/controller-revisions.js';

export function revisionAfter(ref: WorkloadRef, store: LiveStore): number | null {
  switch (ref.kind) {
    case 'Deployment': {
      const d = store.find('deployments', ref.namespace, ref.name);
      return d ? deploymentRevision(d, store.list('replicaSets')) : null;
    }
    case 'StatefulSet': {
      const sts = store.find('statefulSets', ref.namespace, ref.name);
      return sts ? statefulSetRevision(sts, store.list('controllerRevisions'), 'update') : null;
    }
    case 'DaemonSet': {
      const ds = store.find('daemonSets', ref.namespace, ref.name);
      return ds ? daemonSetRevision(ds, store.list('controllerRevisions')) : null;
    }
    default:
      return null;
  }
}
