// StatefulSet "forced rollback": with the default OrderedReady pod management the controller will not replace a pod
// that never became Ready, so restoring the template alone leaves the broken pod in place (Kubernetes documents
// this: after reverting the template, delete the pods the bad revision created). The gate does that step for the
// pods of the failed revision that are not Ready, and only for those.
import type { KubeClient } from '../kube/client.js';
import type { WorkloadRef } from '../k8s/kinds.js';
import type { Pod, Workload } from '../k8s/objects.js';
import { conditionOf } from '../k8s/fields.js';

const isReady = (pod: Pod) => conditionOf(pod.status?.conditions, 'Ready')?.status === 'True';

/** Pods of `failedRevision` owned by the StatefulSet that are not Ready: the ones the controller will not replace. */
export function stuckPods(statefulSet: Workload, pods: readonly Pod[], failedRevision: string): Pod[] {
  const uid = statefulSet.metadata?.uid;
  return pods.filter(
    (p) =>
      (p.metadata?.ownerReferences ?? []).some((o) => o.controller && o.uid === uid) &&
      p.metadata?.labels?.['controller-revision-hash'] === failedRevision &&
      !p.metadata?.deletionTimestamp &&
      !isReady(p),
  );
}

/** Deletes the stuck pods (see above) and returns their names, for the report. */
export async function replaceStuckPods(
  client: KubeClient,
  ref: WorkloadRef,
  statefulSet: Workload | undefined,
  log: (l: string) => void,
): Promise<string[]> {
  const failedRevision = statefulSet?.status?.updateRevision;
  if (!statefulSet || !failedRevision || statefulSet.spec?.podManagementPolicy === 'Parallel') return [];
  const pods = await client.list<Pod>('v1', 'Pod', ref.namespace, { labelSelector: `controller-revision-hash=${failedRevision}` });
  const stuck = stuckPods(statefulSet, pods, failedRevision);
  const deleted: string[] = [];
  for (const name of stuck.map((p) => p.metadata?.name ?? '').filter(Boolean)) {
    await client.delete('v1', 'Pod', ref.namespace, name);
    deleted.push(name);
  }
  if (deleted.length) {
    log(
      `rollback: StatefulSet ${ref.namespace}/${ref.name}: deleted ${deleted.length} pod(s) stuck on the failed revision (${deleted.join(', ')}) so the controller recreates them from the restored template`,
    );
  }
  return deleted;
}
