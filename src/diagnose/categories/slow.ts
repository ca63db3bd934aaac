// Probably just slow: reported so a pending rollout is never without a reason, never fatal on its own.
import { NEVER, podName, registryOf, type CategorySpec } from './spec.js';

export const SLOW_CATEGORIES = {
  'image-pull-transient': {
    sameCause: 'evidence',
    policy: NEVER,
    phrase: 'is still pulling its image',
    logs: 'none',
    nodeSensitive: true,
    hint: (d) =>
      `Retry, or check ${registryOf(d.evidence.image)}'s availability and the nodes' network and DNS; for 429 rate limits authenticate pulls or use a mirror.`,
  },
  'config-cache-sync': {
    policy: NEVER,
    phrase: 'is waiting for a ConfigMap or Secret to reach the node',
    logs: 'none',
    nodeSensitive: true,
    hint: (d) => `Usually clears by itself; if it persists, check the kubelet's connection to the API server on ${d.node ?? 'the node'}.`,
  },
  'init-container-waiting': {
    policy: NEVER,
    phrase: 'is waiting for an init container',
    logs: 'running',
    quietWhileYoung: true,
    hint: (d, w) => {
      const init = d.evidence.initContainer ?? '';
      return `Check what init container ${init} waits for (kubectl logs ${podName(d, w)} -c ${init} -n ${w.namespace}): usually a service or database that is not up.`;
    },
  },
  'container-creating-slow': {
    policy: NEVER,
    phrase: 'is slow to create its containers',
    logs: 'none',
    nodeSensitive: true,
    quietWhileYoung: true,
    hint: (d, w) =>
      `Read the pod's events (kubectl describe pod ${podName(d, w)} -n ${w.namespace}): a large image pull or a slow volume attach usually explains it.`,
  },
  'scheduling-pending': {
    policy: NEVER,
    phrase: 'is waiting to be scheduled',
    logs: 'none',
    quietWhileYoung: true,
    hint: () =>
      'If it stays Pending, check that the scheduler named in schedulerName is running and that no scheduling gate is left on the pod.',
  },
  unknown: {
    policy: NEVER,
    phrase: 'is not ready for a reason not recognised',
    logs: 'last-ended',
    nodeSensitive: true,
    quietWhileYoung: true,
    hint: (d, w) =>
      `Run kubectl describe pod ${podName(d, w)} -n ${w.namespace} and read the latest Warning events; the gate did not recognise this situation.`,
  },
} satisfies Record<string, CategorySpec>;
