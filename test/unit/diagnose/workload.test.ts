import { describe, expect, it } from 'vitest';
import { diagnoseWorkload, isDoomed } from '../../../src/diagnose/index.js';
import { NEW_RS, NOW, ago, deployment, event, snapshot } from './fixtures.js';

function failingRs(message: string) {
  return {
    ...NEW_RS,
    spec: { ...NEW_RS.spec, replicas: 3 },
    status: {
      replicas: 0,
      conditions: [{ type: 'ReplicaFailure', status: 'True', reason: 'FailedCreate', message, lastTransitionTime: ago(20) }],
    },
  };
}

describe('pods that cannot be created', () => {
  it.each([
    [
      'pods "web-7d9f8c6b5-x2vfl" is forbidden: exceeded quota: compute-resources, requested: limits.memory=256Mi, used: limits.memory=1Gi, limited: limits.memory=1Gi',
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
    expect(f.message).toBe(`ReplicaSet web-7d9f8c6b5 cannot create pods: ${message}`);
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
    const snap = snapshot({
      statefulSets: [sts],
      pods: [],
      events: [event(sts, 'Warning', 'FailedCreate', msg, { kind: 'StatefulSet', count: 3 })],
    });
    const [f] = diagnoseWorkload(sts, snap, NOW);
    expect(f).toMatchObject({ category: 'quota-exceeded', workload: 'StatefulSet/shop/db', count: '2/2 pods' });
    expect(isDoomed(sts, snap, NOW)).toBe(true);
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
  it('progress deadline exceeded', () => {
    const d = deployment({
      status: {
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
