// What `plan` returns: for every object what the apply would do to it (create, change with the fields, unchanged, or
// refused), the failures the deploy would meet (findings of the registry's categories, marked predicted), risks that
// are not failures, and what the plan could not check. The JSON shape is a public contract (README, "Plan").
import type { Finding } from '../diagnose/finding.js';
import type { WorkloadRef } from '../k8s/kinds.js';
import type { KubeObject, Pod, Workload } from '../k8s/objects.js';
import type { SourceLocation } from '../model.js';

export type PlanAction = 'create' | 'change' | 'unchanged' | 'refused';

/** One field the apply would change; values rendered short. A Secret's values are never shown: `hidden` is set. */
export interface FieldChange {
  path: string;
  before: string | null;
  after: string | null;
  hidden?: true;
}

export interface ObjectPlan {
  apiVersion: string;
  kind: string;
  namespace?: string;
  name: string;
  action: PlanAction;
  changes: FieldChange[];
  /** Why the object was not dry-run, or what the API server answered when it refused it. */
  note?: string;
  source?: SourceLocation;
}

/** A finding of the deploy's shape, predicted before anything is applied. */
export interface PredictedFinding extends Finding {
  predicted: true;
}

export type RiskKind =
  'limit-lowered' | 'replicas-lowered' | 'probe-removed' | 'max-unavailable-raised' | 'env-removed' | 'image-tag-latest';

/** A change that will roll out but may hurt: worth a reviewer's look, never a predicted failure. */
export interface RiskNote {
  kind: RiskKind;
  /** "Deployment/ns/name" */
  object: string;
  field: string;
  before: string | null;
  after: string | null;
  message: string;
}

export type PlanVerdict = 'clean' | 'will-fail' | 'error';

export interface PlanSummary {
  create: number;
  change: number;
  unchanged: number;
  refused: number;
}

export interface PlanResult {
  mode: 'plan';
  verdict: PlanVerdict;
  durationMs: number;
  summary: PlanSummary;
  objects: ObjectPlan[];
  findings: PredictedFinding[];
  risks: RiskNote[];
  /** What the plan could not check, and secrets it expects other objects to create. */
  notes: string[];
  error: string | null;
}

/** A pod of the new template sent to the API server as a dry run: what admission says about the real pods. */
export type PodPreview = { state: 'admitted'; pod: Pod } | { state: 'refused'; message: string } | { state: 'skipped'; reason: string };

/** A workload as the checks see it: what runs now, what the apply would store, and the pod preview. */
export interface PlannedWorkload {
  ref: WorkloadRef;
  action: PlanAction;
  live: Workload | null;
  /** The dry-run result (server defaults filled in), or the manifest when it could not be dry-run. */
  after: Workload;
  /** True when the pod template is new or differs from the live one: the deploy starts new pods. */
  templateChanged: boolean;
  preview: PodPreview;
  /** The API server's Warning headers on the dry run (PodSecurity "would violate" among them). */
  warnings: string[];
  source?: SourceLocation;
}

/** One object of the deploy after its dry run: what runs now, what the apply would store, or why it would not. */
export interface DryRunObject {
  apiVersion: string;
  kind: string;
  namespace?: string;
  name: string;
  /** The object as the manifest has it (after image substitution and namespace resolution). */
  manifest: KubeObject;
  live: KubeObject | null;
  /** The dry-run result; null when it was refused or skipped. */
  after: KubeObject | null;
  refused?: { status: number; message: string };
  /** Why it was not dry-run (its namespace or CRD comes with this deploy). */
  skipped?: string;
  warnings: string[];
  source?: SourceLocation;
}

/** What the plan read from the cluster for its checks. A key that is absent was not readable. */
export interface ClusterFacts {
  /** "Kind/namespace/name" -> the object, or null when it does not exist. */
  objects: Map<string, KubeObject | null>;
  nodes: KubeObject[] | null;
  /** Per namespace; a namespace that is absent could not be read. */
  quotas: Map<string, KubeObject[]>;
}

export function objectKey(kind: string, namespace: string | undefined, name: string): string {
  return `${kind}/${namespace ?? ''}/${name}`;
}

/** What one check found: predicted failures, and notes about what it could not decide. */
export interface CheckOutput {
  findings: PredictedFinding[];
  notes: string[];
}
