// It starts but does not become ready, or the pod's environment (volumes, sandbox, probes, node) is failing it.
import { evictedHint, terminatingHint } from './pod-end-hints.js';
import { sandboxHint } from './sandbox-hint.js';
import { AT_ONCE, NEVER, after, type CategorySpec } from './spec.js';

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
    sameCause: 'exit-code',
    phrase: 'is restarted by its liveness probe',
    logs: 'last-ended',
    nodeSensitive: true,
    hint: (d) =>
      d.evidence.probe === 'startup'
        ? 'Fix the startup probe or the endpoint it checks (path, port, timeoutSeconds), or give the app longer to start (failureThreshold × periodSeconds); the kubelet restarts the container each time the probe gives up.'
        : `Fix the ${d.evidence.probe === 'startup and liveness' ? 'startup and liveness probes' : 'liveness probe'} or the endpoint ${d.evidence.probe === 'startup and liveness' ? 'they check' : 'it checks'} (path, port, timeoutSeconds), or give the app more time with initialDelaySeconds or a startupProbe; the kubelet restarts the container when it fails.`,
  },
  'readiness-probe-failing': {
    // Readiness can recover, so the clock alone never decides; the probe rule marks it conclusive once it has failed
    // for longer than the probe's own settings allow.
    policy: NEVER,
    sameCause: 'evidence',
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
