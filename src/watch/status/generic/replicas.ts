// ReplicaSet: kstatus replicasetConditions (sigs.k8s.io/cli-utils pkg/kstatus/status/core.go). The gate also
// requires status.observedGeneration, so a count read before the controller's first sync is not taken as final.
// (A ReplicationController, which kstatus has no rule for, is a workload kind: ../replication-controller.ts.)
// ReplicaFailure (pod creation refused: quota, admission) stays in progress as in kstatus, since the quota can
// free up; the condition's own reason and message are added so the report shows why.
import { findCondition, int, joinReason, optionalInt, record, text } from '../../../k8s/fields.js';
import { generationNotSet } from './generation.js';
import { current, inProgress, type ObjectStatus } from './object-status.js';

export function replicasStatus(object: unknown): ObjectStatus {
  const notSet = generationNotSet(object);
  if (notSet) return notSet;

  const obj = record(object);
  const kind = text(obj.kind);
  const status = record(obj.status);
  const failure = findCondition(status, 'ReplicaFailure');
  if (failure?.status === 'True') {
    const detail = joinReason(text(failure.reason), text(failure.message));
    return inProgress('ReplicaFailure', joinReason('Replica Failure condition. Check Pods', detail));
  }

  // The controllers treat an absent spec.replicas as 1 (the API server defaults it anyway).
  const desired = optionalInt(record(obj.spec).replicas) ?? 1;
  const replicas = int(status.replicas);
  const labelled = int(status.fullyLabeledReplicas);
  const available = int(status.availableReplicas);
  const ready = int(status.readyReplicas);
  if (desired > labelled) return inProgress('LessLabelled', `Labelled: ${labelled}/${desired}`);
  if (desired > available) return inProgress('LessAvailable', `Available: ${available}/${desired}`);
  if (desired > ready) return inProgress('LessReady', `Ready: ${ready}/${desired}`);
  if (replicas > desired) return inProgress('ExtraPods', `Pending termination: ${replicas - desired}`);
  return current(`${kind} is available. Replicas: ${replicas}`);
}
