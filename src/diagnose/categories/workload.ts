// The workload cannot make progress at all: its controller cannot create pods, or it has given up.
import { AT_ONCE, type CategorySpec } from './spec.js';

export const WORKLOAD_CATEGORIES = {
  'quota-exceeded': {
    policy: AT_ONCE,
    phrase: 'is refused by a ResourceQuota',
    logs: 'last-ended',
    workloadEffect: 'blocks-creation',
    hint: (d, w) =>
      `Free or raise ResourceQuota ${d.evidence.quota ?? ''} in namespace ${w.namespace} (kubectl describe resourcequota -n ${w.namespace}), or lower the pod template's requests so the new pods fit.`,
  },
  'admission-denied': {
    policy: AT_ONCE,
    phrase: 'is refused by admission',
    logs: 'last-ended',
    workloadEffect: 'blocks-creation',
    hint: (d, w) => {
      const e = d.evidence;
      if (e.serviceAccount)
        return `Create ServiceAccount ${e.serviceAccount} in namespace ${w.namespace} before the workload, or fix serviceAccountName in the pod template.`;
      if (e.webhook?.startsWith('PodSecurity'))
        return `Change the pod template's securityContext to meet ${e.webhook} (the message lists each violation), or change the namespace's pod-security.kubernetes.io/enforce label.`;
      if (e.webhook)
        return `Change the pod template to satisfy admission webhook "${e.webhook}" (its message above says what it rejects), or ask its owners for an exception.`;
      return "Change the pod template according to the API server's refusal above; no pod of the new revision can be created until then.";
    },
  },
  'job-failed': {
    policy: AT_ONCE,
    phrase: 'failed: the Job gave up',
    logs: 'last-ended',
    workloadEffect: 'terminal',
    hint: (d, w) =>
      d.reason === 'DeadlineExceeded'
        ? `Raise the Job's activeDeadlineSeconds or make it finish sooner; it was stopped at its deadline.`
        : `Read the failed pods' logs (kubectl logs -n ${w.namespace} job/${w.name}) and fix the error before re-running; the Job stopped retrying.`,
  },
  'progress-deadline-exceeded': {
    policy: AT_ONCE,
    phrase: 'exceeded its progress deadline',
    logs: 'last-ended',
    workloadEffect: 'terminal',
    hint: () =>
      'The new pods did not become available within progressDeadlineSeconds: fix the pod findings above, or raise progressDeadlineSeconds if start-up is only slow.',
  },
} satisfies Record<string, CategorySpec>;
