// Pods the scheduler could not place. The scheduler's message lists every reason with its node count; the category is
// the one most nodes gave, and the finding adds what the message leaves out (which taint, how big the largest node is).
import type { Category } from '../categories/index.js';
import { latest } from '../events.js';
import { conditionOf } from '../../k8s/fields.js';
import { type Node } from '../../k8s/objects.js';
import { formatQuantity, podRequest, quantityIn } from '../quantity.js';
import { pvcNotBound } from './claims.js';
import { parseSchedulerMessage, type SchedulerReason } from './scheduler-message.js';
import { CONDITION_TAINTS, formatTaint, tallyUntoleratedTaints } from './taints.js';
import { draft, type Draft, type Evidence, type PodContext } from './types.js';
import type { CategoryPolicy } from '../categories/index.js';

type SchedulingCategory = Extract<Category, `unschedulable-${string}`>;

interface Classified {
  category: SchedulingCategory;
  nodes: number;
  evidence: Evidence;
  detail: string;
}

const TAINT_NAMED = /had (?:untolerated taint|taint) \{([^:}]*)(?::\s*([^}]*))?\}/;
const TAINT_UNNAMED = /untolerated taint\(s\)|had taints that the pod didn't tolerate/;

function classifyReason(r: SchedulerReason, ctx: PodContext): Classified[] {
  const text = r.text;
  const insufficient = /^Insufficient (\S+)$/.exec(text);
  if (insufficient || text === 'Too many pods') {
    const resource = insufficient ? insufficient[1] : 'pods';
    return [{ category: 'unschedulable-resources', nodes: r.nodes, ...resourceEvidence(resource, ctx) }];
  }
  const named = TAINT_NAMED.exec(text);
  if (named) {
    const key = named[1].trim();
    const taint = `${key}${named[2]?.trim() ? `=${named[2].trim()}` : ''}`;
    const category = CONDITION_TAINTS.has(key) ? 'unschedulable-node-condition' : 'unschedulable-taint';
    return [{ category, nodes: r.nodes, evidence: { taint, nodeCount: r.nodes }, detail: `${r.nodes} node(s) have the taint ${taint}` }];
  }
  if (TAINT_UNNAMED.test(text)) {
    const tally = tallyUntoleratedTaints(ctx.nodes, ctx.pod.spec?.tolerations);
    const out: Classified[] = [];
    if (tally.taint) {
      const taint = formatTaint(tally.taint);
      out.push({
        category: 'unschedulable-taint',
        nodes: tally.taintNodes,
        evidence: { taint, nodeCount: tally.taintNodes },
        detail: `${tally.taintNodes} node(s) have the taint ${taint}`,
      });
    }
    if (tally.conditionTaint) {
      const taint = formatTaint(tally.conditionTaint);
      out.push({
        category: 'unschedulable-node-condition',
        nodes: tally.conditionNodes,
        evidence: { taint, nodeCount: tally.conditionNodes },
        detail: `${tally.conditionNodes} node(s) have the taint ${taint}`,
      });
    }
    // Without node objects the taint stays unnamed, but the category is still known.
    return out.length
      ? out
      : [
          {
            category: 'unschedulable-taint',
            nodes: r.nodes,
            evidence: { nodeCount: r.nodes },
            detail: `${r.nodes} node(s) have a taint the pod does not tolerate`,
          },
        ];
  }
  if (
    /were unschedulable|unknown conditions|memory pressure|disk pressure|pid pressure|were not ready|network unavailable|out of disk/.test(
      text,
    )
  ) {
    return [{ category: 'unschedulable-node-condition', nodes: r.nodes, evidence: { nodeCount: r.nodes }, detail: `${r.nodes} ${text}` }];
  }
  if (/node affinity\/selector|node selector|requested node name/i.test(text)) {
    const selector = Object.entries(ctx.pod.spec?.nodeSelector ?? {})
      .map(([k, v]) => `${k}=${v}`)
      .join(',');
    return [
      {
        category: 'unschedulable-node-selector',
        nodes: r.nodes,
        evidence: { nodeCount: r.nodes, cause: selector },
        detail: `${r.nodes} ${text}`,
      },
    ];
  }
  if (/affinity rules|anti-affinity|topology spread|free ports/.test(text)) {
    return [
      { category: 'unschedulable-affinity', nodes: r.nodes, evidence: { nodeCount: r.nodes, cause: text }, detail: `${r.nodes} ${text}` },
    ];
  }
  if (/volume|persistentvolumeclaim|free storage|available disk/i.test(text)) {
    return [
      { category: 'unschedulable-volume', nodes: r.nodes, evidence: { nodeCount: r.nodes, cause: text }, detail: `${r.nodes} ${text}` },
    ];
  }
  return [];
}

function schedulable(node: Node): boolean {
  const ready = conditionOf(node.status?.conditions, 'Ready');
  return !node.spec?.unschedulable && (!ready || ready.status === 'True');
}

