// kubectl's DeploymentStatusViewer (pkg/polymorphichelpers/rollout_status.go), rule for rule and text for text.
import type { RolloutStatus } from './verdict.js';
import { findCondition, int, nameOf, optionalInt, record, text } from '../../k8s/fields.js';
import { goQuote } from '../../k8s/go-quote.js';
import { readRevision } from '../../k8s/revision.js';
import { failed, rolledOut, waiting } from './verdict.js';

/** deploymentutil.TimedOutReason: the controller gave up after spec.progressDeadlineSeconds. */
export const PROGRESS_DEADLINE_EXCEEDED = 'ProgressDeadlineExceeded';

export function deploymentStatus(deployment: unknown, revision = 0): RolloutStatus {
  const name = goQuote(nameOf(deployment));
  if (revision > 0) {
    const running = readRevision(deployment);
    if ('error' in running) return failed(`cannot get the revision of deployment ${name}: ${running.error}`);
    if (running.revision !== revision) {
      return failed(`desired revision (${revision}) is different from the running revision (${running.revision})`);
    }
  }

  const obj = record(deployment);
  const status = record(obj.status);
  if (int(record(obj.metadata).generation) > int(status.observedGeneration)) {
    return waiting('Waiting for deployment spec update to be observed...');
  }
  // Only the reason counts: the controller leaves the condition's status False with this reason once it gives up.
  if (text(findCondition(status, 'Progressing')?.reason) === PROGRESS_DEADLINE_EXCEEDED) {
    return failed(`deployment ${name} exceeded its progress deadline`);
  }
  const desired = optionalInt(record(obj.spec).replicas);
  const updated = int(status.updatedReplicas);
  const replicas = int(status.replicas);
  const available = int(status.availableReplicas);
  if (desired !== undefined && updated < desired) {
    return waiting(`Waiting for deployment ${name} rollout to finish: ${updated} out of ${desired} new replicas have been updated...`);
  }
  if (replicas > updated) {
    return waiting(`Waiting for deployment ${name} rollout to finish: ${replicas - updated} old replicas are pending termination...`);
  }
  if (available < updated) {
    return waiting(`Waiting for deployment ${name} rollout to finish: ${available} of ${updated} updated replicas are available...`);
  }
  return rolledOut(`deployment ${name} successfully rolled out`);
}
