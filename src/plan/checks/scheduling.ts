// Pods no node can ever take. Per node, the first filter of the default scheduler profile that rejects the pod
// (pkg/scheduler/apis/config/v1/default_plugins.go: NodeUnschedulable, TaintToleration, NodeAffinity, then
// NodeResourcesFit), counted like the scheduler's "0/3 nodes are available: ..." message; the category is the one
// most nodes gave, as the deploy's scheduling rule picks it. Only what cannot change by waiting is used: taints,
// labels, cordons and a request larger than a node's allocatable; a node that is merely full is not predicted.
// DaemonSets place one pod per eligible node by themselves, so for them only the size of each eligible node counts.
import type { Category } from '../../diagnose/categories/index.js';
import type { Evidence } from '../../diagnose/rules/types.js';
import { formatQuantity, podRequest, quantityIn } from '../../diagnose/quantity.js';
import { CONDITION_TAINTS, formatTaint, untoleratedTaints } from '../../diagnose/rules/taints.js';
import { describeNodeSelection, nodeSelectorMatches } from '../../k8s/node-affinity.js';
import type { Node, PodSpec } from '../../k8s/objects.js';
import { predict } from '../predict.js';
import type { CheckOutput, PlannedWorkload } from '../types.js';
import { newPodSpec, podCount, subjectOf } from '../workload-facts.js';
import type { CheckContext } from './context.js';

type Placement = Extract<
  Category,
  'unschedulable-resources' | 'unschedulable-taint' | 'unschedulable-node-selector' | 'unschedulable-node-condition'
>;

interface Rejection {
  category: Placement;
  /** The scheduler's words for the reason, which also order equal counts as its message does. */
  text: string;
  evidence: Evidence;
}

