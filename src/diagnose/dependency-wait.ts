// An app that fails until a dependency of the same deploy is up is not doomed. On a first install the app and its
// database start together; the app exits (or fails its probes) until the database answers, and the kubelet restarts
// it with a back-off, so `kubectl rollout status` ends green a minute later. Such a failure is provisional while the
// Service its configuration names (dependencies.ts) has no Ready pod, or while its last exit predates the Service
// coming up (the next start will find it); a probe gets PROBE_GRACE_MS once the dependency is up. After that the
// category's own policy applies again: a crash once the database answers is the app's own. A crash that names no
// such Service is judged exactly as before.
import type { WorkloadRef } from '../k8s/kinds.js';
import { timeOf } from '../k8s/fields.js';
import type { ContainerStatus, Pod } from '../k8s/objects.js';
import type { Category } from './categories/index.js';
import { containerSpecOf, namedServices, upSince } from './dependencies.js';
import type { RunContext } from './run-context.js';
import type { Draft } from './rules/types.js';

/** A crash this soon after the dependency turned Ready still belongs to the time it was down (connections retried). */
export const DEPENDENCY_SETTLE_MS = 2_000;
/** How long a failing probe may go on once the dependency is up (an app's pool reconnects, a health check recovers). */
export const PROBE_GRACE_MS = 30_000;

const CRASHES: ReadonlySet<Category> = new Set<Category>(['crash-loop', 'exited-nonzero', 'init-container-failed']);
const PROBES: ReadonlySet<Category> = new Set<Category>(['readiness-probe-failing', 'liveness-probe-failing']);

export interface DependencyView {
  run: RunContext;
  /** The pods of the snapshot: the dependencies' backends are among them. */
  pods: readonly Pod[];
  now: Date;
  /** Whether a workload of the deploy is doomed: a dependency that will not come up is no reason to wait. */
  doomed(ref: WorkloadRef): boolean;
}

function statusOf(pod: Pod, container: string): ContainerStatus | undefined {
  return [...(pod.status?.initContainerStatuses ?? []), ...(pod.status?.containerStatuses ?? [])].find((s) => s.name === container);
}

/** When the container last ended: its current terminated state, else the one before its restart or back-off. */
function lastExitMs(pod: Pod, container: string): number | null {
  const status = statusOf(pod, container);
  return timeOf(status?.state?.terminated?.finishedAt ?? status?.lastState?.terminated?.finishedAt);
}

/** The kubelet starts the container again: the pod has not ended, and its restart policy restarts a failed exit. */
function startsAgain(pod: Pod, container: string): boolean {
  if (pod.status?.phase === 'Failed' || pod.status?.phase === 'Succeeded') return false;
  return containerSpecOf(pod, container)?.restartPolicy === 'Always' || (pod.spec?.restartPolicy ?? 'Always') !== 'Never';
}

/**
 * Why this draft waits for a dependency, as the words appended to its message; null when it does not (no such
 * Service named, every one up long enough, or the category is not one a missing dependency causes).
 */
export function dependencyWait(d: Draft, view: DependencyView): string | null {
  const crash = CRASHES.has(d.category);
  if ((!crash && !PROBES.has(d.category)) || !d.pod || !d.container || view.run.services.length === 0) return null;
  if (crash && !startsAgain(d.pod, d.container)) return null;
  const named = namedServices(d.pod, d.container, view.run).filter((s) => !view.doomed(s.ref));
  const nowMs = view.now.getTime();
  const exit = crash ? lastExitMs(d.pod, d.container) : null;
  let later: string | null = null;
  for (const service of named) {
    const since = upSince(service, view.pods);
    const names = `its configuration names Service ${service.name} (${service.workload}), which`;
    if (since === null) return `${names} has no ready pod yet: waiting for it`;
    if (later) continue;
    if (crash && exit !== null && exit < since + DEPENDENCY_SETTLE_MS)
      later = `${names} became ready after this exit: waiting for the next start`;
    if (!crash && nowMs - since < PROBE_GRACE_MS)
      later = `${names} became ready ${Math.max(0, Math.round((nowMs - since) / 1000))} s ago: giving the probe time to pass`;
  }
  return later;
}

/** The drafts with those that wait for a dependency made provisional, saying which and why. */
export function waitForDependencies(drafts: Draft[], view: DependencyView): Draft[] {
  if (view.run.services.length === 0) return drafts;
  return drafts.map((d) => {
    const why = dependencyWait(d, view);
    return why ? { ...d, provisional: true, message: `${d.message}; ${why}` } : d;
  });
}
