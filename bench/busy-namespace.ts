// The shared namespace of the 'busy namespace' row: Deployments of other teams (pods with the specs, labels and
// managed fields real ones have, each with the kubelet's events), and a stream of events about those pods while the
// tools run. None of it belongs to the deploy being measured.
import { waitUntil } from './clock.js';
import { api, apiOk, type KubeAccess } from './kube-api.js';
import { otherTeamDeployment } from './lib/busy-manifests.js';

/** Creates `pods` pods as Deployments of `perDeployment` replicas and waits until every one is Running and Ready. */
export async function fillNamespace(
  admin: KubeAccess,
  namespace: string,
  runId: string,
  pods: number,
  perDeployment: number,
  log: (l: string) => void,
): Promise<void> {
  const count = Math.ceil(pods / perDeployment);
  for (let i = 0; i < count; i++) {
    const replicas = Math.min(perDeployment, pods - i * perDeployment);
    const body = otherTeamDeployment(i, replicas, runId);
    const res = await api(admin, 'POST', `/apis/apps/v1/namespaces/${namespace}/deployments`, body);
    if (res.status !== 201) throw new Error(`create ${body.metadata.name}: HTTP ${res.status} ${JSON.stringify(res.body).slice(0, 200)}`);
  }
  const started = Date.now();
  let ready = 0;
  const done = await waitUntil(
    async () => {
      ready = await readyPods(admin, namespace);
      return ready >= pods;
    },
    15 * 60_000,
    5000,
  );
  if (!done) throw new Error(`only ${ready} of ${pods} pods of the busy namespace became Ready within 15 minutes`);
  log(`busy namespace ${namespace}: ${pods} pods Ready after ${((Date.now() - started) / 1000).toFixed(0)} s`);
}

async function readyPods(admin: KubeAccess, namespace: string): Promise<number> {
  const list = await apiOk(admin, 'GET', `/apis/apps/v1/namespaces/${namespace}/deployments`);
  return (list.items as any[]).reduce((sum, d) => sum + (d.status?.readyReplicas ?? 0), 0);
}

/** How many objects of a collection the namespace holds (for the notes: what "busy" meant in this run). */
export async function countIn(admin: KubeAccess, path: string): Promise<number> {
  const list = await apiOk(admin, 'GET', `${path}?limit=1`);
  return (list.items?.length ?? 0) + Number(list.metadata?.remainingItemCount ?? 0);
}

export interface EventStream {
  /** Stops the stream; resolves with how many events it wrote. */
  stop(): Promise<number>;
}

/**
 * Writes `perSecond` core/v1 Events about the namespace's other pods (probe failures, as a busy namespace has), as the
 * kubelet would, until stopped. They are new Events each time, so every one reaches every watch of the namespace.
 */
export async function startEventStream(admin: KubeAccess, namespace: string, perSecond: number): Promise<EventStream> {
  const list = await apiOk(admin, 'GET', `/api/v1/namespaces/${namespace}/pods?labelSelector=${encodeURIComponent('team')}`);
  const pods = (list.items as any[]).map((p) => ({
    name: p.metadata.name as string,
    uid: p.metadata.uid as string,
    node: p.spec?.nodeName,
  }));
  let written = 0;
  let inFlight = 0;
  let n = 0;
  const timer = setInterval(() => {
    if (pods.length === 0 || inFlight > perSecond) return; // the apiserver is behind: do not pile up requests
    const pod = pods[n++ % pods.length];
    const now = new Date().toISOString();
    inFlight++;
    void api(admin, 'POST', `/api/v1/namespaces/${namespace}/events`, {
      apiVersion: 'v1',
      kind: 'Event',
      metadata: { generateName: `${pod.name}.`, namespace },
      involvedObject: { apiVersion: 'v1', kind: 'Pod', name: pod.name, namespace, uid: pod.uid, fieldPath: 'spec.containers{app}' },
      reason: 'Unhealthy',
      message:
        'Readiness probe failed: Get "http://10.244.1.7:8080/ready": context deadline exceeded (Client.Timeout exceeded while awaiting headers)',
      type: 'Warning',
      source: { component: 'kubelet', host: pod.node },
      firstTimestamp: now,
      lastTimestamp: now,
      count: 1,
    })
      .then((res) => {
        if (res.status === 201) written++;
      })
      .catch(() => {})
      .finally(() => inFlight--);
  }, 1000 / perSecond);
  return {
    stop: async () => {
      clearInterval(timer);
      await waitUntil(async () => inFlight === 0, 10_000, 50);
      return written;
    },
  };
}
