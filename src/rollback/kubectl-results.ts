// What a kubectl rollbacker decides, as data: the patch to send, a skip, or a refusal. The texts are kubectl's
// own (k8s.io/kubectl pkg/polymorphichelpers/rollback.go), so `undo` prints what `kubectl rollout undo` prints.
import type { WorkloadKind } from '../k8s/kinds.js';

export const ROLLBACK_SUCCESS = 'rolled back';
export const ROLLBACK_SKIPPED = 'skipped rollback';

export const JSON_PATCH = 'application/json-patch+json';
export const STRATEGIC_MERGE_PATCH = 'application/strategic-merge-patch+json';
export const MERGE_PATCH = 'application/merge-patch+json';

export type RollbackErrorCode = 'revision-not-found' | 'no-history' | 'no-last-revision' | 'paused' | 'no-rollbacker';

export type RollbackStep =
  /** Send `patch` (JSON.stringify it) with `contentType`; on success kubectl prints `message`. */
  | {
      outcome: 'patch';
      revision: number;
      contentType: string;
      patch: unknown;
      template: unknown;
      /** The annotations of the ReplicaSet or ControllerRevision rolled back to (its change-cause among them). */
      revisionAnnotations: Record<string, string>;
      message: string;
    }
  | { outcome: 'skipped'; revision: number; message: string }
  | RollbackRefusal;

export interface RollbackRefusal {
  outcome: 'error';
  code: RollbackErrorCode;
  message: string;
}

export function revisionNotFound(toRevision: number): RollbackStep {
  return { outcome: 'error', code: 'revision-not-found', message: `unable to find specified revision ${toRevision} in history` };
}

// kubectl formats the number it was given, so `--to-revision 0` skips with "matches revision 0": kept as is.
export function alreadyMatches(toRevision: number, resolved: number): RollbackStep {
  return {
    outcome: 'skipped',
    revision: resolved,
    message: `${ROLLBACK_SKIPPED} (current template already matches revision ${toRevision})`,
  };
}

export function noDeploymentHistory(name: string): RollbackStep {
  return { outcome: 'error', code: 'no-history', message: `no rollout history found for deployment ${JSON.stringify(name)}` };
}

export const NO_LAST_REVISION: RollbackStep = { outcome: 'error', code: 'no-last-revision', message: 'no last revision to roll back to' };

// The refusal reads exactly like kubectl's, which names the command without the object.
export const PAUSED_REFUSAL: RollbackStep = {
  outcome: 'error',
  code: 'paused',
  message: "you cannot rollback a paused deployment; resume it first with 'kubectl rollout resume' and try again",
};

const KIND_GROUPS: Record<WorkloadKind, string> = {
  Deployment: 'apps',
  StatefulSet: 'apps',
  DaemonSet: 'apps',
  Job: 'batch',
  Pod: '',
  ReplicationController: '',
};

/** kubectl's answer for kinds without history (GroupKind.String(): "Job.batch", "Pod"). */
export function noRollbacker(kind: WorkloadKind): RollbackRefusal {
  const group = KIND_GROUPS[kind];
  const message = `no rollbacker has been implemented for ${JSON.stringify(group ? `${kind}.${group}` : kind)}`;
  return { outcome: 'error', code: 'no-rollbacker', message };
}

const RESOURCE_NAMES: Partial<Record<WorkloadKind, string>> = {
  Deployment: 'deployment.apps',
  StatefulSet: 'statefulset.apps',
  DaemonSet: 'daemonset.apps',
};

/** The line `kubectl rollout undo` prints for a result: "deployment.apps/web rolled back". */
export function undoOutputLine(kind: WorkloadKind, name: string, message: string): string {
  const resource = RESOURCE_NAMES[kind] ?? kind.toLowerCase();
  return `${resource}/${name} ${message}`;
}

/** kubectl prints errors with an "error: " prefix (cmdutil.CheckErr). */
export function undoErrorLine(message: string): string {
  return `error: ${message}`;
}
