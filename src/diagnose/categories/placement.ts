// It does not fit anywhere: the scheduler cannot place the pod, or its claim cannot be bound.
import { after, type CategorySpec } from './spec.js';

export const PLACEMENT_CATEGORIES = {
  'unschedulable-resources': {
    policy: after(60),
    phrase: 'cannot be scheduled: not enough CPU or memory',
    logs: 'none',
    hint: (d) => {
      const e = d.evidence;
      if (e.resource === 'pods') return "Every node is at its pod limit: add nodes or raise the kubelet's maxPods.";
      if (e.fitsLargest === false) {
        return `Lower requests.${e.resource} to at most ${e.largest} (node ${e.largestNode}'s allocatable) or add bigger nodes; no node can ever fit ${e.requested}.`;
      }
      return `The nodes are full: lower requests.${e.resource} (now ${e.requested ?? 'unknown'}), scale down other workloads or add nodes.`;
    },
  },
  'unschedulable-node-selector': {
    policy: after(60),
    phrase: 'cannot be scheduled: no node matches its node selector',
    logs: 'none',
    hint: (d) =>
      `Make the pod's nodeSelector/nodeAffinity${d.evidence.cause ? ` (${d.evidence.cause})` : ''} match labels some node has (kubectl get nodes --show-labels), or label a node to match.`,
  },
  'unschedulable-taint': {
    policy: after(60),
    phrase: "cannot be scheduled: it tolerates no free node's taints",
    logs: 'none',
    hint: (d) =>
      d.evidence.taint
        ? `Add a toleration for ${d.evidence.taint} to the pod template, or remove that taint from the nodes if it is no longer wanted.`
        : "Add a toleration for the nodes' taints (kubectl describe nodes | grep Taints) to the pod template, or remove the taints.",
  },
  'unschedulable-node-condition': {
    policy: after(60),
    phrase: 'cannot be scheduled: no node is ready for pods',
    logs: 'none',
    hint: (d) =>
      `The nodes do not accept pods${d.evidence.taint ? ` (${d.evidence.taint})` : ''}: uncordon them (kubectl uncordon NODE), repair the NotReady or pressured ones, or add healthy nodes.`,
  },
  'unschedulable-volume': {
    policy: after(60),
    phrase: 'cannot be scheduled: its volumes cannot be placed',
    logs: 'none',
    hint: (d) =>
      `Make the pod's volumes usable from a schedulable node (${d.evidence.cause ?? 'see the message'}): check the PersistentVolume's zone or node affinity and the StorageClass's volumeBindingMode.`,
  },
  'unschedulable-affinity': {
    policy: after(60),
    phrase: 'cannot be scheduled: no node satisfies its affinity rules',
    logs: 'none',
    hint: (d) =>
      `Relax the pod (anti-)affinity, topologySpreadConstraints or hostPort that no node satisfies (${d.evidence.cause ?? 'see the message'}), or add nodes that satisfy them.`,
  },
  'pvc-not-bound': {
    policy: after(60),
    phrase: 'is waiting for a PersistentVolumeClaim to be bound',
    logs: 'none',
    hint: (d, w) =>
      d.evidence.cause === 'missing'
        ? `Create PersistentVolumeClaim ${d.evidence.pvc} in namespace ${w.namespace} or fix claimName in the pod template.`
        : `Make PersistentVolumeClaim ${d.evidence.pvc} bind: check its StorageClass and provisioner (kubectl describe pvc ${d.evidence.pvc} -n ${w.namespace}).`,
  },
} satisfies Record<string, CategorySpec>;
