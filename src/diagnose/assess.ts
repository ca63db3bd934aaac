// One workload, assessed: its new revision's pods, and a draft for each reason something is wrong, from the pods
// (classified one by one, then checked for a shared bad node) and from the workload's own conditions and events.
import type { WorkloadRef } from '../k8s/kinds.js';
import { classifyPod } from './classify-pod.js';
import { concentrateOnNode } from './concentrated.js';
import { eventsAbout, viewEvent, type EventView } from './events.js';
import type { Workload } from '../k8s/objects.js';
import { newRevisionOf, type NewRevision } from './new-revision.js';
import { WORKLOAD_RULES } from './rules/workload.js';
import type { Draft } from './rules/types.js';
import type { ClusterSnapshot } from './snapshot.js';
import { workloadRefOf } from './workload-ref.js';
import { EMPTY_RUN, type RunContext } from './run-context.js';

export interface Assessment {
  ref: WorkloadRef;
  revision: NewRevision;
  drafts: Draft[];
}

const viewsOfSnapshot = new WeakMap<readonly unknown[], EventView[]>();

/** Event views are built once per snapshot and shared by every workload in it. */
export function eventViews(snapshot: ClusterSnapshot): EventView[] {
  const raw = snapshot.events ?? [];
  let views = viewsOfSnapshot.get(raw);
  if (!views) viewsOfSnapshot.set(raw, (views = raw.map(viewEvent)));
  return views;
}

export function assessWorkload(
  workload: unknown,
  snapshot: ClusterSnapshot,
  now: Date,
  events: EventView[] = eventViews(snapshot),
  run: RunContext = EMPTY_RUN,
): Assessment {
  const obj = (workload ?? {}) as Workload;
  const ref = workloadRefOf(obj, snapshot);
  const revision = newRevisionOf(ref.kind, obj, snapshot);
  const inputs = { events, nodes: snapshot.nodes, pvcs: snapshot.pvcs, now, run };
  const podDrafts = revision.pods.flatMap((p) => classifyPod(p, inputs));
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
  return { ref, revision, drafts: [...concentrateOnNode(podDrafts, revision.pods), ...workloadDrafts] };
}
