// DaemonSets and StatefulSets with the OnDelete strategy never roll on their own, so kubectl refuses to wait for them.
// kubectl names the StatefulSet constant in both viewers; the text is the same "RollingUpdate".
import type { RolloutStatus } from './verdict.js';
import { record, text } from '../../k8s/fields.js';
import { failed } from './verdict.js';

export const ROLLING_UPDATE = 'RollingUpdate';
export const ROLLING_UPDATE_ONLY = `rollout status is only available for ${ROLLING_UPDATE} strategy type`;

/** The refusal, or null when spec.updateStrategy.type is RollingUpdate (a missing type is refused too, as in Go). */
export function refuseUnlessRollingUpdate(obj: unknown): RolloutStatus | null {
  const type = text(record(record(record(obj).spec).updateStrategy).type);
  return type === ROLLING_UPDATE ? null : failed(ROLLING_UPDATE_ONLY);
}
