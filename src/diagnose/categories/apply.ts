// The API server refuses the apply itself: the deploy stops at that object with an error, before any pod exists.
// The deploy reports these as its error (exit 2); `plan` predicts them as findings, from a dry run and an access
// review, so a pull request shows them before the merge.
import { AT_ONCE, type CategorySpec } from './spec.js';

export const APPLY_CATEGORIES = {
  'apply-forbidden': {
    policy: AT_ONCE,
    planOnly: true,
    phrase: "cannot be deployed: the gate's credentials lack a permission",
    logs: 'none',
    hint: (d, w) => {
      const e = d.evidence;
      const where = w.namespace ? ` in namespace ${w.namespace}` : ' (cluster-wide)';
      const what = e.verb && e.resource ? `${e.verb} on ${e.resource}` : 'the verb and resource named above';
      return `Grant ${what}${where} to the identity the gate deploys with (see the README, "Permissions"); without it the deploy stops at this point, after the objects applied before it.`;
    },
  },
  'apply-refused': {
    policy: AT_ONCE,
    planOnly: true,
    phrase: 'is refused by the API server',
    logs: 'none',
    hint: (d, w) => {
      const e = d.evidence;
      if (e.field)
        return `${e.field} cannot change on an existing ${w.kind}: revert it, or delete the ${w.kind} first (kubectl delete ${w.kind.toLowerCase()} ${w.name} -n ${w.namespace} --cascade=orphan keeps its pods) so the deploy creates it anew.`;
      if (e.webhook)
        return `Change the object to satisfy ${e.webhook} (its message above says what it rejects), or ask its owners for an exception.`;
      return "Fix the manifest as the API server's message above says; nothing after this object would be applied.";
    },
  },
} satisfies Record<string, CategorySpec>;
