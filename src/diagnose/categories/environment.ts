// It starts but does not become ready, or the pod's environment (volumes, sandbox, probes, node) is failing it.
import type { WorkloadRef } from '../../k8s/kinds.js';
import type { Draft } from '../rules/types.js';
import { sandboxHint } from './sandbox-hint.js';
import { AT_ONCE, NEVER, after, podName, type CategorySpec } from './spec.js';

function evictedHint(d: Draft): string {
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

/** Whether a force delete is safe depends on whether the machine is really gone: a live one may still run the containers. */
function terminatingHint(d: Draft, w: WorkloadRef): string {
  const pod = podName(d, w);
  const node = d.node ?? 'the node';
  const force = `kubectl delete pod ${pod} -n ${w.namespace} --grace-period=0 --force`;
  if (d.evidence.stuckOn === 'node')
    return `Node ${node} stopped reporting, so nothing confirms ${pod} stopped. Force-delete (${force}) only once the machine is really off or gone (the cloud console shows it stopped or deleted): if only its kubelet or container runtime is down, the containers may still run and a second ${pod} would run beside them (two writers on one volume). Then bring the kubelet or runtime back (systemctl restart kubelet containerd) instead.`;
  if (d.evidence.stuckOn === 'finalizers')
    return `Finalizers ${d.evidence.cause ?? ''} hold ${pod}: fix or wait for the controller that owns them; remove them by hand only if that controller is gone.`;
  return `Check the pod's finalizers and node ${node}; if the node is gone, ${force}.`;
}

export const ENVIRONMENT_CATEGORIES = {
  'volume-mount-failed': {
    policy: after(120),
    phrase: 'cannot start: a volume cannot be mounted',
    logs: 'none',
    nodeSensitive: true,
    hint: (d) =>
      `Fix the volume the kubelet cannot mount on ${d.node ?? 'the node'}: for a Multi-Attach error remove the pod that still holds it, otherwise check the storage backend from that node.`,
  },
  'sandbox-failed': {
    policy: after(120),
    phrase: 'cannot start: the pod sandbox cannot be created',
    logs: 'none',
    nodeSensitive: true,
    hint: sandboxHint,
  },
  'container-create-error': {
    policy: after(60),
    phrase: 'cannot start: the runtime cannot create its container',
    logs: 'none',
    nodeSensitive: true,
    hint: (d) => `Check the runtime on ${d.node ?? 'the node'} and the message above; the kubelet keeps retrying container ${d.container}.`,
  },
  'liveness-probe-failing': {
    policy: AT_ONCE,
    phrase: 'is restarted by its liveness probe',
    logs: 'last-ended',
    nodeSensitive: true,
    hint: (d) =>
      `Fix the ${d.evidence.probe ?? 'liveness'} probe or the endpoint it checks (path, port, timeoutSeconds), or give the app more time with initialDelaySeconds or a startupProbe; the kubelet restarts the container when it fails.`,
  },
  'readiness-probe-failing': {
    // A readiness or startup probe failing for longer than its own settings allow will not recover by waiting.
    policy: { fatal: 'when-overdue' },
    phrase: 'never becomes ready: its readiness probe fails',
    logs: 'running',
    nodeSensitive: true,
    hint: (d) =>
      `Make the readiness probe of ${d.container} pass: check the path and port it calls and the dependencies the app waits for (it answered: ${d.evidence.cause ?? 'see the message'}).`,
  },
  evicted: {
    // One eviction is not conclusive (the controller replaces the pod); replacements evicted again are (../recurring.ts).
    policy: AT_ONCE,
    phrase: 'was evicted',
    logs: 'none',
    workloadEffect: 'terminal',
    hint: evictedHint,
  },
  'active-deadline-exceeded': {
    policy: AT_ONCE,
    phrase: 'ran past its activeDeadlineSeconds',
    logs: 'last-ended',
    hint: () => 'Raise spec.activeDeadlineSeconds or make the pod finish sooner.',
  },
  'terminating-stuck': {
    // On a lost node under a StatefulSet it takes the node's policy (the ordinal waits for it); see ../rules/pod-phase.ts.
    policy: NEVER,
    phrase: 'has pods stuck terminating',
    logs: 'none',
    perNode: true,
    workloadEffect: 'terminal',
    hint: terminatingHint,
  },
  'node-pressure': {
    policy: NEVER,
    phrase: 'is squeezed by node pressure',
    logs: 'last-ended',
    perNode: true,
    hint: (d) => {
      const what = { MemoryPressure: 'memory', DiskPressure: 'disk space', PIDPressure: 'PIDs' } as Record<string, string>;
      const short = (d.evidence.pressure ?? '')
        .split(', ')
        .map((c) => what[c])
        .filter(Boolean);
      return `Free ${short.length ? short.join(' and ') : 'memory, disk or PIDs'} on node ${d.node ?? 'the node'} (kubectl describe node ${d.node ?? ''} lists what runs there), or move the pod elsewhere; the kubelet evicts pods while the pressure lasts.`;
    },
  },
} satisfies Record<string, CategorySpec>;
