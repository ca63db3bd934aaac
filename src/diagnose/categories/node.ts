// The machine under the pod is the problem, not the template.
import { after, type CategorySpec } from './spec.js';

export const NODE_CATEGORIES = {
  'node-not-ready': {
    policy: after(60),
    phrase: 'is stuck on a node that is not Ready',
    logs: 'none',
    perNode: true,
    hint: (d) => {
      const node = d.node ?? 'the node';
      return `Repair node ${node} (check the kubelet with systemctl status kubelet and the machine itself), or drain it (kubectl drain ${node} --ignore-daemonsets) so its pods are recreated elsewhere.`;
    },
  },
  'node-runtime-down': {
    policy: after(60),
    phrase: "is stuck: the node's container runtime is down",
    logs: 'none',
    perNode: true,
    hint: (d) =>
      `Restart or repair the container runtime and CNI on node ${d.node ?? 'the node'} (systemctl status containerd, the CNI pods there), or cordon and drain it so the pods run elsewhere.`,
  },
  'node-concentrated': {
    // Never decided on its own: it is reported beside each per-pod cause on the node and judged by that cause's policy
    // (see ../concentrated.ts). The causes carry the logs.
    policy: { fatal: 'never' },
    phrase: 'fails on one node only',
    logs: 'none',
    perNode: true,
    hint: (d) => {
      const node = d.node ?? 'the node';
      return `Cordon node ${node} (kubectl cordon ${node}) and keep the workload off it with a nodeAffinity on kubernetes.io/hostname NotIn [${node}] while the node is repaired; the same pods are Ready elsewhere.`;
    },
  },
} satisfies Record<string, CategorySpec>;
