// The fixes for pods the kubelet ended or cannot remove: an eviction names what to request (or the limit the pod
// exceeded), and a pod stuck terminating says when a force delete is safe: only once the machine is really gone,
// since a node whose kubelet or runtime is down may still run the containers.
import type { HintSubject } from './spec.js';
import type { Draft } from '../rules/types.js';
import { podName } from './spec.js';

export function evictedHint(d: Draft): string {
  const e = d.evidence;
  if (e.cause)
    return `Raise the limit the pod exceeded (${e.cause}), or make the app write less to local disk (logs to stdout, data to a volume).`;
  if (e.resource === 'pids')
    return "The node ran out of process IDs: find the pod that starts too many processes or threads (a leak in the new version?) and cap it with the kubelet's podPidsLimit, or give the nodes a higher pid limit.";
  const user = e.container ? `container ${e.container} used ${e.usage}${e.requested ? ` against a request of ${e.requested}` : ''}` : '';
  const resource = e.resource && !/unknown|limit/.test(e.resource) ? e.resource : 'memory or ephemeral-storage';
  const request = `requests.${resource.replace(/^(nodefs|imagefs|containerfs|inodes).*$/, 'ephemeral-storage')}`;
  if (d.provisional === false)
    return `Every replacement is evicted again${user ? ` (${user})` : ''}: the new version uses far more than it requests; set ${request} (and a limit) to what it really uses, or find the leak.`;
  return `The kubelet evicts the pods that use most above their requests first${user ? ` (${user})` : ''}: set ${request} near real usage, or give the nodes more headroom.`;
}

export function terminatingHint(d: Draft, w: HintSubject): string {
  const pod = podName(d, w);
  const node = d.node ?? 'the node';
  const force = `kubectl delete pod ${pod} -n ${w.namespace} --grace-period=0 --force`;
  if (d.evidence.stuckOn === 'node') {
    const down =
      d.evidence.cause === 'node-runtime-down'
        ? `The container runtime on ${node} is down, so nothing stops ${pod}'s containers: bring it back (systemctl restart containerd) and the deletion completes.`
        : `Node ${node} stopped reporting, so nothing confirms ${pod} stopped: bring its kubelet back (systemctl restart kubelet) and the deletion completes.`;
    return `${down} Force-delete (${force}) only once the machine is really off or gone (the cloud console shows it stopped or deleted): while only its kubelet or runtime is down the containers may still run, and a second ${pod} would run beside them (two writers on one volume).`;
  }
  if (d.evidence.stuckOn === 'finalizers')
    return `Finalizers ${d.evidence.cause ?? ''} hold ${pod}: fix or wait for the controller that owns them; remove them by hand only if that controller is gone.`;
  return `Check the pod's finalizers and node ${node}; if the node is gone, ${force}.`;
}
