// The data that flows apply -> watch -> diagnose -> report -> rollback. Every stage takes and returns
// these plain shapes, so each can be tested with tables of objects and the shells stay thin.
import type { ObjectKey, WorkloadRef } from './k8s/kinds.js';
import type { WindowOutcome } from './watch/wait.js';
import type { KubeObject, ObjectRef } from './k8s/objects.js';
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
  /** The object as this run's apply sent it (images substituted, trace annotations, fields left out): a rollback
   * applies it again with the previous pod template, so it restores exactly what the run changed. */
  applied: KubeObject;
  source?: SourceLocation;
}

/**
 * A field another manager held that this deploy took over (conflicts: take-imperative takes fields written
 * imperatively; conflicts: force takes every field): who had set it, when, and the value before and after.
 */
export interface FieldTakeover {
  /** "Deployment/shop/api"; "Kind/name" for a cluster-scoped object. */
  object: string;
  /** The path as the API server names it: `.spec.template.spec.containers[name="api"].image`. */
  field: string;
  /** The value the field held (null when absent). */
  found: unknown;
  manager: string;
  /** "Update" (a write other than server-side apply) or "Apply". */
  operation: string;
  /** The subresource it was written through ("scale"), null for the object itself. */
  subresource: string | null;
  /** managedFields `time` of that owner's last write, when the server recorded one. */
  time: string | null;
  /** The value this deploy sets. */
  applied: unknown;
}

/** A field the manifest sets that the deploy left out of the apply, so its owner keeps it. */
export interface FieldLeftOut {
  object: string;
  field: string;
  /** Who keeps it: "HorizontalPodAutoscaler shop/api", or the manager that wrote it through a subresource. */
  owner: string;
  reason: 'hpa' | 'controller';
  /** The value it keeps (null when absent). */
  live: unknown;
  /** The value the manifest asked for. */
  manifest: unknown;
}

/** Something the apply noticed that a person should see, on the manifest's line when known. */
export interface ApplyNotice {
  message: string;
  source?: SourceLocation;
}

/**
 * One waited object of the run: a workload (kubectl's rules) or, with wait-for, any other object the kstatus rules
 * judge (`apiVersion` and `reason` set, revisions null, no window).
 */
export interface WorkloadResult extends ObjectKey {
  changed: boolean;
  revisionBefore: number | null;
  revisionAfter: number | null;
  /** kubectl's rule: `kubectl rollout status` would have said done; for another object: kstatus says Current. */
  done: boolean;
  /** kubectl's status text, byte for byte; for another object kstatus's message. */
  message: string;
  /** The gate's own rule on top: did the new pods stay up for min-ready afterwards? null: no window applied. */
  window?: WindowOutcome | null;
  /** Objects judged by the kstatus rules only. */
  apiVersion?: string;
  /** Objects judged by the kstatus rules only: kstatus's reason for the last verdict (`Stalled` reason...), null when Current. */
  reason?: string | null;
}

export interface RollbackWorkload extends WorkloadRef {
  fromRevision: number | null;
  toRevision: number | null;
  newRevision: number | null;
  /** An action that changes the cluster was carried out or tried (undo, scale to zero, delete); false: kept or skipped. */
  attempted: boolean;
  /** The action succeeded and, for an undo, the restored revision rolled out. */
  done: boolean;
  message: string;
  /**
   * Only after a StatefulSet forced rollback: the pods of the failed revision the rollback deleted, because the
   * controller does not replace a pod that never became Ready (OrderedReady).
   */
  deletedPods?: string[];
  /** kubernetes.io/change-cause of the revision rolled back to; null when it has none or nothing was rolled back. */
  changeCause?: string | null;
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
  /** Fields this deploy took from other managers (see `conflicts`); always present in the JSON, [] when none. */
  takeovers?: FieldTakeover[];
  /** Fields the manifests set that the deploy left to their owner (an HPA's replicas); [] when none. */
  leftOut?: FieldLeftOut[];
}
