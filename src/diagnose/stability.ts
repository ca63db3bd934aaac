// The gate's own rule on top of kubectl's: green means the new pods stayed up. Once kubectl's rule says a workload is
// done, its new-revision pods must each be Ready, without a restart, for `min-ready`, counted from each pod's own
// Ready transition. A restart, a failed pod, or a Ready -> not-Ready transition inside the window breaks it: the
// release that kubectl would call green crashes seconds later (a process that dies two seconds after it starts, with
// no readiness probe, is Ready for those two seconds). One exception: a crash while a dependency of the same deploy
// is down (dependency-wait.ts) is how an app and its database come up together, not a broken release; the window
// then starts again for that pod, which must come back Ready and stay so.
import type { ClusterSnapshot, WorkloadKind, WorkloadRef } from '../k8s/kinds.js';
import { conditionOf, timeOf } from '../k8s/fields.js';
import type { ContainerStatus, Pod, Workload } from '../k8s/objects.js';
import { dependencyView, eventViews } from './assess.js';
import { dependencyWait, type DependencyView } from './dependency-wait.js';
import { EMPTY_RUN, type RunContext } from './run-context.js';
import { classifyPod, containerContext, isPodReady, podContext, type PodInputs } from './classify-pod.js';
import { toFinding, type Finding } from './finding.js';
import { mergeFindings } from './merge.js';
import { newRevisionOf } from './new-revision.js';
import { classifyTermination } from './rules/terminated.js';
import type { Draft } from './rules/types.js';

/** What the window remembers between looks: each new pod's restarts and readiness when it opened. */
export interface StabilityWindow {
  openedAtMs: number;
  pods: Map<string, { restarts: number; ready: boolean }>;
  /** When this gate first saw each pod Ready: bounds a cluster clock that runs ahead of ours. */
  firstSeenReady: Map<string, number>;
  /** Pods whose window started again because they crashed while a dependency was down: pod uid -> that dependency. */
  restartedWaiting: Map<string, string>;
}

export type StabilityVerdict =
  /** `note`: what happened on the way ("2/2 new pods restarted while Service db (Deployment shop/db) was not up"). */
  { state: 'stable'; note?: string } | { state: 'waiting'; untilMs: number } | { state: 'broken'; what: string; findings: Finding[] };

const uidOf = (pod: Pod) => pod.metadata?.uid ?? `${pod.metadata?.namespace}/${pod.metadata?.name}`;

function restartsOf(pod: Pod): number {
  return [...(pod.status?.initContainerStatuses ?? []), ...(pod.status?.containerStatuses ?? [])].reduce(
    (n, s) => n + (s.restartCount ?? 0),
    0,
  );
}

/** The new revision's pods that are not being deleted; a Failed one stays in view: it broke the window. */
function newPods(kind: WorkloadKind, workload: Workload, snapshot: ClusterSnapshot): Pod[] {
  return newRevisionOf(kind, workload, snapshot).pods.filter((p) => !p.metadata?.deletionTimestamp);
}

export function openWindow(kind: WorkloadKind, workload: Workload, snapshot: ClusterSnapshot, nowMs: number): StabilityWindow {
  const pods = new Map<string, { restarts: number; ready: boolean }>();
  const firstSeenReady = new Map<string, number>();
  for (const pod of newPods(kind, workload, snapshot)) {
    pods.set(uidOf(pod), { restarts: restartsOf(pod), ready: isPodReady(pod) });
    if (isPodReady(pod)) firstSeenReady.set(uidOf(pod), nowMs);
  }
  return { openedAtMs: nowMs, pods, firstSeenReady, restartedWaiting: new Map() };
}

type Break = { pod: Pod; how: string; drafts: Draft[] };

/**
 * The container that ended (terminated now, or restarted since), classified by that termination as the crash it is;
 * otherwise whatever the pod's diagnosis says.
 */
function terminationDrafts(pod: Pod, inputs: PodInputs, fallback: string): { how: string; drafts: Draft[] } {
  const ctx = podContext(pod, inputs);
  const statuses: [ContainerStatus, boolean][] = [
    ...(pod.status?.initContainerStatuses ?? []).map((s): [ContainerStatus, boolean] => [s, true]),
    ...(pod.status?.containerStatuses ?? []).map((s): [ContainerStatus, boolean] => [s, false]),
  ];
  for (const [status, isInit] of statuses) {
    const ended = status.state?.terminated ?? ((status.restartCount ?? 0) > 0 ? status.lastState?.terminated : undefined);
    if (!ended) continue;
    const draft = classifyTermination(containerContext(ctx, status, isInit), ended, false);
    if (!draft) continue;
    const how = draft.category === 'oom-killed' ? 'were OOM-killed' : `crashed (exit ${ended.exitCode ?? 'unknown'})`;
    return { how, drafts: [{ ...draft, provisional: false, conclusive: true }] };
  }
  return { how: fallback, drafts: classifyPod(pod, inputs).map((d) => ({ ...d, provisional: false, conclusive: true })) };
}