const UNSCHEDULABLE_TAINT = { key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' };

function resourcesOf(spec: PodSpec): string[] {
  const names = new Set<string>();
  for (const c of [...(spec.initContainers ?? []), ...(spec.containers ?? [])])
    for (const list of [c.resources?.requests, c.resources?.limits]) for (const r of Object.keys(list ?? {})) names.add(r);
  return [...names];
}

/** The resource the pod asks more of than the node has at all, if any. */
function tooBig(node: Node, spec: PodSpec): Rejection | null {
  for (const resource of resourcesOf(spec)) {
    const requested = podRequest(spec, resource);
    const allocatable = quantityIn(node.status?.allocatable, resource);
    if (requested <= 0 || requested <= (allocatable ?? 0)) continue;
    return {
      category: 'unschedulable-resources',
      text: `Insufficient ${resource}`,
      evidence: { resource, requested: formatQuantity(resource, requested) },
    };
  }
  return null;
}

export function rejection(node: Node, spec: PodSpec): Rejection | null {
  if (node.spec?.unschedulable && untoleratedTaints({ spec: { taints: [UNSCHEDULABLE_TAINT] } }, spec.tolerations).length)
    return {
      category: 'unschedulable-node-condition',
      text: 'node(s) were unschedulable',
      evidence: { taint: formatTaint(UNSCHEDULABLE_TAINT) },
    };
  const taints = untoleratedTaints(node, spec.tolerations);
  const chosen = taints.find((t) => !CONDITION_TAINTS.has(t.key ?? '')) ?? taints[0];
  if (chosen) {
    const condition = CONDITION_TAINTS.has(chosen.key ?? '');
    return {
      category: condition ? 'unschedulable-node-condition' : 'unschedulable-taint',
      text: 'node(s) had untolerated taint(s)',
      evidence: { taint: formatTaint(chosen) },
    };
  }
  if (!nodeSelectorMatches(node, spec))
    return {
      category: 'unschedulable-node-selector',
      text: "node(s) didn't match Pod's node affinity/selector",
      evidence: { cause: describeNodeSelection(spec) },
    };
  return tooBig(node, spec);
}

export function schedulingCheck(ctx: CheckContext): CheckOutput {
  const out: CheckOutput = { findings: [], notes: [] };
  const nodes = ctx.facts.nodes as Node[] | null;
  const relevant = ctx.workloads.filter((w) => w.templateChanged && newPodSpec(w));
  if (!nodes) {
    if (relevant.length) out.notes.push('could not list nodes: whether the new pods fit any node was not checked (grant list on nodes)');
    return out;
  }
  if (nodes.length === 0) return out;
  for (const w of relevant) {
    const spec = newPodSpec(w)!;
    const finding = w.ref.kind === 'DaemonSet' ? daemonSetFit(w, spec, nodes) : fit(w, spec, nodes);
    if (finding) out.findings.push(finding);
  }
  return out;
}

function fit(w: PlannedWorkload, spec: PodSpec, nodes: Node[]) {
  const rejections: Rejection[] = [];
  for (const node of nodes) {
    const r = rejection(node, spec);
    if (!r) return null;
    rejections.push(r);
  }
  const tally = new Map<string, { r: Rejection; nodes: number }>();
  for (const r of rejections) {
    const key = `${r.category}|${r.text}`;
    const entry = tally.get(key) ?? { r, nodes: 0 };
    entry.nodes++;
    tally.set(key, entry);
  }
  // The scheduler prints "N reason" sorted as text; the deploy's rule takes the first largest count.
  const ordered = [...tally.values()].sort((a, b) => `${a.nodes} ${a.r.text}`.localeCompare(`${b.nodes} ${b.r.text}`));
  const winner = ordered.reduce((best, e) => (e.nodes > best.nodes ? e : best));
  const parts = ordered.map((e) => `${e.nodes} ${e.r.text}`).join(', ');
  const evidence: Evidence = { ...winner.r.evidence, nodeCount: winner.nodes };
  if (winner.r.category === 'unschedulable-resources') Object.assign(evidence, largestNode(spec, nodes, evidence.resource ?? 'cpu'));
  return predict({
    category: winner.r.category,
    subject: subjectOf(w),
    pods: podCount(w.after) ?? undefined,
    reason: 'FailedScheduling',
    evidence,
    message: `No node can run the new pods: 0/${nodes.length} nodes are available: ${parts}${detail(winner.r, evidence)}`,
  });
}

function detail(r: Rejection, e: Evidence): string {
  if (r.category === 'unschedulable-resources')
    return `. The pod requests ${e.requested} ${e.resource}; the largest node (${e.largestNode}) has ${e.largest} allocatable`;
  if (r.category === 'unschedulable-node-selector') return `. The pod selects ${e.cause}`;
  return e.taint ? `. ${e.nodeCount} node(s) have the taint ${e.taint}` : '';
}

function largestNode(spec: PodSpec, nodes: Node[], resource: string): Evidence {
  let best: { node: Node; value: number } | null = null;
  for (const node of nodes) {
    const value = quantityIn(node.status?.allocatable, resource) ?? 0;
    if (!best || value > best.value) best = { node, value };
  }
  return best
    ? {
        largest: formatQuantity(resource, best.value),
        largestNode: best.node.metadata?.name ?? '',
        fitsLargest: podRequest(spec, resource) <= best.value,
      }
    : {};
}

function daemonSetFit(w: PlannedWorkload, spec: PodSpec, nodes: Node[]) {
  const eligible = nodes.filter((n) => untoleratedTaints(n, spec.tolerations).length === 0 && nodeSelectorMatches(n, spec));
  const small = eligible.map((n) => ({ node: n, r: tooBig(n, spec) })).filter((x) => x.r !== null);
  if (small.length === 0) return null;
  const first = small[0].r!;
  const evidence: Evidence = { ...first.evidence, ...largestNode(spec, nodes, first.evidence.resource ?? 'cpu'), nodeCount: small.length };
  const names = small.map((x) => x.node.metadata?.name ?? '').join(', ');
  return predict({
    category: 'unschedulable-resources',
    subject: subjectOf(w),
    pods: small.length,
    reason: 'FailedScheduling',
    evidence,
    message: `The DaemonSet's pod requests ${evidence.requested} ${evidence.resource}, more than node(s) ${names} have allocatable: its pods there stay Pending`,
  });
}
