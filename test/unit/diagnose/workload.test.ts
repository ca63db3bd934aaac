import { describe, expect, it } from 'vitest';
import { diagnoseWorkload, isDoomed } from '../../../src/diagnose/index.js';
import { NEW_RS, NOW, OLD_RS, ago, deployment, event, pod, snapshot } from './fixtures.js';
import { runContextOf } from '../../../src/diagnose/run-context.js';

function failingRs(message: string, failingFor = 20) {
  return {
    ...NEW_RS,
    spec: { ...NEW_RS.spec, replicas: 3 },
    status: {
      replicas: 0,
      conditions: [{ type: 'ReplicaFailure', status: 'True', reason: 'FailedCreate', message, lastTransitionTime: ago(failingFor) }],
    },
  };
}

describe('pods that cannot be created', () => {
  it.each([
    [
      'pods "web-7d9f8c6b5-x2vfl" is forbidden: exceeded quota: compute-resources, requested: limits.memory=256Mi, used: limits.memory=512Mi, limited: limits.memory=512Mi',
      'quota-exceeded',
      /Free or raise ResourceQuota compute-resources in namespace shop/,
    ],
    [
      'admission webhook "validate.kyverno.svc-fail" denied the request: resource Pod/shop/web-7d9f8c6b5-x2vfl was blocked due to the following policies require-labels: check-team: validation error: label team is required',
      'admission-denied',
      /admission webhook "validate.kyverno.svc-fail"/,
    ],
    [
      'pods "web-7d9f8c6b5-x2vfl" is forbidden: violates PodSecurity "restricted:latest": allowPrivilegeEscalation != false (container "app" must set securityContext.allowPrivilegeEscalation=false), runAsNonRoot != true (pod or container "app" must set securityContext.runAsNonRoot=true)',
      'admission-denied',
      /PodSecurity restricted:latest/,
    ],
    [
      'pods "web-7d9f8c6b5-x2vfl" is forbidden: error looking up service account shop/web-sa: serviceaccount "web-sa" not found',
      'admission-denied',
      /Create ServiceAccount web-sa in namespace shop/,
    ],
  ])('%s', (message, category, hint) => {
    const rs = failingRs(message);
    const snap = snapshot({
      replicaSets: [rs],
      pods: [],
      events: [event(rs, 'Warning', 'FailedCreate', `Error creating: ${message}`, { count: 6, kind: 'ReplicaSet' })],
    });
    const [f] = diagnoseWorkload(deployment(), snap, NOW);
    expect(f).toMatchObject({
      category,
      fatal: true,
      pod: null,
      container: null,
      reason: 'FailedCreate',
      count: '3/3 pods',
      workload: 'Deployment/shop/web',
    });
    // A quota refusal adds what the quota's own numbers say about the new revision (see the quota tests below).
    expect(f.message.startsWith(`ReplicaSet web-7d9f8c6b5 cannot create pods: ${message}`)).toBe(true);
    expect(f.hint).toMatch(hint);
    expect(isDoomed(deployment(), snap, NOW)).toBe(true);
  });

  it('a StatefulSet FailedCreate event counts while pods are missing', () => {
    const sts = {
      apiVersion: 'apps/v1',
      kind: 'StatefulSet',
      metadata: { name: 'db', namespace: 'shop', uid: 'sts-uid' },
      spec: { replicas: 2 },
      status: { updateRevision: 'db-6b8f7c9d4' },
    };
    const msg =
      'create Pod db-0 in StatefulSet db failed error: pods "db-0" is forbidden: exceeded quota: pods-limit, requested: pods=1, used: pods=10, limited: pods=10';
    const world = (firstAgo: number) =>
      snapshot({
        statefulSets: [sts],
        pods: [],
        events: [event(sts, 'Warning', 'FailedCreate', msg, { kind: 'StatefulSet', count: 3, firstAgo, lastAgo: 1 })],
      });
    const [f] = diagnoseWorkload(sts, world(30), NOW);
    expect(f).toMatchObject({ category: 'quota-exceeded', workload: 'StatefulSet/shop/db', count: '2/2 pods', fatal: false });
    expect(f.message).toMatch(/but the quota is held by other pods\)$/);
    // Other pods hold the quota: they may still go, so a minute, then fatal.
    expect(isDoomed(sts, world(30), NOW)).toBe(false);
    expect(isDoomed(sts, world(61), NOW)).toBe(true);
  });

  it('an old FailedCreate event without a condition is history', () => {
    const rs = { ...NEW_RS, status: { replicas: 0 } };
    const e = event(rs, 'Warning', 'FailedCreate', 'Error creating: pods "x" is forbidden: exceeded quota: q', {
      kind: 'ReplicaSet',
      lastAgo: 3600,
    });
    expect(diagnoseWorkload(deployment(), snapshot({ replicaSets: [rs], events: [e] }), NOW)).toEqual([]);
  });
});

