// The data that flows apply -> watch -> diagnose -> report -> rollback. Every stage takes and returns
// these plain shapes, so each can be tested with tables of objects and the shells stay thin.
import type { WorkloadRef } from './k8s/kinds.js';
import type { WindowOutcome } from './watch/wait.js';
import type { ObjectRef } from './k8s/objects.js';
import type { EventSummary, Finding, SuspectedChange } from './diagnose/finding.js';

export type { EventSummary, Finding, ObjectRef, SuspectedChange };

/** Where a document came from, so errors and annotations can point at it. */
export interface SourceLocation {
  file: string;
  /** 0-based index of the YAML document in the file. */
  documentIndex: number;
  /** 1-based line of the document's first line. */
  line: number;
}

/** What the apply step saw and did for one workload. */
export interface AppliedWorkload extends WorkloadRef {
  changed: boolean;
  existedBefore: boolean;
  /** Deployment: deployment.kubernetes.io/revision; StatefulSet/DaemonSet: ControllerRevision number. */
  revisionBefore: number | null;
  generationBefore: number | null;
  /** metadata.generation returned by our apply: the status rules wait for observedGeneration >= this. */
  generationAfter: number | null;
  /** Pod template of the revision that ran before, for rollback and for "what changed". */
  templateBefore: unknown | null;
  /** The pod template as the server stored it after our apply (defaults filled in): the "after" of "what changed". */
  templateAfter: unknown | null;
  source?: SourceLocation;
}

export interface WorkloadResult extends WorkloadRef {
  changed: boolean;
  revisionBefore: number | null;
  revisionAfter: number | null;
  /** kubectl's rule: `kubectl rollout status` would have said done. */
  done: boolean;
  /** kubectl's status text, byte for byte. */
  message: string;
  /** The gate's own rule on top: did the new pods stay up for min-ready afterwards? null: no window applied. */
  window?: WindowOutcome | null;
}

export interface RollbackWorkload extends WorkloadRef {
  fromRevision: number | null;
  toRevision: number | null;
  newRevision: number | null;
  done: boolean;
  message: string;
}

export interface RollbackResult {
  attempted: boolean;
  workloads: RollbackWorkload[];
  /** Objects the run changed that a rollback does not restore (ConfigMaps, Secrets, Services...). */
  notRestored?: ObjectRef[];
}

export type Verdict = 'healthy' | 'failed' | 'timeout' | 'error' | 'cancelled';

export interface DeployResult {
  verdict: Verdict;
  durationMs: number;
  workloads: WorkloadResult[];
  findings: Finding[];
  rollback: RollbackResult | null;
  error: string | null;
}
