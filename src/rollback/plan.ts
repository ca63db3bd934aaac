// Decides, per workload the run applied, what the rollback does: undo to the revision recorded before the apply,
// the first-deploy policy, or nothing and why. Pure: the lead fetches the live objects and their history first and
// executes the actions after.
import { workloadId, type WorkloadKind, type WorkloadRef, isRollbackable, WORKLOADS, isWorkloadKind } from '../k8s/kinds.js';
import { type AppliedWorkload, type ObjectRef } from '../model.js';
import { controlledRevisions, revisionNumber } from '../k8s/controller-revisions.js';
import { deploymentHistory } from '../k8s/replicasets.js';
import { noRollbacker } from './kubectl-results.js';
import type { ControllerRevision, KubeObject, Workload } from '../k8s/objects.js';
import { CHANGE_CAUSE_ANNOTATION } from '../k8s/well-known.js';
import { restoreObject, scaledToZero } from './restore-object.js';
import { planUndo } from './rollbacker.js';
import { workloadRevision } from '../k8s/history.js';
import { semanticEqual } from '../k8s/semantic-equal.js';

export type RollbackScope = 'all-changed' | 'failed-only';
export type FirstDeployPolicy = 'keep' | 'scale-to-zero' | 'delete';
/** The watch's final state per workload (structurally the watch's WorkloadState). */
export type WorkloadOutcomeState = 'healthy' | 'failed' | 'timeout' | 'pending' | 'cancelled';

export interface RollbackPlanOptions {
  scope: RollbackScope;
  onFirstDeployFailure: FirstDeployPolicy;
}

export type SkipReason =
  | { reason: 'nothing-failed' }
  | { reason: 'unchanged' }
  | { reason: 'not-failed'; state: WorkloadOutcomeState | null }
  | { reason: 'deleted' }
  | { reason: 'paused' }
  | { reason: 'changed-meanwhile'; generation: number; ours: number }
  | { reason: 'not-rollbackable'; message: string }
  | { reason: 'not-scalable' }
  | { reason: 'revision-unknown' }
  | { reason: 'revision-pruned'; revision: number; available: number[]; historyLimit: number | null }
  | { reason: 'already-at-target'; revision: number; message: string }
  | { reason: 'refused'; message: string };

interface ActionBase extends WorkloadRef {
  /** The revision running now (the one this run produced), when it can be read. */
  fromRevision: number | null;
  /** The revision recorded before the apply: the rollback target. */
  toRevision: number | null;
}

export type RollbackAction =
  /** Apply `object` (this run's configuration with the previous pod template) as the gate's field manager. */
  | (ActionBase & { action: 'undo'; toRevision: number; object: KubeObject; changeCause: string | null })
  | (ActionBase & { action: 'scale-to-zero'; object: KubeObject })
  | (ActionBase & { action: 'delete' })
  | (ActionBase & { action: 'keep' })
  | (ActionBase & { action: 'skip'; skip: SkipReason });

// A cancelled wait counts as a failure: the gate only rolls back on cancel when rollback-on-cancel asks for it.
const isFailure = (state: WorkloadOutcomeState | undefined) => state === 'failed' || state === 'timeout' || state === 'cancelled';

/**
 * `current` holds each workload's live object (null once deleted; a missing entry reads as deleted), `history`
 * what its history lives in: the namespace's ReplicaSets for a Deployment, ControllerRevisions otherwise.
 * Checks run in this order, the first that applies decides: nothing failed, unchanged, not failed under failed-only,
 * deleted, paused Deployment, changed by someone else, first deploy, kind without history, unknown or pruned
 * target, template already at the target, undo.
 */
export function planRollback(
  applied: readonly AppliedWorkload[],
  outcomes: ReadonlyMap<string, WorkloadOutcomeState>,
  options: RollbackPlanOptions,
  current: ReadonlyMap<string, unknown>,
  history: ReadonlyMap<string, readonly unknown[]>,
): RollbackAction[] {
  const anyFailed = [...outcomes.values()].some(isFailure);
  return applied.map((w) => {
    const id = workloadId(w);
    const live = (current.get(id) ?? null) as Workload | null;
    const owned = history.get(id) ?? [];
    return planOne(w, { anyFailed, outcome: outcomes.get(id), live, owned, options });
  });
}

interface Context {
  anyFailed: boolean;
  outcome: WorkloadOutcomeState | undefined;
  live: Workload | null;
  owned: readonly unknown[];
  options: RollbackPlanOptions;
}