function resourceEvidence(resource: string, ctx: PodContext): { evidence: Evidence; detail: string } {
  const requested = podRequest(ctx.pod.spec, resource);
  const candidates = ctx.nodes.filter(schedulable).length ? ctx.nodes.filter(schedulable) : ctx.nodes;
  let largest: { node: Node; value: number } | null = null;
  for (const node of candidates) {
    const value = quantityIn(node.status?.allocatable, resource);
    if (value !== null && (!largest || value > largest.value)) largest = { node, value };
  }
  const evidence: Evidence = { resource, requested: formatQuantity(resource, requested) };
  if (resource === 'pods') return { evidence, detail: 'every node already runs as many pods as it allows' };
  if (!largest) return { evidence, detail: `the pod requests ${evidence.requested} ${resource}` };
  evidence.largest = formatQuantity(resource, largest.value);
  evidence.largestNode = largest.node.metadata?.name ?? '';
  const fits = requested <= largest.value;
  evidence.fitsLargest = fits;
  return {
    evidence,
    detail: `the pod requests ${evidence.requested} ${resource}; the largest node (${evidence.largestNode}) has ${evidence.largest} allocatable${fits ? ', so the nodes are full rather than too small' : ''}`,
  };
}

export const schedulingRule = (ctx: PodContext): Draft | null => {
  const { pod } = ctx;
  if (pod.spec?.nodeName || (pod.status?.phase !== undefined && pod.status.phase !== 'Pending')) return null;
  const cond = conditionOf(pod.status?.conditions, 'PodScheduled');
  const since = cond?.lastTransitionTime ?? pod.metadata?.creationTimestamp ?? null;
  if (cond?.status === 'False' && cond.reason === 'SchedulingGated') {
    return draft(ctx, {
      category: 'scheduling-pending',
      reason: 'SchedulingGated',
      message: cond.message || "Scheduling is blocked by the pod's scheduling gates",
      since,
    });
  }
  const lastFailure = latest(ctx.events.filter((e) => e.reason === 'FailedScheduling'));
  const message = (cond?.status === 'False' && cond.message) || lastFailure?.message || '';
  if (!message) {
    return draft(ctx, {
      category: 'scheduling-pending',
      reason: cond?.reason ?? 'Pending',
      message: 'The scheduler has not placed the pod yet',
      since,
    });
  }
  const verdict = parseSchedulerMessage(message);
  // Reasons of one category add up ("1 Insufficient cpu, 2 Insufficient memory"); the evidence comes from the largest.
  const tally = new Map<SchedulingCategory, { best: Classified; nodes: number }>();
  for (const reason of verdict.reasons) {
    for (const c of classifyReason(reason, ctx)) {
      const seen = tally.get(c.category);
      if (!seen) tally.set(c.category, { best: c, nodes: c.nodes });
      else tally.set(c.category, { best: c.nodes > seen.best.nodes ? c : seen.best, nodes: seen.nodes + c.nodes });
    }
  }
  const winner = [...tally.values()].reduce<{ best: Classified; nodes: number } | undefined>(
    (top, c) => (!top || c.nodes > top.nodes ? c : top),
    undefined,
  )?.best;
  const reason = cond?.reason || 'FailedScheduling';
  if (!winner) return draft(ctx, { category: 'unknown', reason, message: `Scheduler: ${message}`, since });
  if (winner.category === 'unschedulable-volume') {
    const claim = pvcNotBound(ctx, message, since);
    if (claim) return claim;
  }
  const scaling = scaleUpOutlook(ctx, winner.category, winner.evidence);
  return draft(ctx, {
    category: winner.category,
    reason,
    node: null,
    message: `${capitalize(winner.detail)}. Scheduler: ${message}${scaling.note}`,
    evidence: winner.evidence,
    since,
    provisional: scaling.provisional,
    conclusive: scaling.conclusive,
    policy: scaling.policy,
  });
};

/** Seconds a pod no node can fit waits for a node autoscaler to speak: one cluster-autoscaler scan (10 s) and margin. */
export const SCALE_UP_GRACE_SECONDS = 15;

/**
 * A pod no node takes may still get one: the cluster autoscaler (TriggeredScaleUp / NotTriggerScaleUp events on the
 * pod) or Karpenter (Nominated) adds nodes, often from a node group scaled to zero, and the new node may be the one
 * with the selected label, the tolerated taint or the free room. While a scale-up is under way the pod waits, whatever
 * held it back. When the autoscaler says none will come, or none speaks up within the grace and the request is larger
 * than every node, waiting for room cannot help.
 */
function scaleUpOutlook(
  ctx: PodContext,
  category: SchedulingCategory,
  evidence: Evidence,
): { note: string; provisional?: boolean; conclusive?: boolean; policy?: CategoryPolicy } {
  const triggered = latest(ctx.events.filter((e) => e.reason === 'TriggeredScaleUp' || e.reason === 'Nominated'));
  const refused = latest(ctx.events.filter((e) => e.reason === 'NotTriggerScaleUp'));
  if (triggered && (!refused || triggered.lastSeenMs >= refused.lastSeenMs)) {
    return { note: `; a node is being added: ${triggered.message}`, provisional: true };
  }
  if (category !== 'unschedulable-resources') return { note: refused ? `; no scale-up: ${refused.message}` : '' };
  if (evidence.fitsLargest !== false) return { note: refused ? `; no scale-up: ${refused.message}` : '' };
  if (refused) return { note: `; no scale-up: ${refused.message}`, conclusive: true };
  return {
    note: '; no node can ever fit it and no scale-up is in sight',
    policy: { fatal: 'after-seconds', seconds: SCALE_UP_GRACE_SECONDS },
  };
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
