// kstatus calls a resource with no status at all "current" (status.go: nothing to go on), which is also how every
// custom resource looks in the moment between its apply and its controller's first write: a CR that will stall
// reads as current until the controller gets to it, and a wait that looks then passes it. So an object the run just
// created or changed, of a kind without a rule of its own, that has no status yet, is given a moment for its
// controller to write one (the caller decides how long: the stability window, min-ready). The rule stays kstatus's
// after that: an object whose controller never writes a status (a ServiceMonitor) is current.
import { isEmptyValue } from '../../../k8s/semantic-equal.js';
import { record } from '../../../k8s/fields.js';
import { groupKindOf } from '../viewer-for.js';
import { kindRule } from './kinds.js';
import { inProgress, type ObjectStatus } from './object-status.js';

/** True while the object has no status and nothing but its status could say more than "current". */
export function awaitsFirstStatus(object: unknown): boolean {
  return kindRule(groupKindOf(object)) === undefined && isEmptyValue(record(object).status);
}

export function noStatusYet(kind: string): ObjectStatus {
  return inProgress('NoStatus', `${kind} has no status yet: waiting for its controller to report`);
}
