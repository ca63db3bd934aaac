// The stable category IDs (outputs, tests and users' scripts depend on them), worst first: the order in which a person
// should read findings when several are fatal at once.

export const CATEGORIES = [
  // The workload cannot make progress at all.
  'quota-exceeded',
  'admission-denied',
  'job-failed',
  'progress-deadline-exceeded',
  // The machine under the pod is the problem.
  'node-not-ready',
  'node-runtime-down',
  'node-concentrated',
  // The new template itself is broken.
  'oom-killed',
  'crash-loop',
  'crash-loop-exit-zero',
  'exec-format-error',
  'container-start-error',
  'init-container-failed',
  'exited-nonzero',
  'image-not-found',
  'image-pull-unauthorized',
  'image-never-pull',
  'image-invalid-name',
  'config-missing-ref',
  'config-missing-key',
  'config-security-context',
  // It does not fit anywhere.
  'unschedulable-resources',
  'unschedulable-node-selector',
  'unschedulable-taint',
  'unschedulable-node-condition',
  'unschedulable-volume',
  'unschedulable-affinity',
  'pvc-not-bound',
  // It starts but does not become ready, or the pod's environment is failing it.
  'volume-mount-failed',
  'sandbox-failed',
  'container-create-error',
  'liveness-probe-failing',
  'readiness-probe-failing',
  'evicted',
  'active-deadline-exceeded',
  'terminating-stuck',
  'node-pressure',
  // Probably just slow: reported, never fatal on its own.
  'image-pull-transient',
  'config-cache-sync',
  'init-container-waiting',
  'container-creating-slow',
  'scheduling-pending',
  'unknown',
] as const;

export type Category = (typeof CATEGORIES)[number];

export function severityRank(category: string): number {
  const i = (CATEGORIES as readonly string[]).indexOf(category);
  return i < 0 ? CATEGORIES.length : i;
}

/** Findings about the workload's ability to create pods, rather than about one pod. */
export const WORKLOAD_LEVEL: ReadonlySet<string> = new Set([
  'quota-exceeded',
  'admission-denied',
  'job-failed',
  'progress-deadline-exceeded',
]);
