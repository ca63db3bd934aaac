// When a finding is fatal, i.e. waiting longer cannot help: some at once (the same template will crash, miss its
// Secret or fail to pull a non-existent tag again), some after repeated failures (a registry that refuses twice),
// some after a while (nothing fits for 60 s), and transient ones never: the deadline decides for those.
import type { Draft } from './rules/types.js';
import { timeOf } from '../k8s/fields.js';

export type CategoryPolicy =
  { fatal: 'at-once' } | { fatal: 'after-failures'; failures: number } | { fatal: 'after-seconds'; seconds: number } | { fatal: 'never' };

export type FailFastPolicy = Readonly<Record<string, CategoryPolicy>>;

const AT_ONCE: CategoryPolicy = { fatal: 'at-once' };
const NEVER: CategoryPolicy = { fatal: 'never' };
const after = (seconds: number): CategoryPolicy => ({ fatal: 'after-seconds', seconds });

export const DEFAULT_POLICY: FailFastPolicy = {
  'crash-loop': AT_ONCE,
  'crash-loop-exit-zero': AT_ONCE,
  'oom-killed': AT_ONCE,
  'exec-format-error': AT_ONCE,
  'container-start-error': AT_ONCE,
  'init-container-failed': AT_ONCE,
  'exited-nonzero': AT_ONCE,
  'image-not-found': AT_ONCE,
  'image-never-pull': AT_ONCE,
  'image-invalid-name': AT_ONCE,
  'config-missing-ref': AT_ONCE,
  'config-missing-key': AT_ONCE,
  'config-security-context': AT_ONCE,
  'quota-exceeded': AT_ONCE,
  'admission-denied': AT_ONCE,
  'progress-deadline-exceeded': AT_ONCE,
  'job-failed': AT_ONCE,
  'active-deadline-exceeded': AT_ONCE,
  'liveness-probe-failing': AT_ONCE,
  'image-pull-unauthorized': { fatal: 'after-failures', failures: 2 },
  'unschedulable-resources': after(60),
  'unschedulable-node-selector': after(60),
  'unschedulable-taint': after(60),
  'unschedulable-node-condition': after(60),
  'unschedulable-volume': after(60),
  'unschedulable-affinity': after(60),
  'pvc-not-bound': after(60),
  'node-not-ready': after(60),
  'node-runtime-down': after(60),
  'container-create-error': after(60),
  'volume-mount-failed': after(120),
  'sandbox-failed': after(120),
  'terminating-stuck': NEVER,
  evicted: NEVER,
  'node-pressure': NEVER,
  'readiness-probe-failing': NEVER,
  // A readiness or startup probe failing for longer than its own settings allow will not recover by waiting.
  'readiness-probe-overdue': AT_ONCE,
  'image-pull-transient': NEVER,
  'config-cache-sync': NEVER,
  'container-creating-slow': NEVER,
  'init-container-waiting': NEVER,
  'scheduling-pending': NEVER,
  unknown: NEVER,
};

/** The timing a policy needs, as drafts carry it. */
export type Timing = Pick<Draft, 'category' | 'since' | 'failures' | 'provisional' | 'policyCategory'>;

export function isFatal(t: Timing, now: Date, policy: FailFastPolicy = DEFAULT_POLICY): boolean {
  if (t.provisional) return false;
  const rule = policy[t.policyCategory ?? t.category] ?? NEVER;
  switch (rule.fatal) {
    case 'at-once':
      return true;
    case 'never':
      return false;
    case 'after-failures':
      return t.failures >= rule.failures;
    case 'after-seconds': {
      const since = timeOf(t.since);
      // Without a start time the wait cannot be measured; err on the side of waiting for the deadline.
      return since !== null && now.getTime() - since >= rule.seconds * 1000;
    }
  }
}
