// The diagnosis API the shells call: findings for one workload or a whole snapshot, the fail-fast verdict, the text
// rendering, and the helpers the live edge needs for logs.
import type { Finding } from './finding.js';
import { assessWorkload, eventViews, type Assessment } from './assess.js';
import { isPodReady } from './classify-pod.js';
import { doomed, livePods } from './fail-fast.js';
import { toFinding } from './finding.js';
import type { KubeObject } from '../k8s/objects.js';
import { WORKLOAD_KINDS, WORKLOADS, type ClusterSnapshot } from '../k8s/kinds.js';
import { hasNoController } from '../k8s/owners.js';
import { mergeFindings, compareFindings } from './merge.js';
import type { RunContext } from './run-context.js';
import { DEFAULT_POLICY, type FailFastPolicy } from './categories/index.js';

export interface DiagnoseOptions {
  policy?: FailFastPolicy;
  /** What the deploy brings that may still resolve a failure (see run-context.ts); none offline. */
  run?: RunContext;
}

function findingsOf(a: Assessment, now: Date, options: DiagnoseOptions): Finding[] {
  const total = Math.max(a.revision.desired, a.revision.pods.length);
  const ready = livePods(a.ref.kind, a.revision.pods).filter(isPodReady).length;
  return a.drafts.map((d) =>
    toFinding(d, a.ref, {
      now,
      policy: options.policy,
      podTotal: d.pod ? a.revision.pods.length : total,
      affected: d.pod ? undefined : Math.max(0, total - ready),
    }),
  );
}

/** Merged findings for one workload (a Deployment, StatefulSet, DaemonSet, Job or Pod as the API returns it). */
export function diagnoseWorkload(workload: unknown, snapshot: ClusterSnapshot, now: Date, options: DiagnoseOptions = {}): Finding[] {
  return mergeFindings(findingsOf(assessWorkload(workload, snapshot, now, eventViews(snapshot), options.run), now, options));
}

/** True when waiting longer cannot help: see fail-fast.ts. */
export function isDoomed(workload: unknown, snapshot: ClusterSnapshot, now: Date, options: DiagnoseOptions = {}): boolean {
  const a = assessWorkload(workload, snapshot, now, eventViews(snapshot), options.run);
  return doomed(a.ref.kind, a.drafts, a.revision.pods, now, options.policy ?? DEFAULT_POLICY);
}

/** Every workload in the snapshot, for the offline CLI: Deployments, StatefulSets, DaemonSets, Jobs and bare Pods. */
export function diagnoseSnapshot(snapshot: ClusterSnapshot, now: Date, options: DiagnoseOptions = {}): Finding[] {
  const events = eventViews(snapshot);
  const findings = WORKLOAD_KINDS.flatMap((kind) => {
    const items: readonly KubeObject[] = snapshot[WORKLOADS[kind].collection];
    return items
      .filter((w) => kind !== 'Pod' || hasNoController(w))
      .flatMap((w) => mergeFindings(findingsOf(assessWorkload({ ...w, kind }, snapshot, now, events), now, options)));
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
