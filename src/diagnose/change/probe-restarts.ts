// Restarts the kubelet caused by failing liveness/startup probes look like crashes in the container
// status (exit 137 or 143, CrashLoopBackOff); only its Killing events tell them apart.

export interface EventLike {
  reason: string;
  message: string;
  count?: number;
}

export type RestartCause = 'none' | 'crash' | 'liveness-probe' | 'startup-probe' | 'mixed';

export interface RestartCauses {
  container: string;
  restarts: number;
  livenessKills: number;
  startupKills: number;
  /** Restarts not explained by a probe kill: the process ended on its own. */
  crashes: number;
  cause: RestartCause;
}

// kubelet (pkg/kubelet/kuberuntime) records, with reason Killing:
//   Container api failed liveness probe, will be restarted
//   Container api failed startup probe, will be restarted
// (without ", will be restarted" under restartPolicy Never). Kubelets before 1.14 wrote
//   Killing container with id containerd://api:Container failed liveness probe.. Container will be killed and recreated.
const CURRENT = /^Container (\S+) failed (liveness|startup) probe\b/;
const LEGACY = /^Killing container with id [^:]+:\/\/([^:]+):Container failed (liveness|startup) probe/;

/** Which probe killed this container according to one event, or null when the event is something else. */
export function probeKillOf(event: EventLike, container: string): 'liveness' | 'startup' | null {
  if (event.reason !== 'Killing') return null;
  const match = CURRENT.exec(event.message) ?? LEGACY.exec(event.message);
  if (!match || match[1] !== container) return null;
  return match[2] as 'liveness' | 'startup';
}

/**
 * Split a container's restarts between probe kills and real crashes. Events are the pod's, already
 * aggregated (count). Events expire (one hour by default) and a kill may not have led to a restart
 * yet, so kills are capped at the restart count rather than trusted blindly.
 */
export function restartCauses(container: string, restartCount: number, events: EventLike[]): RestartCauses {
  let liveness = 0;
  let startup = 0;
  for (const event of events) {
    const probe = probeKillOf(event, container);
    const count = Math.max(1, event.count ?? 1);
    if (probe === 'liveness') liveness += count;
    if (probe === 'startup') startup += count;
  }
  const restarts = Math.max(0, restartCount);
  const probeKills = Math.min(liveness + startup, restarts);
  const crashes = restarts - probeKills;
  return {
    container,
    restarts,
    livenessKills: liveness,
    startupKills: startup,
    crashes,
    cause: causeOf(restarts, probeKills, crashes, liveness, startup),
  };
}

function causeOf(restarts: number, probeKills: number, crashes: number, liveness: number, startup: number): RestartCause {
  if (restarts === 0) return 'none';
  if (probeKills === 0) return 'crash';
  if (crashes > 0 || (liveness > 0 && startup > 0)) return 'mixed';
  return liveness > 0 ? 'liveness-probe' : 'startup-probe';
}