describe('terminal workload conditions', () => {
  const deadlineExceeded = {
    type: 'Progressing',
    status: 'False',
    reason: 'ProgressDeadlineExceeded',
    message: 'ReplicaSet "web-7d9f8c6b5" has timed out progressing.',
    lastTransitionTime: ago(5),
  };

  it('a progress deadline the rollout before exceeded is history until the controller has seen our generation', () => {
    // A Deployment left stuck by an earlier rollout, redeployed with the fix: generation 3 is not yet observed.
    const d = deployment({
      metadata: { ...deployment().metadata, generation: 3 },
      status: { observedGeneration: 2, conditions: [deadlineExceeded] },
    });
    expect(diagnoseWorkload(d, snapshot({ deployments: [d] }), NOW)).toEqual([]);
    expect(isDoomed(d, snapshot({ deployments: [d] }), NOW)).toBe(false);
    const observed = { ...d, status: { ...d.status, observedGeneration: 3 } };
    expect(diagnoseWorkload(observed, snapshot({ deployments: [observed] }), NOW)[0]).toMatchObject({
      category: 'progress-deadline-exceeded',
      fatal: true,
    });
  });

  it("a ReplicaFailure on the workload the controller has not yet reconciled for our apply is the rollout before's", () => {
    const failure = {
      type: 'ReplicaFailure',
      status: 'True',
      reason: 'FailedCreate',
      message: 'pods "web-x" is forbidden: exceeded quota: q, requested: pods=1, used: pods=3, limited: pods=3',
    };
    const stale = deployment({
      metadata: { ...deployment().metadata, generation: 3 },
      status: { observedGeneration: 2, conditions: [failure] },
    });
    expect(diagnoseWorkload(stale, snapshot({ deployments: [stale] }), NOW)).toEqual([]);
    const current = { ...stale, status: { ...stale.status, observedGeneration: 3 } };
    expect(diagnoseWorkload(current, snapshot({ deployments: [current] }), NOW)[0]).toMatchObject({ category: 'quota-exceeded' });
  });

  it('progress deadline exceeded', () => {
    const d = deployment({
      status: {
        observedGeneration: 2,
        conditions: [
          {
            type: 'Progressing',
            status: 'False',
            reason: 'ProgressDeadlineExceeded',
            message: 'ReplicaSet "web-7d9f8c6b5" has timed out progressing.',
            lastTransitionTime: ago(5),
          },
        ],
      },
    });
    const [f] = diagnoseWorkload(d, snapshot({ deployments: [d] }), NOW);
    expect(f).toMatchObject({
      category: 'progress-deadline-exceeded',
      fatal: true,
      message: 'ReplicaSet "web-7d9f8c6b5" has timed out progressing. (progressDeadlineSeconds 600)',
    });
    expect(isDoomed(d, snapshot({ deployments: [d] }), NOW)).toBe(true);
  });

  it.each([
    [
      'BackoffLimitExceeded',
      'Job has reached the specified backoff limit',
      /Job has reached the specified backoff limit \(backoffLimit 2, 3 failed pods\)/,
      /kubectl logs -n shop job\/migrate/,
    ],
    [
      'DeadlineExceeded',
      'Job was active longer than specified deadline',
      /Job was active longer than specified deadline/,
      /activeDeadlineSeconds/,
    ],
  ])('job failed: %s', (reason, message, text, hint) => {
    const job = {
      apiVersion: 'batch/v1',
      kind: 'Job',
      metadata: { name: 'migrate', namespace: 'shop', uid: 'job-uid' },
      spec: { backoffLimit: 2 },
      status: {
        failed: 3,
        conditions: [
          { type: 'FailureTarget', status: 'True', reason, message },
          { type: 'Failed', status: 'True', reason, message, lastTransitionTime: ago(3) },
        ],
      },
    };
    const [f] = diagnoseWorkload(job, snapshot({ jobs: [job] }), NOW);
    expect(f).toMatchObject({ category: 'job-failed', fatal: true, reason, workload: 'Job/shop/migrate' });
    expect(f.message).toMatch(text);
    expect(f.hint).toMatch(hint);
  });
});

