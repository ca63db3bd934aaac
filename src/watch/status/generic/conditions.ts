// The rules every kind shares, ported from sigs.k8s.io/cli-utils pkg/kstatus/status: checkGenericProperties
// (generic.go) runs before any kind's own rule, and checkReadyCondition (status.go) runs after, only for kinds
// without one. Both read the "abnormal-true" conditions Reconciling and Stalled, then the widely used Ready.
import { findCondition, joinReason, record, text } from '../../../k8s/fields.js';
import { latestGenerationNotObserved, staleCondition } from './generation.js';
import { current, failed, inProgress, type ObjectStatus } from './object-status.js';

/** Deletion, an unobserved generation, Reconciling=True and Stalled=True decide before any kind's own rule. */
export function genericProperties(object: unknown): ObjectStatus | null {
  const obj = record(object);
  if (text(record(obj.metadata).deletionTimestamp) !== '') return inProgress('Terminating', 'Resource scheduled for deletion');

  const notObserved = latestGenerationNotObserved(object);
  if (notObserved) return notObserved;

  const status = record(obj.status);
  // kstatus takes whichever of the two comes first in the list. A controller that still says it is reconciling may
  // yet converge, so here it wins over Stalled wherever it sits: a wait that times out is better than a false red.
  const reconciling = findCondition(status, 'Reconciling');
  if (reconciling?.status === 'True') {
    const reason = text(reconciling.reason);
    return inProgress(reason, text(reconciling.message) || joinReason('Reconciling', reason));
  }
  const stalled = findCondition(status, 'Stalled');
  if (stalled?.status === 'True') {
    // A stall recorded for an older generation may be fixed by the spec just applied.
    const stale = staleCondition(object, stalled);
    if (stale) return stale;
    const reason = text(stalled.reason);
    return failed(reason, joinReason('Stalled', reason, text(stalled.message)));
  }
  return null;
}

/** The Ready condition, for kinds without a rule of their own; null when there is none to read. */
export function readyCondition(object: unknown): ObjectStatus | null {
  const ready = findCondition(record(record(object).status), 'Ready');
  if (!ready) return null;
  const state = text(ready.status);
  if (state === 'True') return staleCondition(object, ready) ?? current('Resource is Ready');
  // kstatus cannot tell a Ready=False that is making progress from one that is doomed, so both wait.
  if (state === 'False' || state === 'Unknown') {
    const reason = text(ready.reason);
    return inProgress(reason, text(ready.message) || joinReason(`Ready: ${state}`, reason));
  }
  return null;
}

/** kstatus's last word on a resource it has no rule and no conditions for. */
export function resourceIsCurrent(): ObjectStatus {
  return current('Resource is current');
}