function planOne(w: AppliedWorkload, ctx: Context): RollbackAction {
  const { live, owned, options } = ctx;
  const fromRevision = live ? workloadRevision(w.kind, live, owned) : null;
  const base: ActionBase = { kind: w.kind, namespace: w.namespace, name: w.name, fromRevision, toRevision: w.revisionBefore };
  const skip = (reason: SkipReason): RollbackAction => ({ ...base, action: 'skip', skip: reason });

  if (!ctx.anyFailed) return skip({ reason: 'nothing-failed' });
  if (!w.changed) return skip({ reason: 'unchanged' });
  if (options.scope === 'failed-only' && !isFailure(ctx.outcome)) return skip({ reason: 'not-failed', state: ctx.outcome ?? null });
  if (!live) return skip({ reason: 'deleted' });
  if (w.existedBefore && w.kind === 'Deployment' && live.spec?.paused === true) return skip({ reason: 'paused' });
  const generation = live.metadata?.generation;
  // A moved generation with our template still in place is a scale (an HPA, kubectl scale): still ours to undo.
  const templateReplaced = w.templateAfter == null || !semanticEqual(live.spec?.template, w.templateAfter);
  if (w.generationAfter !== null && typeof generation === 'number' && generation > w.generationAfter && templateReplaced) {
    return skip({ reason: 'changed-meanwhile', generation, ours: w.generationAfter });
  }
  if (!w.existedBefore) return firstDeploy(w, base, options.onFirstDeployFailure, skip);
  if (!isRollbackable(w.kind)) {
    return skip({ reason: 'not-rollbackable', message: noRollbacker(w.kind).message });
  }
  // kubectl reads revision 0 as "the previous one", which is not what ran before this run.
  if (w.revisionBefore === null || w.revisionBefore <= 0) return skip({ reason: 'revision-unknown' });

  // kubectl's rollbackers choose the revision and its template; the gate applies it instead of patching (restore-object.ts).
  const step = planUndo(w.kind, live, owned, w.revisionBefore);
  if (step.outcome === 'patch') {
    return {
      ...base,
      action: 'undo',
      toRevision: w.revisionBefore,
      object: restoreObject(w.applied, step.template, step.revisionAnnotations, live),
      changeCause: step.revisionAnnotations[CHANGE_CAUSE_ANNOTATION] ?? null,
    };
  }
  if (step.outcome === 'skipped') return skip({ reason: 'already-at-target', revision: w.revisionBefore, message: step.message });
  if (step.code === 'revision-not-found') {
    return skip({
      reason: 'revision-pruned',
      revision: w.revisionBefore,
      available: availableRevisions(w.kind, live, owned),
      historyLimit: typeof live.spec?.revisionHistoryLimit === 'number' ? live.spec.revisionHistoryLimit : null,
    });
  }
  // Paused Deployments and kinds without history were turned away above; this keeps any other refusal visible.
  return skip({ reason: 'refused', message: step.message });
}

function firstDeploy(
  w: AppliedWorkload,
  base: ActionBase,
  policy: FirstDeployPolicy,
  skip: (reason: SkipReason) => RollbackAction,
): RollbackAction {
  if (policy === 'delete') return { ...base, action: 'delete' };
  if (policy === 'keep') return { ...base, action: 'keep' };
  if (!WORKLOADS[w.kind].scalable) return skip({ reason: 'not-scalable' });
  return { ...base, action: 'scale-to-zero', object: scaledToZero(w.applied) };
}

/** The revisions still in the workload's history, ascending, for the "pruned" explanation. */
export function availableRevisions(kind: WorkloadKind, live: Workload, owned: readonly unknown[]): number[] {
  const numbers =
    kind === 'Deployment'
      ? [...deploymentHistory(live, owned as Workload[]).keys()]
      : controlledRevisions(live, owned as ControllerRevision[])
          .map(revisionNumber)
          .filter((n): n is number => n !== null);
  return [...new Set(numbers)].sort((a, b) => a - b);
}

/** The objects the run changed that a rollback does not restore: everything that is not a workload. */
export function notRestoredObjects(appliedObjects: readonly (ObjectRef & { changed: boolean })[]): ObjectRef[] {
  return appliedObjects
    .filter((o) => o.changed && !isWorkloadKind(o.kind))
    .map((o) => {
      const ref: ObjectRef = { kind: o.kind, name: o.name };
      if (o.apiVersion !== undefined) ref.apiVersion = o.apiVersion;
      if (o.namespace !== undefined) ref.namespace = o.namespace;
      return ref;
    });
}