describe('a ResourceQuota refusal: transient or doomed, from the numbers of the quota', () => {
  // The quota allows 1 cpu; each pod requests 250m (fixtures.ts); the Deployment wants 3 replicas.
  const quotaMessage = (used: string) =>
    `pods "web-7d9f8c6b5-q" is forbidden: exceeded quota: compute, requested: requests.cpu=250m, used: requests.cpu=${used}, limited: requests.cpu=1`;
  const oldPods = (n: number) => Array.from({ length: n }, (_, i) => pod({ name: `web-old-${i}`, rs: OLD_RS, ready: true }));
  const world = (used: string, strategy: unknown, olds: number, limit = '1') => {
    const d = deployment({ spec: { ...deployment().spec, replicas: 3, strategy } });
    const message = quotaMessage(used).replace('limited: requests.cpu=1', `limited: requests.cpu=${limit}`);
    const rs = failingRs(message);
    return {
      d,
      snap: snapshot({
        deployments: [d],
        replicaSets: [rs, OLD_RS],
        pods: oldPods(olds),
        events: [event(rs, 'Warning', 'FailedCreate', `Error creating: ${message}`, { count: 3, kind: 'ReplicaSet' })],
      }),
    };
  };

  it('fits once the old pods are gone and maxUnavailable lets them go first: waits', () => {
    const { d, snap } = world('1', { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1, maxSurge: 1 } }, 4);
    const [f] = diagnoseWorkload(d, snap, NOW);
    expect(f).toMatchObject({ category: 'quota-exceeded', fatal: false });
    expect(f.message).toMatch(/requests\.cpu: 3 new pods need 750m, the quota allows 1: waiting for the old pods to go\)$/);
    expect(isDoomed(d, snap, NOW)).toBe(false);
  });

  it('the same numbers with the default strategy on 3 replicas (maxUnavailable rounds down to 0): the first new pod never fits beside the old ones, fatal at once', () => {
    const { d, snap } = world('1', undefined, 4);
    const [f] = diagnoseWorkload(d, snap, NOW);
    expect(f).toMatchObject({ category: 'quota-exceeded', fatal: true });
    expect(f.message).toMatch(
      /requests\.cpu: the first new pod \(250m\) beside the 4 old ones \(1\) needs 1250m, the quota allows 1, and maxUnavailable is 0: no old pod is removed before a new one runs\)$/,
    );
  });

  it('maxUnavailable 0 with room beside the old pods, taken by other pods: stuck, fatal after a minute', () => {
    const { d, snap } = world('1', undefined, 2); // 2 old pods hold 500m; the other 500m is someone else's
    const [f] = diagnoseWorkload(d, snap, NOW);
    expect(f).toMatchObject({ category: 'quota-exceeded', fatal: false });
    expect(f.message).toMatch(/but maxUnavailable is 0: no old pod is removed first\)$/);
    expect(isDoomed(d, snap, new Date(NOW.getTime() + 61_000))).toBe(true);
  });

  it('a template that can never fit, even with every old pod gone: fatal at once', () => {
    // Three new pods need 750m; the quota allows 500m whoever else uses it.
    const { d, snap } = world('500m', { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1 } }, 2, '500m');
    const [f] = diagnoseWorkload(d, snap, NOW);
    expect(f).toMatchObject({ category: 'quota-exceeded', fatal: true });
    expect(f.message).toMatch(/requests\.cpu: 3 new pods need 750m, the quota allows 500m\)$/);
  });
});

