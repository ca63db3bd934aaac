// Which errors end the wait for a workload. The rules return plain texts (the model keeps kubectl's shape), so this
// recognises them by their fixed parts; status.test.ts checks every recogniser against the rules' real output.
import type { RolloutStatus } from './verdict.js';
import { ROLLING_UPDATE_ONLY } from './rolling-update-only.js';

const QUOTED = '"(?:[^"\\\\]|\\\\.)*"';

// Each of these only repeats itself if watched longer: the controller has given up, the object has reached a
// terminal phase, the strategy never rolls, or the caller asked for something kubectl would refuse outright.
const FINAL: readonly RegExp[] = [
  new RegExp(`^deployment ${QUOTED} exceeded its progress deadline$`),
  new RegExp(`^job ${QUOTED} failed(?:: |$)`),
  new RegExp(`^pod ${QUOTED} failed(?:: |$)`),
  /^no status viewer has been implemented for /,
  /^revision must be a positive integer: /,
];

const REVISION_MISMATCH = /^desired revision \((-?\d+)\) is different from the running revision \((-?\d+)\)$/;

/** True when waiting longer cannot turn this status into success. */
export function isTerminalError(status: RolloutStatus): boolean {
  const error = status.error;
  if (!error) return false;
  if (error === ROLLING_UPDATE_ONLY || FINAL.some((re) => re.test(error))) return true;
  // Revisions only grow: a running revision below the desired one is the controller catching up, one above it
  // means a newer rollout has replaced the one we wait for. A malformed annotation is the controller's to rewrite.
  const mismatch = REVISION_MISMATCH.exec(error);
  return mismatch !== null && Number(mismatch[2]) > Number(mismatch[1]);
}
