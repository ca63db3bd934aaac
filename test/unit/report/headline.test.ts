// The headline sentence (report/headline.ts), as plain text, for the verdicts and rollbacks the golden files do not
// cover: lists of names, objects-only runs, a failure without findings, rollback outcomes, likely causes.
import { describe, expect, it } from 'vitest';
import type { DeployResult, Finding, RollbackWorkload, SuspectedChange, WorkloadResult } from '../../../src/model.js';
import { afterRollout, headlineSubjects, likelyCause, listNames, plainHeadline } from '../../../src/report/headline.js';
import { PLAIN } from '../../../src/report/text-style.js';

const workload = (name: string, over: Partial<WorkloadResult> = {}): WorkloadResult => ({
  kind: 'Deployment',
  namespace: 'shop',
  name,
  changed: true,
  revisionBefore: 1,
  revisionAfter: 2,
  done: true,
  message: `deployment "${name}" successfully rolled out`,
  ...over,
});
const result = (over: Partial<DeployResult> & Pick<DeployResult, 'verdict'>): DeployResult => ({
  durationMs: 14_200,
  workloads: [],
  findings: [],
  rollback: null,
  error: null,
  ...over,
});
const rolledBack = (name: string, over: Partial<RollbackWorkload> = {}): RollbackWorkload => ({
  kind: 'Deployment',
  namespace: 'shop',
  name,
  fromRevision: 2,
  toRevision: 1,
  newRevision: 3,
  attempted: true,
  done: true,
  message: 'rolled back',
  ...over,
});
const finding = (over: Partial<Finding>): Finding => ({
  category: 'crash-loop',
  fatal: true,
  workload: 'Deployment/shop/api',
  pod: 'api-1',
  container: 'app',
  node: 'worker-1',
  reason: 'CrashLoopBackOff',
  message: 'Container app keeps crashing',
  exitCode: 1,
  restarts: 3,
  hint: 'h',
  events: [],
  logTail: [],
  count: '1/1 pods',
  suspectedChange: null,
  ...over,
});
const stuck = workload('api', {
  done: false,
  message: 'Waiting for deployment "api" rollout to finish: 0 of 1 updated replicas are available...',
});

describe('listNames', () => {
  const names = ['a', 'b', 'c', 'd', 'e'].map((n) => workload(n));
  it.each([
    [0, ''],
    [1, 'shop/a'],
    [2, 'shop/a and shop/b'],
    [3, 'shop/a, shop/b and shop/c'],
    [5, 'shop/a, shop/b, shop/c and 2 more'],
  ])('%i names', (n, want) => {
    expect(listNames(names.slice(0, n), 3, PLAIN)).toBe(want);
  });
});

describe('plainHeadline', () => {
  it.each<[string, DeployResult, string]>([
    ['nothing to wait for', result({ verdict: 'healthy' }), 'Deployed in 14s: no workloads to wait for'],
    [
      'nothing changed',
      result({ verdict: 'healthy', workloads: [workload('api', { changed: false })] }),
      'Deployed in 14s: nothing changed, shop/api already up to date',
    ],
    [
      'a run of custom resources only',
      result({
        verdict: 'healthy',
        workloads: [workload('blue', { kind: 'Widget' as WorkloadResult['kind'], apiVersion: 'example.com/v1' })],
      }),
      'Deployed in 14s: shop/blue ready',
    ],
    [
      'a failure without findings names the workload and its status',
      result({ verdict: 'failed', workloads: [workload('web'), stuck] }),
      'Deploy failed: shop/api: Waiting for deployment "api" rollout to finish: 0 of 1 updated replicas are available...',
    ],
    ['a failure with nothing to name', result({ verdict: 'failed' }), 'Deploy failed'],
    [
      'a timeout without findings',
      result({ verdict: 'timeout', workloads: [stuck] }),
      'Deploy timed out after 14s: shop/api not ready: Waiting for deployment "api" rollout to finish: 0 of 1 updated replicas are available...',
    ],
    ['a timeout with nothing to name', result({ verdict: 'timeout' }), 'Deploy timed out after 14s'],
    ['a cancel with nothing to name', result({ verdict: 'cancelled' }), 'Deploy cancelled'],
    [
      'a failed workload without a status message',
      result({ verdict: 'failed', workloads: [workload('api', { done: false, message: '' })] }),
      'Deploy failed: shop/api: did not become ready',
    ],
    ['an error without its text', result({ verdict: 'error' }), 'Deploy could not run: unknown error'],
    [
      'not rolled back',
      result({ verdict: 'failed', workloads: [stuck], rollback: { attempted: false, workloads: [], notRestored: [] } }),
      'Deploy failed: shop/api: Waiting for deployment "api" rollout to finish: 0 of 1 updated replicas are available...; not rolled back',
    ],
    [
      'rolled back: the failed workload names its own revision, not the first one rolled back',
      result({
        verdict: 'failed',
        findings: [finding({})],
        workloads: [stuck],
        rollback: {
          attempted: true,
          workloads: [rolledBack('web', { toRevision: 5 }), rolledBack('api', { toRevision: 4 })],
          notRestored: [],
        },
      }),
      'Deploy failed: shop/api is crash-looping (1/1 pods, exit 1); rolled back to revision 4',
    ],
    [
      'rolled back, but not the failed workload: the first one attempted',
      result({
        verdict: 'failed',
        findings: [finding({})],
        workloads: [stuck],
        rollback: {
          attempted: true,
          workloads: [rolledBack('api', { attempted: false, done: false }), rolledBack('web', { toRevision: 5 })],
          notRestored: [],
        },
      }),
      'Deploy failed: shop/api is crash-looping (1/1 pods, exit 1); rolled back to revision 5',
    ],
    [
      'rolled back without a target revision',
      result({
        verdict: 'failed',
        findings: [finding({})],
        workloads: [stuck],
        rollback: { attempted: true, workloads: [rolledBack('api', { toRevision: null })], notRestored: [] },
      }),
      'Deploy failed: shop/api is crash-looping (1/1 pods, exit 1); rolled back',
    ],
    [
      'attempted with no workload rolled back (a first deploy kept)',
      result({
        verdict: 'failed',
        findings: [finding({})],
        workloads: [stuck],
        rollback: { attempted: true, workloads: [rolledBack('api', { attempted: false, done: false })], notRestored: [] },
      }),
      'Deploy failed: shop/api is crash-looping (1/1 pods, exit 1); rolled back',
    ],
    [
      'a rollback that failed',
      result({
        verdict: 'failed',
        findings: [finding({})],
        workloads: [stuck],
        rollback: { attempted: true, workloads: [rolledBack('api', { done: false })], notRestored: [] },
      }),
      'Deploy failed: shop/api is crash-looping (1/1 pods, exit 1); the rollback failed',
    ],
    [
      'a finding without count or exit code',
      result({ verdict: 'failed', findings: [finding({ count: '', exitCode: null })], workloads: [stuck] }),
      'Deploy failed: shop/api is crash-looping',
    ],
  ])('%s', (_, r, want) => {
    expect(plainHeadline(r)).toBe(want);
  });
});

