// Gives a scenario pod its container log: a KWOK `Logs` object named like the pod (owned by it, so the garbage
// collector removes it with the pod) that points KWOK's kubelet server at the scenario's log file. Other pods and
// containers get the cluster-wide default (ClusterLogs in KWOK's config).
import { request } from './http.mjs';
import { logFile } from '../container-logs.mjs';
import { scenarioLog } from './scenario.mjs';

export async function ensurePodLogs(pod, scenario) {
  const target = scenarioLog(pod, scenario);
  if (!target) return;
  const { name, namespace, uid } = pod.metadata;
  const body = {
    apiVersion: 'kwok.x-k8s.io/v1alpha1',
    kind: 'Logs',
    metadata: { name, namespace, ownerReferences: [{ apiVersion: 'v1', kind: 'Pod', name, uid }] },
    spec: {
      logs: [
        { containers: [target.container], logsFile: logFile(target.log), previousLogsFile: logFile(target.log) },
        { logsFile: logFile('healthy') },
      ],
    },
  };
  const r = await request('POST', `/apis/kwok.x-k8s.io/v1alpha1/namespaces/${namespace}/logs`, { body });
  if (r.status !== 201 && r.status !== 409 && r.status !== 404 && r.status !== 403) {
    throw new Error(`Logs for ${namespace}/${name}: HTTP ${r.status} ${r.body?.message ?? ''}`);
  }
}
