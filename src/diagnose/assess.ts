// One workload, assessed: its new revision's pods, and a draft for each reason something is wrong, from the pods
// (classified one by one, then checked for a shared bad node and for replacements failing again) and from the
// workload's own conditions and events. A pod that fails while a dependency of the same deploy is down waits for it
// (dependency-wait.ts); the dependency's own workload is judged by these same rules.
import { WORKLOADS, workloadId, type ClusterSnapshot, type LiveFacts, type WorkloadRef } from '../k8s/kinds.js';
import { classifyHolder, classifyPod, roomFreeing } from './classify-pod.js';
import { concentrateOnNode } from './concentrated.js';
import { waitForDependencies, type DependencyView } from './dependency-wait.js';
import { doomed } from './fail-fast.js';
import { eventsAbout, viewEvent, type EventView } from './events.js';
import type { Workload } from '../k8s/objects.js';
import { newRevisionOf, type NewRevision } from './new-revision.js';
import { settleRecurring } from './recurring.js';
import { WORKLOAD_RULES } from './rules/workload.js';
import type { Draft, RoomFreeing } from './rules/types.js';
import { workloadRefOf } from './workload-ref.js';
import { EMPTY_RUN, type RunContext } from './run-context.js';

export interface Assessment {
  ref: WorkloadRef;
  revision: NewRevision;
  drafts: Draft[];
}

const viewsOfSnapshot = new WeakMap<readonly unknown[], EventView[]>();
const freeingOfPods = new WeakMap<readonly unknown[], { departed: unknown; freeing: RoomFreeing[] }>();

/** Once per snapshot's pods (and departed pods), not once per workload: a wide run judges hundreds. */
function freeingOf(snapshot: ClusterSnapshot & LiveFacts): RoomFreeing[] {
  const cached = freeingOfPods.get(snapshot.pods);
  if (cached && cached.departed === snapshot.departedPods) return cached.freeing;
  const freeing = roomFreeing(snapshot.pods, snapshot.departedPods);
  freeingOfPods.set(snapshot.pods, { departed: snapshot.departedPods, freeing });
  return freeing;
}

/** Event views are built once per snapshot and shared by every workload in it. */
export function eventViews(snapshot: ClusterSnapshot): EventView[] {
  const raw = snapshot.events ?? [];
  let views = viewsOfSnapshot.get(raw);
  if (!views) viewsOfSnapshot.set(raw, (views = raw.map(viewEvent)));
  return views;
}

export function assessWorkload(
  workload: unknown,
  snapshot: ClusterSnapshot & LiveFacts,
  now: Date,
  events: EventView[] = eventViews(snapshot),
  run: RunContext = EMPTY_RUN,
): Assessment {
  const obj = (workload ?? {}) as Workload;
  const ref = workloadRefOf(obj, snapshot);
  const revision = newRevisionOf(ref.kind, obj, snapshot);
  const inputs = { events, nodes: snapshot.nodes, pvcs: snapshot.pvcs, now, run, freeing: freeingOf(snapshot) };
  // Before the node grouping, so a grouped finding keeps its cause's wait as it keeps its policy.
  const podDrafts = waitForDependencies(
    revision.pods.flatMap((p) => classifyPod(p, inputs)),
    dependencyView(snapshot, now, run, events),
  );
  const holderDrafts = (revision.holders ?? []).flatMap((p) => classifyHolder(p, inputs));
  const creator = revision.creator;
  const wctx = {
    kind: ref.kind,
    workload: obj,
    revision,
    events: eventsAbout(events, ref.kind, obj),
    creatorEvents: creator ? eventsAbout(events, revision.creatorKind, creator) : [],
    now,
    run,
  };
  const workloadDrafts = ref.kind === 'Pod' ? [] : WORKLOAD_RULES.map((rule) => rule(wctx)).filter((d): d is Draft => d !== null);
  const settled = settleRecurring(concentrateOnNode(podDrafts, revision.pods), revision.pods, revision.desired, now);
  return { ref, revision, drafts: [...settled, ...holderDrafts, ...workloadDrafts] };
}

/** The dependencies as this snapshot shows them, for dependency-wait.ts. */
export function dependencyView(snapshot: ClusterSnapshot, now: Date, run: RunContext, events = eventViews(snapshot)): DependencyView {
  return { run, pods: snapshot.pods, now, doomed: (ref) => dependencyDoomed(ref, snapshot, now, run, events) };
}

/** Per snapshot and run, the verdicts of the dependencies judged at one instant ('judging' while one is). */
const judged = new WeakMap<ClusterSnapshot, WeakMap<RunContext, { at: number; doomed: Map<string, boolean | 'judging'> }>>();

function dependencyDoomed(ref: WorkloadRef, snapshot: ClusterSnapshot, now: Date, run: RunContext, events: EventView[]): boolean {
  let byRun = judged.get(snapshot);
  if (!byRun) judged.set(snapshot, (byRun = new WeakMap()));
  let memo = byRun.get(run);
  if (!memo || memo.at !== now.getTime()) byRun.set(run, (memo = { at: now.getTime(), doomed: new Map() }));
  const id = workloadId(ref);
  const known = memo.doomed.get(id);
  // A dependency being judged depends back on the pod asking: a cycle that only waiting can resolve.
  if (known !== undefined) return known === true;
  const items: readonly { metadata?: { namespace?: string; name?: string } }[] = snapshot[WORKLOADS[ref.kind].collection];
  const workload = items.find((w) => w.metadata?.namespace === ref.namespace && w.metadata?.name === ref.name);
  if (!workload) return false;
  memo.doomed.set(id, 'judging');
  const a = assessWorkload({ ...workload, kind: ref.kind }, snapshot, now, events, run);
  const verdict = doomed(ref.kind, a.drafts, a.revision.pods, now);
  memo.doomed.set(id, verdict);
  return verdict;
}
