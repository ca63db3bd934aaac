// PodDisruptionBudget: kstatus pdbConditions (sigs.k8s.io/cli-utils pkg/kstatus/status/core.go) calls a PDB current
// once the disruption controller has observed its generation and computed the allowed disruptions; the generic
// generation rule has already run by then. kstatus lets a PDB without status.observedGeneration through (its check
// is skipped when the field is absent); the gate requires it, as kstatus does for DaemonSets, because the
// controller always writes it on a successful sync and only then. A sync that fails leaves it unset and records
// DisruptionAllowed=False with reason SyncFailed (pkg/controller/disruption/disruption.go failSafe): that message
// is the one worth showing. DisruptionAllowed=False for any other reason (InsufficientPods) is the budget working.
import { findCondition, joinReason, record, text } from '../../../k8s/fields.js';
import { generationNotSet } from './generation.js';
import { current, inProgress, type ObjectStatus } from './object-status.js';

export function pdbStatus(object: unknown): ObjectStatus {
  const notSet = generationNotSet(object);
  if (notSet) {
    const allowed = findCondition(record(record(object).status), 'DisruptionAllowed');
    if (allowed?.status === 'False' && allowed.reason === 'SyncFailed') {
      return inProgress('SyncFailed', joinReason('PodDisruptionBudget not synced', text(allowed.message)));
    }
    return notSet;
  }
  return current('AllowedDisruptions has been computed.');
}
