// The report's sentence for each workload's rollback, and the RollbackResult the JSON output and summary carry.
import { workloadId, type WorkloadRef } from '../k8s/kinds.js';
import { type ObjectRef, type RollbackResult, type RollbackWorkload } from '../model.js';
import type { RollbackAction, SkipReason } from './plan.js';

/** What happened when the lead carried an action out. */
export interface RollbackExecution {
  /** The API call succeeded and, for an undo, the rollback's rollout completed. */
  done: boolean;
  /** The revision the controller gave the restored template, read after the rollout (workloadRevision). */
  newRevision: number | null;
  /** Why it did not complete: the API error, or the rollout status message when the wait failed. */
  error: string | null;
  /** Pods deleted to get a StatefulSet off the failed revision (forced rollback, see forced.ts). */
  deletedPods?: string[];
}

function resumeCommand(ref: WorkloadRef): string {
  const namespace = ref.namespace ? ` -n ${ref.namespace}` : '';
  return `kubectl rollout resume ${ref.kind.toLowerCase()}/${ref.name}${namespace}`;
}

export function skipMessage(ref: WorkloadRef, skip: SkipReason): string {
  switch (skip.reason) {
    case 'nothing-failed':
      return 'not rolled back: no workload failed';
    case 'unchanged':
      return 'not rolled back: unchanged by this run';
    case 'not-failed': {
      const state = skip.state === 'healthy' ? 'healthy' : skip.state === 'pending' ? 'still in progress, not failed' : 'not failed';
      return `not rolled back: ${state} (rollback-scope: failed-only)`;
    }
    case 'deleted':
      return 'not rolled back: deleted during the run';
    case 'paused':
      return `not rolled back: paused; resume it first with '${resumeCommand(ref)}'`;
    case 'changed-meanwhile':
      return `not rolled back: changed by someone else during the run (generation ${skip.generation}, this run's apply made ${skip.ours})`;
    case 'not-rollbackable':
      // An RC's template is the only copy: nothing to go back to, and its pods would not follow anyway.
      if (ref.kind === 'ReplicationController')
        return `not restored: a ReplicationController keeps no revision history, so it keeps the template this run applied (${skip.message}); move it to a Deployment to get rollbacks`;
      return `not rolled back: a ${ref.kind} has no rollout history (${skip.message})`;
    case 'not-scalable':
      return `first deploy: a ${ref.kind} cannot be scaled to zero; kept as is`;
    case 'revision-unknown':
      return 'not rolled back: the revision before this run is unknown';
    case 'revision-pruned': {
      const limit = skip.historyLimit === null ? '' : `revisionHistoryLimit ${skip.historyLimit}; `;
      const kept = skip.available.length > 0 ? `revisions kept: ${skip.available.join(', ')}` : 'no revisions kept';
      return `not rolled back: revision ${skip.revision} is no longer in the history (${limit}${kept})`;
    }
    case 'already-at-target':
      return `not rolled back: current template already matches revision ${skip.revision}`;
    case 'refused':
      return `not rolled back: ${skip.message}`;
  }
}

function undoMessage(toRevision: number, execution: RollbackExecution | undefined): string {
  const target = `the template of revision ${toRevision}`;
  if (!execution) return `will roll back to ${target}`;
  if (execution.done) return `rolled back to ${target}${execution.newRevision === null ? '' : `, now revision ${execution.newRevision}`}`;
  return `rollback to ${target} ${execution.error ? `failed: ${execution.error}` : 'did not complete'}`;
}

function firstDeployMessage(
  planned: string,
  done: string,
  failed: string,
  policy: string,
  execution: RollbackExecution | undefined,
): string {
  if (!execution) return `first deploy: ${planned} (on-first-deploy-failure: ${policy})`;
  if (execution.done) return `first deploy: ${done} (on-first-deploy-failure: ${policy})`;
  return `first deploy: ${failed} ${execution.error ? `failed: ${execution.error}` : 'did not complete'}`;
}

/** The sentence for one workload; without `execution` it describes the plan ("will roll back to ..."). */
export function rollbackMessage(action: RollbackAction, execution?: RollbackExecution): string {
  switch (action.action) {
    case 'undo':
      return undoMessage(action.toRevision, execution);
    case 'scale-to-zero':
      return firstDeployMessage('will scale to 0 replicas', 'scaled to 0 replicas', 'scaling to 0 replicas', 'scale-to-zero', execution);
    case 'delete':
      return firstDeployMessage('will delete it', 'deleted', 'delete', 'delete', execution);
    case 'keep':
      return 'first deploy: kept as is (on-first-deploy-failure: keep)';
    case 'skip':
      return skipMessage(action, action.skip);
  }
}

/** Actions that change the cluster; only they can be `done`. */
export function isExecutable(action: RollbackAction): boolean {
  return action.action === 'undo' || action.action === 'scale-to-zero' || action.action === 'delete';
}

export function toRollbackWorkload(action: RollbackAction, execution?: RollbackExecution): RollbackWorkload {
  return {
    kind: action.kind,
    namespace: action.namespace,
    name: action.name,
    fromRevision: action.fromRevision,
    toRevision: action.toRevision,
    newRevision: action.action === 'undo' ? (execution?.newRevision ?? null) : null,
    attempted: isExecutable(action) && execution !== undefined,
    done: isExecutable(action) && execution?.done === true,
    message: rollbackMessage(action, execution),
    ...(execution?.deletedPods?.length ? { deletedPods: [...execution.deletedPods] } : {}),
    changeCause: action.action === 'undo' ? action.changeCause : null,
  };
}

/** `executions` is keyed by workloadId; `attempted` is true once any action changed (or tried to change) the cluster. */
export function toRollbackResult(
  actions: readonly RollbackAction[],
  executions: ReadonlyMap<string, RollbackExecution>,
  notRestored: readonly ObjectRef[],
): RollbackResult {
  return {
    attempted: actions.some(isExecutable),
    workloads: actions.map((a) => toRollbackWorkload(a, executions.get(workloadId(a)))),
    notRestored: [...notRestored],
  };
}
