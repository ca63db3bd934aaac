// kubectl's DaemonSetStatusViewer. It ignores --revision: kubectl says DaemonSets have no history for it to check.
import type { RolloutStatus } from './verdict.js';
import { int, nameOf, record } from '../../k8s/fields.js';
import { goQuote } from '../../k8s/go-quote.js';
import { refuseUnlessRollingUpdate } from './rolling-update-only.js';
import { rolledOut, waiting } from './verdict.js';

export function daemonSetStatus(daemonSet: unknown): RolloutStatus {
  const refusal = refuseUnlessRollingUpdate(daemonSet);
  if (refusal) return refusal;

  const obj = record(daemonSet);
  const status = record(obj.status);
  if (int(record(obj.metadata).generation) > int(status.observedGeneration)) {
    return waiting('Waiting for daemon set spec update to be observed...');
  }
  const name = goQuote(nameOf(daemonSet));
  const desired = int(status.desiredNumberScheduled);
  const updated = int(status.updatedNumberScheduled);
  const available = int(status.numberAvailable);
  if (updated < desired) {
    return waiting(`Waiting for daemon set ${name} rollout to finish: ${updated} out of ${desired} new pods have been updated...`);
  }
  if (available < desired) {
    return waiting(`Waiting for daemon set ${name} rollout to finish: ${available} of ${desired} updated pods are available...`);
  }
  return rolledOut(`daemon set ${name} successfully rolled out`);
}
