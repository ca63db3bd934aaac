// StatefulSet "forced rollback": with the default OrderedReady pod management the controller will not replace a pod
// that never became Ready, so restoring the template alone leaves the broken pod in place (Kubernetes documents
// this: after reverting the template, delete the pods the bad revision created). The gate does that step for the
// pods of the failed revision that are not Ready, and only for those.
import type { KubeClient } from '../kube/client.js';
import type { WorkloadRef } from '../k8s/kinds.js';

const isReady = (pod: any) => (pod.status?.conditions ?? []).some((c: any) => c.type === 'Ready' && c.status === 'True');

/** Pods of `failedRevision` owned by the StatefulSet that are not Ready: the ones the controller will not replace. */
export function stuckPods(statefulSet: any, pods: any[], failedRevision: string): any[] {
  const uid = statefulSet.metadata?.uid;
  return pods.filter(
    (p) =>
      (p.metadata?.ownerReferences ?? []).some((o: any) => o.controller && o.uid === uid) &&
      p.metadata?.labels?.['controller-revision-hash'] === failedRevision &&
      !p.metadata?.deletionTimestamp &&
      !isReady(p),
  );
}

/** Deletes the stuck pods (see above) and returns their names, for the report. */
export async function replaceStuckPods(
  client: KubeClient,
  ref: WorkloadRef,
  statefulSet: any,
  log: (l: string) => void,
): Promise<string[]> {
  const failedRevision = statefulSet?.status?.updateRevision;
  if (!failedRevision || statefulSet.spec?.podManagementPolicy === 'Parallel') return [];
  const pods = await client.list('v1', 'Pod', ref.namespace, { labelSelector: `controller-revision-hash=${failedRevision}` });
  const stuck = stuckPods(statefulSet, pods, failedRevision);
  const deleted: string[] = [];
  for (const pod of stuck) {
    await client.delete('v1', 'Pod', ref.namespace, pod.metadata.name);
    deleted.push(pod.metadata.name);
  }
  if (deleted.length) {
    log(
      `rollback: StatefulSet ${ref.namespace}/${ref.name}: deleted ${deleted.length} pod(s) stuck on the failed revision (${deleted.join(', ')}) so the controller recreates them from the restored template`,
    );
  }
  return deleted;
}