describe('an admission webhook that does not answer', () => {
  const unreachable =
    'Internal error occurred: failed calling webhook "validate.acme.dev": failed to call webhook: Post "https://127.0.0.1:9443/validate?timeout=10s": dial tcp 127.0.0.1:9443: connect: connection refused';
  const world = (firstAgo: number) => {
    const rs = failingRs(unreachable, firstAgo);
    return snapshot({
      replicaSets: [rs],
      pods: [],
      events: [event(rs, 'Warning', 'FailedCreate', `Error creating: ${unreachable}`, { count: 3, kind: 'ReplicaSet', firstAgo })],
    });
  };

  it('is not a denial: it gets a minute, then is fatal', () => {
    const [young] = diagnoseWorkload(deployment(), world(30), NOW);
    expect(young).toMatchObject({ category: 'admission-webhook-unavailable', fatal: false });
    expect(diagnoseWorkload(deployment(), world(61), NOW)[0]).toMatchObject({ fatal: true });
  });

  it('waits as long as it takes when this deploy applies that webhook (its backend is starting)', () => {
    const run = runContextOf([
      {
        apiVersion: 'admissionregistration.k8s.io/v1',
        kind: 'ValidatingWebhookConfiguration',
        metadata: { name: 'acme' },
        webhooks: [{ name: 'validate.acme.dev' }],
      },
    ]);
    const [f] = diagnoseWorkload(deployment(), world(600), NOW, { run });
    expect(f).toMatchObject({ category: 'admission-webhook-unavailable', fatal: false });
    expect(f.message).toMatch(/this deploy applies that webhook: waiting for its backend to start\)$/);
  });
});

