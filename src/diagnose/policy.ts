// When a finding is fatal, i.e. waiting longer cannot help: some at once (the same template will crash, miss its
// Secret or fail to pull a non-existent tag again), some after repeated failures (a registry that refuses twice),
// some after a while (nothing fits for 60 s), and transient ones never: the deadline decides for those. Each
// category's policy is in its registry entry; a rule can know better for one situation (`policy`), or know that
// waiting cannot help at all (`conclusive`) or that something is known to be fixing it (`provisional`).
import { DEFAULT_POLICY, type FailFastPolicy } from './categories/index.js';
import { timeOf } from '../k8s/fields.js';
import type { Draft } from './rules/types.js';

/** The timing a policy needs, as drafts carry it. */
export type Timing = Pick<Draft, 'category' | 'since' | 'failures' | 'provisional' | 'policyCategory' | 'conclusive' | 'policy'>;

export function isFatal(t: Timing, now: Date, policy: FailFastPolicy = DEFAULT_POLICY): boolean {
  if (t.provisional) return false;
  if (t.conclusive) return true;
  const rule = t.policy ?? policy[t.policyCategory ?? t.category];
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
