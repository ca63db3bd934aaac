// Category ids (the diagnose stage's `Finding.category`) in words, for the headline. The id itself stays visible
// in every finding block for people who grep or script on it; an id missing here is shown as words from the id.
const PHRASES: Record<string, string> = {
  'oom-killed': 'was OOM-killed',
  'crash-loop': 'is crash-looping',
  'crash-loop-backoff': 'is crash-looping',
  'container-exited': 'keeps exiting',
  'image-not-found': 'cannot start: its image does not exist',
  'image-pull-auth': 'cannot pull its image: the registry refused access',
  'image-pull-failed': 'cannot pull its image',
  'image-pull-backoff': 'cannot pull its image',
  'invalid-image-name': 'cannot start: its image name is invalid',
  'init-container-failed': 'is stuck: an init container fails',
  'init-container-crash-loop': 'is stuck: an init container is crash-looping',
  'unschedulable': 'cannot be scheduled',
  'failed-scheduling': 'cannot be scheduled',
  'insufficient-resources': 'cannot be scheduled: not enough CPU or memory',
  'node-concentrated': 'fails on one node only',
  'readiness-probe-failed': 'never becomes ready: its readiness probe fails',
  'liveness-probe-failed': 'is restarted by its liveness probe',
  'startup-probe-failed': 'is restarted by its startup probe',
  'config-missing': 'cannot start: a ConfigMap or Secret it needs is missing',
  'create-container-config-error': 'cannot start: its container configuration is invalid',
  'create-container-error': 'cannot start: the runtime could not create its container',
  'volume-mount-failed': 'cannot start: a volume cannot be mounted',
  'pvc-pending': 'is waiting for a PersistentVolumeClaim',
  'quota-exceeded': 'is refused by a ResourceQuota',
  'admission-denied': 'is refused by admission',
  'progress-deadline-exceeded': 'exceeded its progress deadline',
  'job-failed': 'failed (the Job reached its backoff limit)',
  'evicted': 'was evicted',
};

/** A predicate for the headline: "`payments/api` <phrase>". */
export function categoryPhrase(category: string): string {
  return PHRASES[category] ?? `failed: ${category.replace(/[-_]+/g, ' ')}`;
}
