// It starts but does not become ready, or the pod's environment (volumes, sandbox, probes, node) is failing it.
import { AT_ONCE, NEVER, after, podName, type CategorySpec } from './spec.js';

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
    hint: (d) =>
      `The runtime or CNI on ${d.node ?? 'the node'} cannot create the pod sandbox: check the CNI plugin's pods and logs there, or cordon the node.`,
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
    // Readiness can recover, so the clock alone never decides; the probe rule marks it conclusive once it has failed
    // for longer than the probe's own settings allow.
    policy: NEVER,
    phrase: 'never becomes ready: its readiness probe fails',
    logs: 'running',
    nodeSensitive: true,
    hint: (d) =>
      `Make the readiness probe of ${d.container} pass: check the path and port it calls and the dependencies the app waits for (it answered: ${d.evidence.cause ?? 'see the message'}).`,
  },
  evicted: {
    policy: NEVER,
    phrase: 'was evicted',
    logs: 'none',
    hint: () =>
      'The kubelet evicted the pod under node pressure: set requests near real usage (memory, ephemeral-storage) so it is not evicted first, or give the nodes more headroom.',
  },
  'active-deadline-exceeded': {
    policy: AT_ONCE,
    phrase: 'ran past its activeDeadlineSeconds',
    logs: 'last-ended',
    hint: () => 'Raise spec.activeDeadlineSeconds or make the pod finish sooner.',
  },
  'terminating-stuck': {
    policy: NEVER,
    phrase: 'has pods stuck terminating',
    logs: 'none',
    perNode: true,
    hint: (d, w) =>
      `Check the pod's finalizers and its node; if the node is gone, kubectl delete pod ${podName(d, w)} -n ${w.namespace} --grace-period=0 --force.`,
  },
  'node-pressure': {
    policy: NEVER,
    phrase: 'is squeezed by node pressure',
    logs: 'last-ended',
    perNode: true,
    hint: (d) => `Free memory, disk or PIDs on node ${d.node ?? 'the node'}, or move the pod elsewhere.`,
  },
} satisfies Record<string, CategorySpec>;
