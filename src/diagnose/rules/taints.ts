// Taints and tolerations, for the scheduler messages that no longer name the taint ("node(s) had untolerated
// taint(s)"): the nodes' own taints, matched against the pod's tolerations, say which one kept the pod off.
import type { Node, Taint, Toleration } from '../../k8s/objects.js';

/** Taints the node lifecycle controller and kubelet put on for a node's condition, not ones a person chose. */
export const CONDITION_TAINTS: ReadonlySet<string> = new Set([
  'node.kubernetes.io/not-ready',
  'node.kubernetes.io/unreachable',
  'node.kubernetes.io/unschedulable',
  'node.kubernetes.io/memory-pressure',
  'node.kubernetes.io/disk-pressure',
  'node.kubernetes.io/pid-pressure',
  'node.kubernetes.io/network-unavailable',
  'node.kubernetes.io/out-of-service',
  'node.cloudprovider.kubernetes.io/uninitialized',
]);

function tolerates(t: Toleration, taint: Taint): boolean {
  if (t.effect && t.effect !== taint.effect) return false;
  if (t.operator === 'Exists') return !t.key || t.key === taint.key;
  return t.key === taint.key && (t.value ?? '') === (taint.value ?? '');
}

/** Taints that keep a pod off the node: NoSchedule and NoExecute ones no toleration covers. */
export function untoleratedTaints(node: Node, tolerations: Toleration[] | undefined): Taint[] {
  return (node.spec?.taints ?? []).filter(
    (taint) => (taint.effect === 'NoSchedule' || taint.effect === 'NoExecute') && !(tolerations ?? []).some((t) => tolerates(t, taint)),
  );
}

export function formatTaint(taint: Taint): string {
  return `${taint.key ?? ''}${taint.value ? `=${taint.value}` : ''}:${taint.effect ?? ''}`;
}

export interface TaintTally {
  /** The person-made taint most nodes carry, if any. */
  taint: Taint | null;
  taintNodes: number;
  /** Nodes kept off only by condition taints (not-ready, cordoned, pressure...). */
  conditionNodes: number;
  conditionTaint: Taint | null;
}

/** Per node, the taint that matters: a person-made one wins over condition taints, which only say the node is sick. */
export function tallyUntoleratedTaints(nodes: readonly Node[], tolerations: Toleration[] | undefined): TaintTally {
  const byKey = new Map<string, { taint: Taint; nodes: number }>();
  let conditionNodes = 0;
  let conditionTaint: Taint | null = null;
  for (const node of nodes) {
    const taints = untoleratedTaints(node, tolerations);
    const chosen = taints.find((t) => !CONDITION_TAINTS.has(t.key ?? ''));
    if (chosen) {
      const key = formatTaint(chosen);
      const entry = byKey.get(key) ?? { taint: chosen, nodes: 0 };
      entry.nodes++;
      byKey.set(key, entry);
    } else if (taints.length > 0) {
      conditionNodes++;
      conditionTaint ??= taints[0];
    }
  }
  const best = [...byKey.values()].sort((a, b) => b.nodes - a.nodes)[0];
  return { taint: best?.taint ?? null, taintNodes: best?.nodes ?? 0, conditionNodes, conditionTaint };
}
