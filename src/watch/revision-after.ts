// The revision a settled workload runs, read from the live store: the Deployment's revision annotation, the
// StatefulSet's updateRevision, or the newest ControllerRevision a DaemonSet owns.
import type { WorkloadRef } from '../model.js';
import type { LiveStore } from './live-store.js';
import { controllerRevisionNumber, numberOrNull } from '../apply/before.js';

export function revisionAfter(ref: WorkloadRef, store: LiveStore): number | null {
  switch (ref.kind) {
    case 'Deployment':
      return numberOrNull(store.find('deployments', ref.namespace, ref.name)?.metadata?.annotations?.['deployment.kubernetes.io/revision']);
    case 'StatefulSet': {
      const sts = store.find('statefulSets', ref.namespace, ref.name);
      if (!sts) return null;
      const updated = { ...sts, status: { ...sts.status, currentRevision: sts.status?.updateRevision } };
      return controllerRevisionNumber(updated, store.list('controllerRevisions'));
    }
    case 'DaemonSet': {
      const ds = store.find('daemonSets', ref.namespace, ref.name);
      return ds ? controllerRevisionNumber(ds, store.list('controllerRevisions')) : null;
    }
    default:
      return null;
  }
}