describe('the workload-level findings, exactly', () => {
  const job = (status: Record<string, unknown>, spec: Record<string, unknown> = { backoffLimit: 2 }) => ({
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: { name: 'migrate', namespace: 'shop', uid: 'job-uid', generation: 1 },
    spec,
    status,
  });
  const jobEvent = (j: ReturnType<typeof job>, type: string, reason: string, message: string, lastAgo: number) =>
    event(j, type, reason, message, { kind: 'Job', lastAgo });

  it.each([
    [
      'backoff limit, with the failed pod count',
      job({
        failed: 3,
        conditions: [
          {
            type: 'Failed',
            status: 'True',
            reason: 'BackoffLimitExceeded',
            message: 'Job has reached the specified backoff limit',
            lastTransitionTime: ago(3),
          },
        ],
      }),
      'BackoffLimitExceeded',
      'Job has reached the specified backoff limit (backoffLimit 2, 3 failed pods)',
    ],
    [
      'backoff limit, no failed count written yet',
      job({
        conditions: [
          { type: 'FailureTarget', status: 'True', reason: 'BackoffLimitExceeded', message: 'Job has reached the specified backoff limit' },
        ],
      }),
      'BackoffLimitExceeded',
      'Job has reached the specified backoff limit (backoffLimit 2)',
    ],
    [
      'a deadline: the backoff limit is beside the point',
      job({
        failed: 1,
        conditions: [
          { type: 'Failed', status: 'True', reason: 'DeadlineExceeded', message: 'Job was active longer than specified deadline' },
        ],
      }),
      'DeadlineExceeded',
      'Job was active longer than specified deadline',
    ],
    ['a condition without reason or message', job({ conditions: [{ type: 'Failed', status: 'True' }] }), 'Failed', 'The Job failed'],
  ])('job-failed: %s', (_, j, reason, message) => {
    const [f] = diagnoseWorkload(j, snapshot({ jobs: [j] }), NOW);
    expect(f).toMatchObject({ category: 'job-failed', fatal: true, pod: null, container: null, reason, message });
  });

  it('job-failed: a Failed condition that is False, or a Complete Job, is no failure', () => {
    const notFailed = job({ conditions: [{ type: 'Failed', status: 'False', reason: 'BackoffLimitExceeded' }] });
    expect(diagnoseWorkload(notFailed, snapshot({ jobs: [notFailed] }), NOW)).toEqual([]);
  });

  it("job-failed quotes the Job's last three Warning events, oldest first", () => {
    const j = job({
      failed: 4,
      conditions: [
        { type: 'Failed', status: 'True', reason: 'BackoffLimitExceeded', message: 'Job has reached the specified backoff limit' },
      ],
    });
    const events = [
      jobEvent(j, 'Normal', 'SuccessfulCreate', 'Created pod: migrate-a', 50),
      jobEvent(j, 'Warning', 'FailedCreate', 'Error creating: first', 40),
      jobEvent(j, 'Warning', 'FailedCreate', 'Error creating: second', 30),
      jobEvent(j, 'Warning', 'FailedCreate', 'Error creating: third', 20),
      jobEvent(j, 'Warning', 'BackoffLimitExceeded', 'Job has reached the specified backoff limit', 10),
      jobEvent(j, 'Normal', 'SuccessfulDelete', 'Deleted pod: migrate-d', 5),
    ];
    const [f] = diagnoseWorkload(j, snapshot({ jobs: [j], events }), NOW);
    expect(f.events.map((e) => e.message)).toEqual([
      'Error creating: second',
      'Error creating: third',
      'Job has reached the specified backoff limit',
    ]);
  });

  it('progress-deadline-exceeded without a message or a deadline field, and its last three events', () => {
    const d = deployment({
      spec: { ...deployment().spec, progressDeadlineSeconds: undefined },
      status: { observedGeneration: 2, conditions: [{ type: 'Progressing', status: 'False', reason: 'ProgressDeadlineExceeded' }] },
    });
    const events = [1, 2, 3, 4].map((n) =>
      event(d, 'Normal', 'ScalingReplicaSet', `Scaled up replica set web-${n}`, { kind: 'Deployment', lastAgo: 60 - n }),
    );
    const [f] = diagnoseWorkload(d, snapshot({ deployments: [d], events }), NOW);
    expect(f).toMatchObject({
      category: 'progress-deadline-exceeded',
      reason: 'ProgressDeadlineExceeded',
      message: 'The rollout timed out progressing',
    });
    expect(f.events.map((e) => e.message)).toEqual([
      'Scaled up replica set web-2',
      'Scaled up replica set web-3',
      'Scaled up replica set web-4',
    ]);
  });

  it('a Progressing condition that is only slow is no finding', () => {
    const d = deployment({
      status: {
        observedGeneration: 2,
        conditions: [
          { type: 'Progressing', status: 'True', reason: 'ReplicaSetUpdated', message: 'ReplicaSet "web-7d9f8c6b5" is progressing.' },
        ],
      },
    });
    expect(diagnoseWorkload(d, snapshot({ deployments: [d] }), NOW).filter((f) => f.pod === null)).toEqual([]);
  });

  it.each([
    [
      'a generic forbidden',
      'pods "web-7d9f8c6b5-x2vfl" is forbidden: unable to validate against any security context constraint',
      'admission-denied',
    ],
    ['an invalid pod', 'Pod "web-7d9f8c6b5-x2vfl" is invalid: spec.containers[0].image: Required value', 'admission-denied'],
    ['something else', 'Internal error occurred: resource quota evaluation timed out', 'unknown'],
  ])('FailedCreate, %s', (_, message, category) => {
    const rs = failingRs(message);
    const [f] = diagnoseWorkload(deployment(), snapshot({ replicaSets: [rs], pods: [] }), NOW);
    expect(f).toMatchObject({
      category,
      reason: 'FailedCreate',
      message: `ReplicaSet web-7d9f8c6b5 cannot create pods: ${message}`,
      events: [],
    });
  });
});
