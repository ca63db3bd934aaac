// Pods the kubelet evicted (phase Failed, reason Evicted). Two findings when the node ran short of a resource and
// still says so: `evicted` on the pod, with the threshold, what was available and the container that used the most,
// and `node-pressure` on the node (MemoryPressure, DiskPressure or PIDPressure True). A pod evicted for its own limit
// (ephemeral storage, an emptyDir's sizeLimit) is `evicted` alone: the node is fine. One eviction is not conclusive: the
// controller replaces the pod; it is fatal only once replacements keep being evicted (see ../recurring.ts).
import { conditionOf } from '../../k8s/fields.js';
import { PRESSURE_CONDITIONS, pressureConditionOf } from '../../k8s/nodes.js';
import type { Condition } from '../../k8s/objects.js';
import { describeEviction, parseEvictionMessage, type EvictionFacts } from './eviction-message.js';
import { draft, type Draft, type PodContext } from './types.js';

/** When the kubelet failed the pod: its DisruptionTarget condition, else the Ready condition it turned False. */
export function failedAt(ctx: PodContext): string | null {
  const conditions = ctx.pod.status?.conditions;
  return (
    conditionOf(conditions, 'DisruptionTarget')?.lastTransitionTime ??
    (conditionOf(conditions, 'Ready')?.status === 'False' ? conditionOf(conditions, 'Ready')?.lastTransitionTime : undefined) ??
    ctx.pod.status?.startTime ??
    ctx.pod.metadata?.creationTimestamp ??
    null
  );
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** The node's pressure conditions that are True and match what the eviction says the node was short of. */
function pressureOn(ctx: PodContext, facts: EvictionFacts): Condition[] {
  const wanted = new Set<string>(facts.conditions);
  const low = facts.lowOn ? pressureConditionOf(facts.lowOn) : null;
  if (low) wanted.add(low);
  return PRESSURE_CONDITIONS.filter((t) => wanted.has(t))
    .map((t) => conditionOf(ctx.node?.status?.conditions, t))
    .filter((c): c is Condition => c?.status === 'True');
}

export function evictionRule(ctx: PodContext): Draft[] {
  const status = ctx.pod.status ?? {};
  if (status.phase !== 'Failed' || status.reason !== 'Evicted') return [];
  const node = ctx.pod.spec?.nodeName ?? 'the node';
  const raw = status.message ?? '';
  const facts = parseEvictionMessage(raw);
  const at = failedAt(ctx);
  const resource = facts.lowOn ?? facts.conditions[0] ?? (facts.limit ? 'its own limit' : 'unknown');
  const top = facts.consumers[0];
  const evicted = draft(ctx, {
    category: 'evicted',
    reason: 'Evicted',
    message: describeEviction(facts, raw),
    evidence: {
      resource,
      cause: facts.limit ?? undefined,
      requested: top?.request || undefined,
      container: top?.kind === 'container' ? top.name : undefined,
      usage: top?.usage,
    },
    container: top?.kind === 'container' ? top.name : null,
    since: at,
    repeats: { key: `evicted:${facts.limit ? 'limit' : resource}`, deterministic: false, at },
  });
  if (facts.limit) return [evicted];
  const pressure = pressureOn(ctx, facts);
  if (pressure.length === 0) return [evicted];
  const first = pressure[0];
  return [
    evicted,
    draft(ctx, {
      category: 'node-pressure',
      reason: str(first.reason) ?? str(first.type) ?? null,
      message: `Node ${node} reports ${pressure.map((c) => `${c.type}${c.message ? ` (${c.message})` : ''}`).join(', ')}: the kubelet evicts pods there and the scheduler keeps new ones away`,
      evidence: { resource, pressure: pressure.map((c) => c.type ?? '').join(', ') },
      since: str(first.lastTransitionTime) ?? null,
      events: [],
    }),
  ];
}
