// The quota's own numbers decide whether a refused rollout can still fit (rules/quota.ts): the template and the
// limit from the message, the old pods still holding their share, and whether the strategy removes them first.
import { describe, expect, it } from 'vitest';
import type { PodSpec, Workload } from '../../../src/k8s/objects.js';
import { podUsage, quotaOutlook, type QuotaOutlook } from '../../../src/diagnose/rules/quota.js';

const spec = (requests: Record<string, string>, limits: Record<string, string> = {}): PodSpec => ({
  containers: [{ name: 'app', image: 'ghcr.io/acme/web:1.4.2', resources: { requests, limits } }],
});
const cpu500 = spec({ cpu: '500m', memory: '128Mi' }, { memory: '256Mi' });
function workload(kind: string, replicas: number | undefined, strategy: Record<string, unknown> = {}): Workload {
  return {
    apiVersion: 'apps/v1',
    kind,
    metadata: { name: 'web', namespace: 'shop' },
    spec: { ...(replicas === undefined ? {} : { replicas }), ...strategy, template: { spec: cpu500 } },
  } as Workload;
}
const refusal = (requested: string, used: string, limited: string) =>
  `pods "web-7d9f8c6b5-x2vfl" is forbidden: exceeded quota: compute, requested: ${requested}, used: ${used}, limited: ${limited}`;
const maxUnavailable0 = { strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } } };

describe('podUsage', () => {
  it.each([
    ['pods', 1],
    ['count/pods', 1],
    ['requests.cpu', 0.5],
    ['cpu', 0.5],
    ['requests.memory', 128 * 2 ** 20],
    ['memory', 128 * 2 ** 20],
    ['limits.memory', 256 * 2 ** 20],
    ['ephemeral-storage', 0],
    ['services', null],
    ['count/secrets', null],
  ] as const)('%s counts %s per pod', (resource, want) => {
    expect(podUsage(cpu500, resource)).toBe(want);
  });
});

describe('quotaOutlook', () => {
  const one = [cpu500];
  it.each<[string, string, string, Workload, (PodSpec | undefined)[], QuotaOutlook]>([
    [
      'not a quota message',
      'pods "x" is forbidden: violates PodSecurity',
      'Deployment',
      workload('Deployment', 3),
      one,
      { kind: 'unknown' },
    ],
    [
      'a resource the rule does not model',
      refusal('services=1', 'services=5', 'services=5'),
      'Deployment',
      workload('Deployment', 3),
      one,
      { kind: 'unknown' },
    ],
    [
      'a limit that is not a quantity',
      refusal('requests.cpu=500m', 'requests.cpu=1', 'requests.cpu=lots'),
      'Deployment',
      workload('Deployment', 3),
      one,
      { kind: 'unknown' },
    ],
    [
      'more than the quota for the new revision alone',
      refusal('requests.cpu=500m', 'requests.cpu=1', 'requests.cpu=1'),
      'Deployment',
      workload('Deployment', 3),
      one,
      { kind: 'never-fits', detail: 'ResourceQuota compute: requests.cpu: 3 new pods need 1500m, the quota allows 1' },
    ],
    [
      'exactly the quota fits once the old pods go (the default strategy of 4 replicas removes one first)',
      refusal('requests.cpu=500m', 'requests.cpu=2', 'requests.cpu=2'),
      'Deployment',
      workload('Deployment', 4),
      one,
      { kind: 'fits-later', detail: 'ResourceQuota compute: requests.cpu: 4 new pods need 2, the quota allows 2' },
    ],
    [
      'a Job runs one pod whatever its template says',
      refusal('requests.cpu=500m', 'requests.cpu=1', 'requests.cpu=1'),
      'Job',
      workload('Job', 5),
      [],
      {
        kind: 'stuck',
        detail: 'ResourceQuota compute: requests.cpu: 1 new pod need 500m, the quota allows 1, but the quota is held by other pods',
      },
    ],
    [
      'maxUnavailable 0 and the first new pod cannot fit beside the old one',
      refusal('requests.cpu=500m', 'requests.cpu=600m', 'requests.cpu=1'),
      'Deployment',
      workload('Deployment', 1, maxUnavailable0),
      [spec({ cpu: '600m' })],
      {
        kind: 'never-fits',
        detail:
          'ResourceQuota compute: requests.cpu: the first new pod (500m) beside the 1 old one (600m) needs 1100m, the quota allows 1, and maxUnavailable is 0: no old pod is removed before a new one runs',
      },
    ],
    [
      'maxUnavailable 0 with room beside the old pods, taken by others',
      refusal('requests.cpu=500m', 'requests.cpu=2', 'requests.cpu=2'),
      'Deployment',
      workload('Deployment', 2, maxUnavailable0),
      [cpu500, cpu500],
      {
        kind: 'stuck',
        detail:
          'ResourceQuota compute: requests.cpu: 2 new pods need 1, the quota allows 2, but maxUnavailable is 0: no old pod is removed first',
      },
    ],
    [
      'Recreate removes the old pods first',
      refusal('requests.cpu=500m', 'requests.cpu=600m', 'requests.cpu=1'),
      'Deployment',
      workload('Deployment', 1, { strategy: { type: 'Recreate' } }),
      [spec({ cpu: '600m' })],
      { kind: 'fits-later', detail: 'ResourceQuota compute: requests.cpu: 1 new pod need 500m, the quota allows 1' },
    ],
    [
      'a StatefulSet replaces its pods one at a time, old first',
      refusal('requests.cpu=500m', 'requests.cpu=600m', 'requests.cpu=1'),
      'StatefulSet',
      workload('StatefulSet', 1, maxUnavailable0),
      [spec({ cpu: '600m' })],
      { kind: 'fits-later', detail: 'ResourceQuota compute: requests.cpu: 1 new pod need 500m, the quota allows 1' },
    ],
    [
      "a DaemonSet reads its updateStrategy, not a Deployment's strategy",
      refusal('requests.cpu=500m', 'requests.cpu=600m', 'requests.cpu=1'),
      'DaemonSet',
      workload('DaemonSet', undefined, {
        updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } },
        strategy: { type: 'Recreate' },
      }),
      [spec({ cpu: '600m' })],
      {
        kind: 'never-fits',
        detail:
          'ResourceQuota compute: requests.cpu: the first new pod (500m) beside the 1 old one (600m) needs 1100m, the quota allows 1, and maxUnavailable is 0: no old pod is removed before a new one runs',
      },
    ],
    [
      'two resources, two old pods, each counted',
      refusal('requests.cpu=500m,limits.memory=256Mi', 'requests.cpu=1,limits.memory=512Mi', 'requests.cpu=1,limits.memory=512Mi'),
      'Deployment',
      workload('Deployment', 2, maxUnavailable0),
      [cpu500, cpu500],
      {
        kind: 'never-fits',
        detail:
          'ResourceQuota compute: requests.cpu: the first new pod (500m) beside the 2 old ones (1) needs 1500m, the quota allows 1; limits.memory: the first new pod (256Mi) beside the 2 old ones (512Mi) needs 768Mi, the quota allows 512Mi, and maxUnavailable is 0: no old pod is removed before a new one runs',
      },
    ],
  ])('%s', (_, message, kind, w, oldPods, want) => {
    expect(quotaOutlook(message, kind, w, oldPods)).toEqual(want);
  });
});
