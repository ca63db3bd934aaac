// kubectl rollout status, as pure functions of plain API objects: one rule file per kind, chosen like kubectl does.
import type { RolloutStatus } from './verdict.js';
import type { WorkloadKind } from '../../k8s/kinds.js';
import { failed } from './verdict.js';
import { groupKindOf, viewerFor } from './viewer-for.js';

export { daemonSetStatus } from './daemonset.js';
export { deploymentStatus, PROGRESS_DEADLINE_EXCEEDED } from './deployment.js';
export { jobStatus } from './job.js';
export { podStatus } from './pod.js';
export { replicationControllerStatus } from './replication-controller.js';
export { statefulSetStatus } from './statefulset.js';
export { isTerminalError } from './terminal.js';

// kubectl validates --revision before it looks at any object.
function invalidRevision(revision: number): RolloutStatus | null {
  return Number.isInteger(revision) && revision >= 0 ? null : failed(`revision must be a positive integer: ${revision}`);
}

/** The verdict for one object, dispatched on its apiVersion group and kind. `revision` only matters for Deployments. */
export function rolloutStatus(obj: unknown, revision = 0): RolloutStatus {
  const refused = invalidRevision(revision);
  if (refused) return refused;
  const viewer = viewerFor(groupKindOf(obj));
  return 'error' in viewer ? failed(viewer.error) : viewer(obj, revision);
}

/** The same, for a caller that already knows the kind (list items arrive without kind and apiVersion). */
export function rolloutStatusFor(kind: WorkloadKind, obj: unknown, revision = 0): RolloutStatus {
  const refused = invalidRevision(revision);
  if (refused) return refused;
  // The group is left open so the kind alone decides; a kind outside the union (an untyped caller) still gets
  // kubectl's refusal instead of a TypeError.
  const viewer = viewerFor({ group: null, kind });
  return 'error' in viewer ? failed(viewer.error) : viewer(obj, revision);
}
