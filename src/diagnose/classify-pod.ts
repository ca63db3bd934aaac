// Why one pod of the new revision is not ready. The order matters: a dead node makes every status on it stale, a
// pod being deleted or that the kubelet ended (evicted, rejected at admission, past its deadline) says so itself, an
// unscheduled pod has no containers yet, init containers block the app containers, and only then are the app
// containers (and the pod's volumes and sandbox) looked at. A pod that is not ready past a short grace period always
// gets a finding, `unknown` if nothing else fits.
import { eventsAbout, latest, type EventView } from './events.js';
import { conditionOf, timeOf } from '../k8s/fields.js';
import { type ContainerStatus, type Node, type PersistentVolumeClaim, type Pod } from '../k8s/objects.js';
import type { DepartedPod } from '../k8s/kinds.js';
import { classifyContainer } from './rules/containers.js';
import { creatingRule, isCreating } from './rules/creating.js';
import { initContainerFailure } from './rules/init-containers.js';
import { evictionRule } from './rules/eviction.js';
import { nodeDownRule, nodePressureRule } from './rules/node.js';
import { deadlineRule, removalRule } from './rules/pod-phase.js';
import { rejectedRule } from './rules/rejected.js';
import { schedulingRule } from './rules/scheduling.js';
import { eventsOfKind } from './snapshot-index.js';
import { categorySpec } from './categories/index.js';
import { EMPTY_RUN, type RunContext } from './run-context.js';
import { draft, type ContainerContext, type Draft, type PodContext, type RoomFreeing } from './rules/types.js';

/** "A few seconds": before this a pod without evidence of trouble is just starting. */
export const QUIET_GRACE_MS = 15_000;

export interface PodInputs {
  events: EventView[];
  nodes: readonly Node[];
  pvcs: readonly PersistentVolumeClaim[];
  now: Date;
  run?: RunContext;
  /** When room on the nodes frees or freed: see roomFreeing. */
  freeing?: readonly RoomFreeing[];
}

/**
 * Room on the nodes that pods leaving them give back: a pod being deleted frees it by its deletionTimestamp (the end
 * of its grace period), one the live view saw go freed it then. A rolling update's old pods, for one.
 */
export function roomFreeing(pods: readonly Pod[], departed: readonly DepartedPod[] = []): RoomFreeing[] {
  const leaving = pods
    .filter((p) => p.metadata?.deletionTimestamp && p.spec?.nodeName)
    .map((p) => ({ at: p.metadata!.deletionTimestamp!, done: false }));
  return [...leaving, ...departed.map((d) => ({ at: d.goneAt, done: true }))];
}

export function isPodReady(pod: Pod): boolean {
  return conditionOf(pod.status?.conditions, 'Ready')?.status === 'True';
}

export function podContext(pod: Pod, inputs: PodInputs): PodContext {
  const nodeName = pod.spec?.nodeName;
  const ns = pod.metadata?.namespace ?? '';
  return {
    pod,
    events: eventsAbout(inputs.events, 'Pod', pod),
    node: nodeName ? (inputs.nodes.find((n) => n.metadata?.name === nodeName) ?? null) : null,
    nodes: inputs.nodes,
    pvcs: inputs.pvcs,
    claimEvents: eventsOfKind(inputs.events, 'PersistentVolumeClaim', ns),
    now: inputs.now,
    run: inputs.run ?? EMPTY_RUN,
    freeing: inputs.freeing ?? [],
  };
}

export function containerContext(ctx: PodContext, status: ContainerStatus, isInit: boolean): ContainerContext {
  const specs = isInit ? ctx.pod.spec?.initContainers : ctx.pod.spec?.containers;
  return {
    ...ctx,
    status,
    spec: specs?.find((c) => c.name === status.name) ?? null,
    isInit,
    containerEvents: ctx.events.filter((e) => e.container === null || e.container === status.name),
  };
}