/** A break every draft of which waits for a dependency: the pod's window starts again from what it is now. */
function waitsForDependency(b: Break, window: StabilityWindow, view: DependencyView): boolean {
  const why = b.drafts.map((d) => dependencyWait(d, view));
  if (b.drafts.length === 0 || why.some((w) => w === null)) return false;
  const service = /Service (\S+ \([^)]*\))/.exec(why[0] ?? '')?.[1];
  window.restartedWaiting.set(uidOf(b.pod), service ? `Service ${service}` : 'a dependency');
  window.pods.set(uidOf(b.pod), { restarts: restartsOf(b.pod), ready: isPodReady(b.pod) });
  window.firstSeenReady.delete(uidOf(b.pod));
  return true;
}

function breakOf(pod: Pod, window: StabilityWindow, inputs: PodInputs, view: DependencyView): Break | null {
  const found = rawBreakOf(pod, window, inputs);
  return found && !waitsForDependency(found, window, view) ? found : null;
}

function rawBreakOf(pod: Pod, window: StabilityWindow, inputs: PodInputs): Break | null {
  const before = window.pods.get(uidOf(pod));
  if (restartsOf(pod) > (before?.restarts ?? 0)) return { pod, ...terminationDrafts(pod, inputs, 'restarted') };
  if (pod.status?.phase === 'Failed') {
    return {
      pod,
      how: `failed (${pod.status.reason ?? 'phase Failed'})`,
      drafts: classifyPod(pod, inputs).map((d) => ({ ...d, conclusive: true })),
    };
  }
  if (before?.ready && !isPodReady(pod)) return { pod, ...terminationDrafts(pod, inputs, 'stopped being ready') };
  return null;
}

/** "3/3 new pods crashed (exit 1)", "1/3 new pods stopped being ready, 1/3 new pods were OOM-killed". */
function describeBreaks(breaks: Break[], total: number): string {
  const byHow = new Map<string, number>();
  for (const b of breaks) byHow.set(b.how, (byHow.get(b.how) ?? 0) + 1);
  return [...byHow].map(([how, n]) => `${n}/${total} new pod${total === 1 ? '' : 's'} ${how}`).join(', ');
}

/** When the pod turned Ready: the cluster's transition time, unless this gate saw it Ready earlier (clock skew). */
function readySince(pod: Pod, window: StabilityWindow, nowMs: number): number {
  const uid = uidOf(pod);
  if (!window.firstSeenReady.has(uid)) window.firstSeenReady.set(uid, nowMs);
  const transition = timeOf(conditionOf(pod.status?.conditions, 'Ready')?.lastTransitionTime);
  const seen = window.firstSeenReady.get(uid)!;
  // The API records the transition in whole seconds: it happened up to a second after the stamp. Counting from the
  // stamp would end the window up to a second short of min-ready.
  return transition === null ? seen : Math.min(transition + 999, seen);
}

/**
 * Judges the window at `now`. `window` records when this gate first saw each pod Ready (it is updated here). A pod
 * created after the window opened (a replacement, a scale-up) must become Ready and stay so like the others. `run`:
 * the deploy's Services and configuration, for a crash that waits for a dependency.
 */
export function judgeWindow(
  ref: WorkloadRef,
  workload: Workload,
  snapshot: ClusterSnapshot,
  window: StabilityWindow,
  now: Date,
  minReadyMs: number,
  run: RunContext = EMPTY_RUN,
): StabilityVerdict {
  const pods = newPods(ref.kind, workload, snapshot);
  const inputs: PodInputs = { events: eventViews(snapshot), nodes: snapshot.nodes, pvcs: snapshot.pvcs, now, run };
  const view = dependencyView(snapshot, now, run, inputs.events);
  const breaks = pods.map((p) => breakOf(p, window, inputs, view)).filter((b): b is Break => b !== null);
  if (breaks.length > 0) {
    const total = Math.max(pods.length, window.pods.size);
    const drafts = breaks.flatMap((b) => b.drafts);
    const findings = mergeFindings(drafts.map((d) => toFinding(d, ref, { now, podTotal: total })));
    return { state: 'broken', what: describeBreaks(breaks, total), findings };
  }
  const nowMs = now.getTime();
  let untilMs = nowMs;
  for (const pod of pods) {
    if (!isPodReady(pod)) return { state: 'waiting', untilMs: nowMs + minReadyMs };
    untilMs = Math.max(untilMs, readySince(pod, window, nowMs) + minReadyMs);
  }
  if (untilMs > nowMs) return { state: 'waiting', untilMs };
  return window.restartedWaiting.size === 0 ? { state: 'stable' } : { state: 'stable', note: restartNote(window, pods.length) };
}

function restartNote(window: StabilityWindow, total: number): string {
  const waitedFor = [...new Set(window.restartedWaiting.values())].join(', ');
  const n = window.restartedWaiting.size;
  return `${n}/${Math.max(total, n)} new pod${total === 1 ? '' : 's'} restarted while ${waitedFor} was not up yet`;
}