describe('headlineSubjects', () => {
  it('workloads first; other objects only when no workload was waited for', () => {
    const widget = workload('blue', { kind: 'Widget' as WorkloadResult['kind'], apiVersion: 'example.com/v1' });
    expect(headlineSubjects(result({ verdict: 'healthy', workloads: [widget, workload('api')] }))).toEqual({
      subjects: [workload('api')],
      objectsOnly: false,
    });
    expect(headlineSubjects(result({ verdict: 'healthy', workloads: [widget] }))).toEqual({ subjects: [widget], objectsOnly: true });
    expect(headlineSubjects(result({ verdict: 'healthy' }))).toEqual({ subjects: [], objectsOnly: false });
  });
});

describe('likelyCause', () => {
  const change = (c: Partial<SuspectedChange>): Finding[] => [
    finding({ suspectedChange: { field: 'spec.template.spec.containers[app].image', before: null, after: null, ...c } }),
  ];
  it.each<[string, Finding[], string | null]>([
    ['no change suspected', [finding({})], null],
    [
      'a field set',
      change({ after: 'ghcr.io/acme/api:2' }),
      '**Likely cause:** `spec.template.spec.containers[app].image` was set to `ghcr.io/acme/api:2` in this change (Deployment `shop/api`).',
    ],
    [
      'a field removed',
      change({ before: 'ghcr.io/acme/api:1' }),
      '**Likely cause:** `spec.template.spec.containers[app].image` was removed in this change (it was `ghcr.io/acme/api:1`) (Deployment `shop/api`).',
    ],
    [
      'a field changed',
      change({ before: 'ghcr.io/acme/api:1', after: 'ghcr.io/acme/api:2' }),
      '**Likely cause:** `spec.template.spec.containers[app].image` changed from `ghcr.io/acme/api:1` to `ghcr.io/acme/api:2` in this change (Deployment `shop/api`).',
    ],
    [
      'a described change',
      change({ description: 'the image tag moved from 1 to 2' }),
      '**Likely cause:** the image tag moved from 1 to 2 (`spec.template.spec.containers[app].image`) (Deployment `shop/api`).',
    ],
  ])('%s', (_, findings, want) => {
    expect(likelyCause(findings)).toBe(want);
  });
});

describe('afterRollout', () => {
  it('names each workload whose stability window broke, none when all held', () => {
    const held = workload('web', { window: { state: 'held', message: 'stayed Ready for 30s' } as WorkloadResult['window'] });
    const broke = workload('api', {
      window: { state: 'broken', message: 'restarted 2 times within 30s of Ready' } as WorkloadResult['window'],
    });
    expect(afterRollout(result({ verdict: 'healthy', workloads: [held] }))).toBeNull();
    expect(afterRollout(result({ verdict: 'failed', workloads: [held, broke, workload('db')] }))).toBe(
      '**After the rollout:** Deployment `shop/api` restarted 2 times within 30s of Ready.',
    );
  });
});
