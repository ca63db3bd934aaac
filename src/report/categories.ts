// Category ids (src/diagnose/categories.ts) in words, for the headline: "`payments/api` <phrase>". Typed as a
// Record over Category so a new category cannot ship without its words. The id itself stays visible in every
// finding block for people who grep or script on it.
import type { Category } from '../diagnose/categories.js';

const PHRASES: Record<Category, string> = {
  'quota-exceeded': 'is refused by a ResourceQuota',
  'admission-denied': 'is refused by admission',
  'job-failed': 'failed: the Job gave up',
  'progress-deadline-exceeded': 'exceeded its progress deadline',
  'node-not-ready': 'is stuck on a node that is not Ready',
  'node-runtime-down': "is stuck: the node's container runtime is down",
  'node-concentrated': 'fails on one node only',
  'oom-killed': 'was OOM-killed',
  'crash-loop': 'is crash-looping',
  'crash-loop-exit-zero': 'keeps exiting with code 0 and is restarted in a loop',
  'exec-format-error': 'cannot start: its image is built for another CPU architecture',
  'container-start-error': 'cannot start its container',
  'init-container-failed': 'is stuck: an init container fails',
  'exited-nonzero': 'exited with an error',
  'image-not-found': 'cannot start: its image does not exist',
  'image-pull-unauthorized': 'cannot pull its image: the registry refused access',
  'image-never-pull': 'cannot start: its image is not on the node and imagePullPolicy is Never',
  'image-invalid-name': 'cannot start: its image name is invalid',
  'config-missing-ref': 'cannot start: a ConfigMap or Secret it references is missing',
  'config-missing-key': 'cannot start: a key it reads from a ConfigMap or Secret is missing',
  'config-security-context': 'cannot start: its security context cannot be satisfied',
  'unschedulable-resources': 'cannot be scheduled: not enough CPU or memory',
  'unschedulable-node-selector': 'cannot be scheduled: no node matches its node selector',
  'unschedulable-taint': "cannot be scheduled: it tolerates no free node's taints",
  'unschedulable-node-condition': 'cannot be scheduled: no node is ready for pods',
  'unschedulable-volume': 'cannot be scheduled: its volumes cannot be placed',
  'unschedulable-affinity': 'cannot be scheduled: no node satisfies its affinity rules',
  'pvc-not-bound': 'is waiting for a PersistentVolumeClaim to be bound',
  'volume-mount-failed': 'cannot start: a volume cannot be mounted',
  'sandbox-failed': 'cannot start: the pod sandbox cannot be created',
  'container-create-error': 'cannot start: the runtime cannot create its container',
  'liveness-probe-failing': 'is restarted by its liveness probe',
  'readiness-probe-failing': 'never becomes ready: its readiness probe fails',
  evicted: 'was evicted',
  'active-deadline-exceeded': 'ran past its activeDeadlineSeconds',
  'terminating-stuck': 'has pods stuck terminating',
  'node-pressure': 'is squeezed by node pressure',
  'image-pull-transient': 'is still pulling its image',
  'config-cache-sync': 'is waiting for a ConfigMap or Secret to reach the node',
  'init-container-waiting': 'is waiting for an init container',
  'container-creating-slow': 'is slow to create its containers',
  'scheduling-pending': 'is waiting to be scheduled',
  unknown: 'is not ready for a reason not recognised',
};

export function categoryPhrase(category: string): string {
  return (PHRASES as Record<string, string>)[category] ?? `failed: ${category.replace(/[-_]+/g, ' ')}`;
}
