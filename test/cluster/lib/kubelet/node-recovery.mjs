// When a node comes back (cluster:node start), a restarted kubelet re-reports its pods. The node-lifecycle
// controller set their Ready condition to False (MarkPodsNotReady) while the node was away, and no KWOK stage matches
// a Running pod again (kwok#1464), so this puts Ready back for pods whose containers are all ready.
import { request } from './http.mjs';

const rfc3339 = (d) => d.toISOString().replace(/\.\d{3}Z$/, 'Z');

export function markedNotReadyByNode(pod) {
  const cond = (type) => (pod.status?.conditions ?? []).find((c) => c.type === type);
  return (
    pod.status?.phase === 'Running' &&
    !pod.metadata.deletionTimestamp &&
    cond('Ready')?.status === 'False' &&
    cond('ContainersReady')?.status === 'True'
  );
}

export async function reportReadyAgain(pod) {
  const body = {
    status: {
      conditions: [
        {
          type: 'Ready',
          status: 'True',
          lastTransitionTime: rfc3339(new Date()),
          observedGeneration: pod.metadata.generation ?? 1,
          reason: null,
          message: null,
        },
      ],
    },
  };
  const r = await request('PATCH', `/api/v1/namespaces/${pod.metadata.namespace}/pods/${pod.metadata.name}/status`, {
    body,
    contentType: 'application/strategic-merge-patch+json',
    asNode: pod.spec.nodeName,
  });
  if (r.status !== 200 && r.status !== 404) throw new Error(`Ready of ${pod.metadata.namespace}/${pod.metadata.name}: HTTP ${r.status}`);
}
