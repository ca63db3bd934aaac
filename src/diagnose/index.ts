// The diagnosis API the shells call: findings for one workload or a whole snapshot, the fail-fast verdict, the text
// rendering, and the helpers the live edge needs for logs.
import type { Finding } from './finding.js';
import { assessWorkload, eventViews, type Assessment } from './assess.js';
import { isPodReady } from './classify-pod.js';
import { doomed, livePods } from './fail-fast.js';
import { toFinding } from './finding.js';
import type { KubeObject, Workload } from '../k8s/objects.js';
import { newRevisionOf } from './new-revision.js';
import { podsOfOlderTemplate, stalePodsDraft } from './rules/stale-pods.js';
import { workloadRefOf } from './workload-ref.js';
import { WORKLOAD_KINDS, WORKLOADS, type ClusterSnapshot } from '../k8s/kinds.js';
import { hasNoController } from '../k8s/owners.js';
import { compareFindings, mergeDiagnosed, type Diagnosed } from './merge.js';
import type { RunContext } from './run-context.js';
import { DEFAULT_POLICY, type FailFastPolicy } from './categories/index.js';

export interface DiagnoseOptions {
  policy?: FailFastPolicy;
  /** What the deploy brings that may still resolve a failure (see run-context.ts); none offline. */
  run?: RunContext;
}

function findingsOf(a: Assessment, now: Date, options: DiagnoseOptions): Diagnosed[] {
  const total = Math.max(a.revision.desired, a.revision.pods.length);
  const ready = livePods(a.ref.kind, a.revision.pods).filter(isPodReady).length;
  const isNew = new Set<unknown>(a.revision.pods);
  return a.drafts.map((d) => ({
    finding: toFinding(d, a.ref, {
      now,
      policy: options.policy,
      // A pod of an older revision that holds the rollout counts against the replicas wanted.
      podTotal: d.pod && isNew.has(d.pod) ? a.revision.pods.length : total,
      affected: d.pod ? undefined : Math.max(0, total - ready),
    }),
    // A node-concentrated finding groups every cause on its node (concentrated.ts): it merges as itself.
    cause: d.category,
    evidence: d.evidence.cause ?? null,
  }));
}

/** Merged findings for one workload (a Deployment, StatefulSet, DaemonSet, Job or Pod as the API returns it). */
export function diagnoseWorkload(workload: unknown, snapshot: ClusterSnapshot, now: Date, options: DiagnoseOptions = {}): Finding[] {
  return mergeDiagnosed(findingsOf(assessWorkload(workload, snapshot, now, eventViews(snapshot), options.run), now, options));
}

/** True when waiting longer cannot help: see fail-fast.ts. */
export function isDoomed(workload: unknown, snapshot: ClusterSnapshot, now: Date, options: DiagnoseOptions = {}): boolean {
  const a = assessWorkload(workload, snapshot, now, eventViews(snapshot), options.run);
  return doomed(a.ref.kind, a.drafts, a.revision.pods, now, options.policy ?? DEFAULT_POLICY);
}

/**
 * Facts about a workload worth a note whatever its verdict, never fatal: a ReplicationController whose pods still
 * run an older template (it does not replace them; rules/stale-pods.ts).
 */
export function workloadNotes(workload: unknown, snapshot: ClusterSnapshot, now: Date): Finding[] {
  const obj = (workload ?? {}) as Workload;
  const ref = workloadRefOf(obj, snapshot);
  if (ref.kind !== 'ReplicationController') return [];
  const pods = newRevisionOf(ref.kind, obj, snapshot).pods.filter((p) => !p.metadata?.deletionTimestamp);
  const draft = stalePodsDraft(obj, pods);
  if (!draft) return [];
  const stale = podsOfOlderTemplate(obj, pods).length;
  return [{ ...toFinding(draft, ref, { now, podTotal: pods.length }), count: `${stale}/${pods.length} pods` }];
}

/** Every workload in the snapshot, for the offline CLI: Deployments, StatefulSets, DaemonSets, Jobs and bare Pods. */
export function diagnoseSnapshot(snapshot: ClusterSnapshot, now: Date, options: DiagnoseOptions = {}): Finding[] {
  const events = eventViews(snapshot);
  const findings = WORKLOAD_KINDS.flatMap((kind) => {
    const items: readonly KubeObject[] = snapshot[WORKLOADS[kind].collection];
    return items
      .filter((w) => kind !== 'Pod' || hasNoController(w))
      .flatMap((w) => mergeDiagnosed(findingsOf(assessWorkload({ ...w, kind }, snapshot, now, events), now, options)));
  });
  return findings.sort(compareFindings);
}

export { snapshotFromDump, emptySnapshot, DumpParseError, type ClusterSnapshot } from './snapshot.js';
export { renderFindingsText } from './render-text.js';
export { redactSecrets } from './redact.js';
export { logSourceFor, withLogs, LOG_TAIL_LINES, type LogSource } from './log-source.js';
export { isFatal } from './policy.js';
export { DEFAULT_POLICY, type FailFastPolicy, type CategoryPolicy } from './categories/index.js';
export { CATEGORIES, type Category } from './categories/index.js';
export { doomed } from './fail-fast.js';
export { isAlarming } from './alarming.js';
export { mergeFindings } from './merge.js';
export { runContextOf, EMPTY_RUN, type RunContext } from './run-context.js';
export { openWindow, judgeWindow, type StabilityWindow } from './stability.js';
export { assessWorkload, type Assessment } from './assess.js';
export { diagnoseObject, type ObjectVerdict, type ObjectInputs } from './object-findings.js';
