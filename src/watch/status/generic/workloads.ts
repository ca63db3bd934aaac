// Deployment, StatefulSet, DaemonSet, Job and Pod keep the gate's own rules (kubectl rollout status plus the
// gate's Job and Pod rules, ../viewer-for.ts), not kstatus's: those decide the run's verdict today, and one object
// must not get two verdicts depending on which entry point a caller used. docs/kstatus.md lists where kstatus
// differs for these kinds (a running Job and a Failed Pod are Current there, an OnDelete StatefulSet too).
import { isTerminalError } from '../terminal.js';
import { groupKindOf, viewerFor } from '../viewer-for.js';
import { current, failed, inProgress, type ObjectStatus } from './object-status.js';

/** The workload verdict in ObjectStatus terms, or null when the object is not a workload kind the gate rolls out. */
export function workloadStatus(object: unknown): ObjectStatus | null {
  const viewer = viewerFor(groupKindOf(object));
  if ('error' in viewer) return null;
  const status = viewer(object, 0);
  if (status.error !== null) {
    // Only an error that waiting cannot cure is a failure; the others are the controller catching up.
    return isTerminalError(status) ? failed('', status.error) : inProgress('', status.error);
  }
  return status.done ? current(status.message) : inProgress('', status.message);
}
