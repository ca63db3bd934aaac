// What the wait loop asks about a workload. The rules themselves (kubectl's status, the diagnosis) are wired in by the
// shells' composition (src/judge.ts), so the loop never imports the diagnosis it is handed.
import type { Finding } from '../diagnose/finding.js';
import type { ClusterSnapshot, ObjectKey, WorkloadRef } from '../k8s/kinds.js';
import type { KubeObject, Workload } from '../k8s/objects.js';
import type { ObjectStatus, ObjectStatusOptions } from './status/generic/index.js';
import type { RolloutStatus } from './status/verdict.js';

export interface Judge {
  status(workload: Workload): RolloutStatus;
  /** The error means waiting longer cannot help (progress deadline exceeded, job failed...). */
  terminal(status: RolloutStatus): boolean;
  /** Fail fast: true when every new pod has a fatal finding (or pods cannot be created). */
  doomed(workload: Workload, snapshot: ClusterSnapshot, now: Date): boolean;
  findings(workload: Workload, snapshot: ClusterSnapshot, now: Date): Finding[];
  /** A change that may make a workload doomed: diagnosed after `alarmingEveryMs` rather than `diagnoseEveryMs`. */
  alarming?(obj: unknown): boolean;
  /** The gate's stability window after kubectl's rule says done (absent: kubectl's rule alone decides). */
  window?: WindowJudge;
  /** Facts worth a note whatever the verdict (never fatal): a ReplicationController whose pods kept an older template. */
  notes?(workload: Workload, snapshot: ClusterSnapshot, now: Date): Finding[];
  /** The rules for the other objects the run waits for (wait-for): kstatus, with the diagnosis on top. */
  objects?: ObjectJudge;
}

/** What the wait asks about an object that is not a workload. */
export interface ObjectJudge {
  status(obj: unknown, options: ObjectStatusOptions): ObjectStatus;
  /** What explains a verdict that is not current (a Stalled condition, a claim's provisioning events); fatal ones end its wait. */
  findings(ref: ObjectKey, obj: KubeObject, status: ObjectStatus, context: ObjectContext): Finding[];
}

export interface ObjectContext {
  /** Events of the object's namespace (either Event API), as the live store holds them. */
  events: readonly unknown[];
  now: Date;
  storageClasses?: readonly unknown[];
}

export type WindowVerdict =
  { state: 'stable'; note?: string } | { state: 'waiting'; untilMs: number } | { state: 'broken'; what: string; findings: Finding[] };

export interface WindowJudge {
  /** Remembers the new pods as they are when kubectl's rule says done; the state is the judge's own. */
  open(ref: WorkloadRef, workload: Workload, snapshot: ClusterSnapshot, nowMs: number): unknown;
  judge(ref: WorkloadRef, workload: Workload, snapshot: ClusterSnapshot, state: unknown, now: Date, minReadyMs: number): WindowVerdict;
}
