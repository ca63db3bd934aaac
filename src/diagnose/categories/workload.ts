// The workload cannot make progress at all: its controller cannot create pods, or it has given up.
import { AT_ONCE, after, type CategorySpec } from './spec.js';

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
  'admission-webhook-unavailable': {
    // The API server cannot reach the webhook, so it refuses every pod (failurePolicy Fail): a backend that is still
    // starting answers within moments; one that is down for a minute will not come back by waiting.
    policy: after(60),
    phrase: 'cannot create pods: an admission webhook does not answer',
    logs: 'none',
    workloadEffect: 'blocks-creation',
    hint: (d) =>
      `Make the backend of admission webhook "${d.evidence.webhook ?? ''}" reachable (its Service, endpoints and pods, or the URL in its clientConfig), or set its failurePolicy to Ignore if pods may be created without it.`,
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