function unknownFinding(ctx: PodContext): Draft {
  const { pod } = ctx;
  const ready = conditionOf(pod.status?.conditions, 'Ready');
  const gates = (pod.spec as { readinessGates?: { conditionType?: string }[] } | undefined)?.readinessGates ?? [];
  const unmetGates = gates.map((g) => g.conditionType ?? '').filter((t) => conditionOf(pod.status?.conditions, t)?.status !== 'True');
  const warning = latest(ctx.events.filter((e) => e.type === 'Warning'));
  const parts = [
    `Pod is ${pod.status?.phase ?? 'in an unknown phase'} and not ready`,
    ready?.message ? `(${ready.message})` : '',
    unmetGates.length ? `; readiness gates not met: ${unmetGates.join(', ')}` : '',
    warning ? `; last warning ${warning.reason}: ${warning.message}` : '',
  ];
  return draft(ctx, {
    category: 'unknown',
    reason: pod.status?.reason ?? ready?.reason ?? null,
    message: parts.filter(Boolean).join(' ').replace(' ;', ';'),
    since: ready?.lastTransitionTime ?? pod.metadata?.creationTimestamp ?? null,
  });
}

function classifyUnready(ctx: PodContext): Draft[] {
  const removal = removalRule(ctx, nodeDownRule(ctx));
  if (removal.length) return removal;
  if (ctx.pod.metadata?.deletionTimestamp) return [];
  const evicted = evictionRule(ctx);
  if (evicted.length) return evicted;
  const ended = deadlineRule(ctx) ?? rejectedRule(ctx);
  if (ended) return [ended];
  const scheduling = schedulingRule(ctx);
  if (scheduling) return [scheduling];
  const init = initContainerFailure(ctx, (status) => containerContext(ctx, status, true));
  if (init) return [init];
  const containers = (ctx.pod.status?.containerStatuses ?? [])
    .filter((s) => !s.ready)
    .map((s) => classifyContainer(containerContext(ctx, s, false)))
    .filter((d): d is Draft => d !== null);
  if (containers.length) return containers;
  const other = creatingRule(ctx) ?? nodePressureRule(ctx);
  if (other) return [other];
  // Still being created, or inside its readiness probe's start-up allowance: nothing to say yet.
  if (isCreating(ctx.pod) || stillStarting(ctx)) return [];
  return [unknownFinding(ctx)];
}

/** A running container may be unready while its readiness probe's initial delay and first failures play out. */
function stillStarting(ctx: PodContext): boolean {
  const now = ctx.now.getTime();
  return (ctx.pod.status?.containerStatuses ?? []).some((s) => {
    const started = timeOf(s.state?.running?.startedAt);
    if (s.ready || started === null) return false;
    const probe = ctx.pod.spec?.containers?.find((c) => c.name === s.name)?.readinessProbe;
    const allowanceMs = probe ? ((probe.initialDelaySeconds ?? 0) + (probe.periodSeconds ?? 10) * (probe.failureThreshold ?? 3)) * 1000 : 0;
    return now - started < Math.max(QUIET_GRACE_MS, allowanceMs);
  });
}

/**
 * Drafts for a pod of an older revision that the rollout must get past (see NewRevision.holders): only what stops it
 * from going away or becoming Ready again by itself, a lost node or a deletion that never completes.
 */
export function classifyHolder(pod: Pod, inputs: PodInputs): Draft[] {
  // A pod still Ready (a stale status, or a node that failed a moment ago) does not hold the update yet.
  if (isPodReady(pod) && !pod.metadata?.deletionTimestamp) return [];
  const ctx = podContext(pod, inputs);
  const why = '; the StatefulSet updates no further until this pod of the previous revision is Ready again or gone';
  return removalRule(ctx, nodeDownRule(ctx)).map((d) => ({ ...d, message: `${d.message}${why}` }));
}

/** Drafts for one pod of the new revision; none for a ready or finished pod, or one merely starting up. */
export function classifyPod(pod: Pod, inputs: PodInputs): Draft[] {
  if (pod.status?.phase === 'Succeeded') return [];
  if (isPodReady(pod) && !pod.metadata?.deletionTimestamp) return [];
  const ctx = podContext(pod, inputs);
  const age = inputs.now.getTime() - (timeOf(pod.metadata?.creationTimestamp) ?? inputs.now.getTime());
  return classifyUnready(ctx).filter((d) => !categorySpec(d.category).quietWhileYoung || age >= QUIET_GRACE_MS);
}
