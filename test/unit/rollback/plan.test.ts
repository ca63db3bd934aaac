import { describe, expect, it } from 'vitest';
import { workloadId, type WorkloadKind } from '../../../src/k8s/kinds.js';
import { type AppliedWorkload } from '../../../src/model.js';
import {
  notRestoredObjects,
  planRollback,
  type RollbackAction,
  type RollbackPlanOptions,
  type WorkloadOutcomeState,
} from '../../../src/rollback/plan.js';
import { controllerRevision, deployment, podTemplate, replicaSet, statefulSet } from './fixtures.js';

const ALL: RollbackPlanOptions = { scope: 'all-changed', onFirstDeployFailure: 'keep' };
const FAILED_ONLY: RollbackPlanOptions = { scope: 'failed-only', onFirstDeployFailure: 'keep' };

// The configuration a failed run applied: the new image, this run's trace, replicas and selector.
const appliedObject = (kind: WorkloadKind) => ({
  apiVersion: 'apps/v1',
  kind,
  metadata: { name: 'moons', namespace: 'default', annotations: { team: 'moon', 'kubernetes.io/change-cause': 'the failed run' } },
  spec: { replicas: 3, selector: { matchLabels: { foo: 'bar' } }, template: podTemplate(kind === 'Deployment' ? 'foo:2' : 'nginx:2') },
});

function applied(kind: WorkloadKind, over: Partial<AppliedWorkload> = {}): AppliedWorkload {
  return {
    applied: appliedObject(kind),
    kind,
    namespace: 'default',
    name: 'moons',
    changed: true,
    existedBefore: true,
    revisionBefore: 1,
    generationBefore: 1,
    generationAfter: 2,
    templateBefore: null,
    templateAfter: null,
    ...over,
  };
}

// The Deployment after a failed apply: revision 2 (foo:2) runs, revision 1 (foo:1) ran before.
const liveDeployment = (extra: Parameters<typeof deployment>[1] = {}) =>
  deployment('foo:2', { generation: 2, annotations: { 'deployment.kubernetes.io/revision': '2' }, ...extra });
const deploymentHistory = [replicaSet('1', 'foo:1'), replicaSet('2', 'foo:2')];
const liveSet = (kind: string) => ({
  ...statefulSet('nginx:2', { updateRevision: 'moons-2', currentRevision: 'moons-1' }, kind),
  metadata: { ...statefulSet('x').metadata, generation: 2 },
  status: { observedGeneration: 2, updateRevision: 'moons-2' },
});
const setHistory = (kind: string) => [controllerRevision(1, 'nginx:1', { kind }), controllerRevision(2, 'nginx:2', { kind })];

interface Case {
  name: string;
  workload: AppliedWorkload;
  outcome?: WorkloadOutcomeState;
  options?: RollbackPlanOptions;
  live?: unknown;
  history?: unknown[];
  expected: Partial<RollbackAction> & Record<string, unknown>;
  runHealthy?: boolean;
}

const cases: Case[] = [
  {
    name: 'a healthy run rolls nothing back',
    workload: applied('Deployment'),
    outcome: 'healthy',
    runHealthy: true,
    live: liveDeployment(),
    history: deploymentHistory,
    expected: { action: 'skip', skip: { reason: 'nothing-failed' } },
  },
  {
    name: 'an unchanged workload is never touched',
    workload: applied('Deployment', { changed: false }),
    live: liveDeployment(),
    history: deploymentHistory,
    expected: { action: 'skip', skip: { reason: 'unchanged' } },
  },
  {
    name: 'failed-only leaves a healthy workload',
    workload: applied('Deployment'),
    outcome: 'healthy',
    options: FAILED_ONLY,
    live: liveDeployment(),
    history: deploymentHistory,
    expected: { action: 'skip', skip: { reason: 'not-failed', state: 'healthy' } },
  },
  {
    name: 'failed-only leaves a workload still in progress',
    workload: applied('Deployment'),
    outcome: 'pending',
    options: FAILED_ONLY,
    live: liveDeployment(),
    history: deploymentHistory,
    expected: { action: 'skip', skip: { reason: 'not-failed', state: 'pending' } },
  },
  {
    name: 'failed-only undoes a failed workload',
    workload: applied('Deployment'),
    outcome: 'failed',
    options: FAILED_ONLY,
    live: liveDeployment(),
    history: deploymentHistory,
    expected: { action: 'undo', fromRevision: 2, toRevision: 1, changeCause: null },
  },
  {
    name: 'all-changed undoes a healthy workload when another failed',
    workload: applied('Deployment'),
    outcome: 'healthy',
    live: liveDeployment(),
    history: deploymentHistory,
    expected: { action: 'undo', fromRevision: 2, toRevision: 1 },
  },
  {
    name: 'a timed-out workload is undone',
    workload: applied('Deployment'),
    outcome: 'timeout',
    live: liveDeployment(),
    history: deploymentHistory,
    expected: { action: 'undo', toRevision: 1 },
  },
  {
    name: 'a cancelled wait is undone',
    workload: applied('Deployment'),
    outcome: 'cancelled',
    live: liveDeployment(),
    history: deploymentHistory,
    expected: { action: 'undo', toRevision: 1 },
  },
  {
    name: 'failed-only undoes a timed-out workload',
    workload: applied('Deployment'),
    outcome: 'timeout',
    options: FAILED_ONLY,
    live: liveDeployment(),
    history: deploymentHistory,
    expected: { action: 'undo', toRevision: 1 },
  },
  {
    name: 'failed-only undoes a cancelled wait',
    workload: applied('Deployment'),
    outcome: 'cancelled',
    options: FAILED_ONLY,
    live: liveDeployment(),
    history: deploymentHistory,
    expected: { action: 'undo', toRevision: 1 },
  },
  {
    name: 'a run whose only trouble is a timeout rolls back',
    workload: applied('Deployment'),
    outcome: 'timeout',
    runHealthy: true,
    live: liveDeployment(),
    history: deploymentHistory,
    expected: { action: 'undo', toRevision: 1 },
  },
  {
    name: 'a run whose only trouble is a cancelled wait rolls back',
    workload: applied('Deployment'),
    outcome: 'cancelled',
    runHealthy: true,
    live: liveDeployment(),
    history: deploymentHistory,
    expected: { action: 'undo', toRevision: 1 },
  },
  {
    name: 'a workload deleted meanwhile',
    workload: applied('Deployment'),
    live: null,
    expected: { action: 'skip', skip: { reason: 'deleted' }, fromRevision: null },
  },
  {
    name: 'a workload with no live entry reads as deleted',
    workload: applied('Deployment'),
    expected: { action: 'skip', skip: { reason: 'deleted' } },
  },
  {
    name: 'a paused Deployment',
    workload: applied('Deployment'),
    live: liveDeployment({ paused: true }),
    history: deploymentHistory,
    expected: { action: 'skip', skip: { reason: 'paused' } },
  },
  {
    name: 'a paused Deployment that was paused during the run still says paused',
    workload: applied('Deployment'),
    live: liveDeployment({ paused: true, generation: 3 }),
    history: deploymentHistory,
    expected: { action: 'skip', skip: { reason: 'paused' } },
  },
  {
    name: 'changed by someone else during the run',
    workload: applied('Deployment'),
    live: liveDeployment({ generation: 4 }),
    history: deploymentHistory,
    expected: { action: 'skip', skip: { reason: 'changed-meanwhile', generation: 4, ours: 2 } },
  },
  {
    name: 'scaled during the run (an HPA): the generation moved but the template is ours, so still undone',
    workload: applied('Deployment', { templateAfter: podTemplate('foo:2') }),
    live: liveDeployment({ generation: 4 }),
    history: deploymentHistory,
    expected: { action: 'undo', fromRevision: 2, toRevision: 1 },
  },
  {
    name: 'the template replaced during the run by someone else',
    workload: applied('Deployment', { templateAfter: podTemplate('foo:2') }),
    live: deployment('foo:3', { generation: 4, annotations: { 'deployment.kubernetes.io/revision': '3' } }),
    history: [...deploymentHistory, replicaSet('3', 'foo:3')],
    expected: { action: 'skip', skip: { reason: 'changed-meanwhile', generation: 4, ours: 2 } },
  },
  {
    name: 'no generation recorded after the apply: nothing to compare, undone',
    workload: applied('Deployment', { generationAfter: null }),
    live: liveDeployment({ generation: 4 }),
    history: deploymentHistory,
    expected: { action: 'undo', toRevision: 1 },
  },
  {
    name: 'first deploy of a paused Deployment follows the first-deploy policy',
    workload: applied('Deployment', { existedBefore: false, revisionBefore: null }),
    live: liveDeployment({ paused: true }),
    history: deploymentHistory,
    expected: { action: 'keep', toRevision: null },
  },
  {
    name: 'first deploy: keep',
    workload: applied('Deployment', { existedBefore: false, revisionBefore: null }),
    live: liveDeployment(),
    history: deploymentHistory,
    expected: { action: 'keep', toRevision: null },
  },
  {
    name: 'first deploy: scale a Deployment to zero',
    workload: applied('Deployment', { existedBefore: false, revisionBefore: null }),
    options: { ...ALL, onFirstDeployFailure: 'scale-to-zero' },
    live: liveDeployment(),
    history: deploymentHistory,
    expected: {
      action: 'scale-to-zero',
      object: { ...appliedObject('Deployment'), spec: { ...appliedObject('Deployment').spec, replicas: 0 } },
    },
  },
  {
    name: 'first deploy: scale a StatefulSet to zero',
    workload: applied('StatefulSet', { existedBefore: false, revisionBefore: null }),
    options: { ...ALL, onFirstDeployFailure: 'scale-to-zero' },
    live: liveSet('StatefulSet'),
    history: setHistory('StatefulSet'),
    expected: { action: 'scale-to-zero', fromRevision: 2 },
  },
  {
    name: 'first deploy: a DaemonSet cannot be scaled',
    workload: applied('DaemonSet', { existedBefore: false, revisionBefore: null }),
    options: { ...ALL, onFirstDeployFailure: 'scale-to-zero' },
    live: liveSet('DaemonSet'),
    history: setHistory('DaemonSet'),
    expected: { action: 'skip', skip: { reason: 'not-scalable' } },
  },
  {
    name: 'first deploy: delete',
    workload: applied('DaemonSet', { existedBefore: false, revisionBefore: null }),
    options: { ...ALL, onFirstDeployFailure: 'delete' },
    live: liveSet('DaemonSet'),
    history: setHistory('DaemonSet'),
    expected: { action: 'delete' },
  },
  {
    name: 'a Job has no history to undo',
    workload: applied('Job', { revisionBefore: null }),
    live: { kind: 'Job', metadata: { generation: 2 } },
    expected: { action: 'skip', skip: { reason: 'not-rollbackable', message: 'no rollbacker has been implemented for "Job.batch"' } },
  },
  {
    name: 'a ReplicationController has no history to undo (kubectl has no rollbacker for it either)',
    workload: applied('ReplicationController', { revisionBefore: null }),
    live: { kind: 'ReplicationController', metadata: { generation: 2 } },
    expected: {
      action: 'skip',
      skip: { reason: 'not-rollbackable', message: 'no rollbacker has been implemented for "ReplicationController"' },
    },
  },
  {
    name: 'no revision was recorded before the run',
    workload: applied('Deployment', { revisionBefore: null }),
    live: liveDeployment(),
    history: deploymentHistory,
    expected: { action: 'skip', skip: { reason: 'revision-unknown' } },
  },
  {
    name: 'revision 0 is not a target',
    workload: applied('Deployment', { revisionBefore: 0 }),
    live: liveDeployment(),
    history: deploymentHistory,
    expected: { action: 'skip', skip: { reason: 'revision-unknown' } },
  },
  {
    name: 'revisionHistoryLimit pruned the Deployment target',
    workload: applied('Deployment', { revisionBefore: 1 }),
    live: liveDeployment(),
    history: [replicaSet('3', 'foo:3'), replicaSet('2', 'foo:2')],
    expected: { action: 'skip', skip: { reason: 'revision-pruned', revision: 1, available: [2, 3], historyLimit: 10 } },
  },
  {
    name: 'revisionHistoryLimit pruned the StatefulSet target',
    workload: applied('StatefulSet', { revisionBefore: 1 }),
    live: liveSet('StatefulSet'),
    history: [controllerRevision(2, 'nginx:2')],
    expected: { action: 'skip', skip: { reason: 'revision-pruned', revision: 1, available: [2], historyLimit: 10 } },
  },
  {
    name: 'the template already runs the target revision',
    workload: applied('Deployment', { revisionBefore: 2 }),
    live: liveDeployment(),
    history: deploymentHistory,
    expected: {
      action: 'skip',
      skip: { reason: 'already-at-target', revision: 2, message: 'skipped rollback (current template already matches revision 2)' },
    },
  },
  {
    name: 'undo a StatefulSet with the template its ControllerRevision stores',
    workload: applied('StatefulSet'),
    live: liveSet('StatefulSet'),
    history: setHistory('StatefulSet'),
    expected: {
      action: 'undo',
      fromRevision: 2,
      toRevision: 1,
      object: {
        ...appliedObject('StatefulSet'),
        metadata: { name: 'moons', namespace: 'default', annotations: { team: 'moon' } },
        spec: {
          ...appliedObject('StatefulSet').spec,
          replicas: 1,
          template: { metadata: { labels: { foo: 'bar' } }, spec: podTemplate('nginx:1').spec },
        },
      },
    },
  },
  {
    name: 'undo a DaemonSet with the template its ControllerRevision stores',
    workload: applied('DaemonSet'),
    live: liveSet('DaemonSet'),
    history: setHistory('DaemonSet'),
    expected: { action: 'undo', fromRevision: 2, toRevision: 1 },
  },
];

describe('planRollback', () => {
  it.each(cases)('$name', ({ workload, outcome, options, live, history, expected, runHealthy }) => {
    const id = workloadId(workload);
    // Another workload of the run failed, unless the case says the whole run was healthy.
    const outcomes = new Map<string, WorkloadOutcomeState>([['Deployment/default/other', runHealthy ? 'healthy' : 'failed']]);
    if (outcome) outcomes.set(id, outcome);
    const current = new Map<string, unknown>(live === undefined ? [] : [[id, live]]);
    const [action] = planRollback([workload], outcomes, options ?? ALL, current, new Map(history ? [[id, history]] : []));
    expect(action).toMatchObject({ kind: workload.kind, namespace: 'default', name: 'moons', ...expected });
  });

  it('undoes a Deployment by applying the run configuration with the template and trace of the revision before', () => {
    const w = applied('Deployment');
    const id = workloadId(w);
    const cause = 'kube-deploy-gate: acme/shop@abc1234 run https://github.com/acme/shop/actions/runs/41 by octocat';
    const history = [replicaSet('1', 'foo:1', { annotations: { 'kubernetes.io/change-cause': cause } }), replicaSet('2', 'foo:2')];
    const outcomes = new Map<string, WorkloadOutcomeState>([[id, 'failed']]);
    const [action] = planRollback([w], outcomes, ALL, new Map([[id, liveDeployment()]]), new Map([[id, history]]));
    expect(action).toEqual({
      kind: 'Deployment',
      namespace: 'default',
      name: 'moons',
      fromRevision: 2,
      toRevision: 1,
      action: 'undo',
      changeCause: cause,
      // Everything the run applied stays (selector, its own annotations), so server-side apply deletes nothing;
      // spec.replicas is the live count (a rollback restores the template, not the scale); the pod template is
      // revision 1's without the controller's hash label.
      object: {
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        metadata: { name: 'moons', namespace: 'default', annotations: { team: 'moon', 'kubernetes.io/change-cause': cause } },
        spec: {
          replicas: 1,
          selector: { matchLabels: { foo: 'bar' } },
          template: { metadata: { labels: { foo: 'bar' } }, spec: podTemplate('foo:1').spec },
        },
      },
    });
  });

  it('plans each workload of a run on its own: two changed Deployments, one failed, a third unchanged', () => {
    const names = ['api', 'web', 'cache'];
    const workloads = names.map((name) => applied('Deployment', { name, changed: name !== 'cache' }));
    const outcomes = new Map<string, WorkloadOutcomeState>([
      ['Deployment/default/api', 'failed'],
      ['Deployment/default/web', 'healthy'],
      ['Deployment/default/cache', 'healthy'],
    ]);
    const current = new Map(names.map((name) => [`Deployment/default/${name}`, liveDeployment()]));
    const history = new Map(names.map((name) => [`Deployment/default/${name}`, deploymentHistory]));
    expect(planRollback(workloads, outcomes, ALL, current, history).map((a) => a.action)).toEqual(['undo', 'undo', 'skip']);
    expect(planRollback(workloads, outcomes, FAILED_ONLY, current, history).map((a) => a.action)).toEqual(['undo', 'skip', 'skip']);
  });
});

describe('notRestoredObjects', () => {
  it('lists the changed objects that are not workloads', () => {
    expect(
      notRestoredObjects([
        { apiVersion: 'v1', kind: 'ConfigMap', namespace: 'default', name: 'settings', changed: true },
        { apiVersion: 'v1', kind: 'Secret', namespace: 'default', name: 'token', changed: false },
        { apiVersion: 'apps/v1', kind: 'Deployment', namespace: 'default', name: 'api', changed: true },
        { apiVersion: 'v1', kind: 'Namespace', name: 'shop', changed: true },
        { apiVersion: 'v1', kind: 'Service', namespace: 'default', name: 'api', changed: true },
        { kind: 'Widget', namespace: 'default', name: 'blue', changed: true },
      ]),
    ).toStrictEqual([
      { apiVersion: 'v1', kind: 'ConfigMap', namespace: 'default', name: 'settings' },
      { apiVersion: 'v1', kind: 'Namespace', name: 'shop' },
      { apiVersion: 'v1', kind: 'Service', namespace: 'default', name: 'api' },
      { kind: 'Widget', namespace: 'default', name: 'blue' },
    ]);
  });
});

describe('planRollback: the scale is not rolled back', () => {
  const undo = (w: AppliedWorkload, live: unknown) => {
    const id = workloadId(w);
    const [action] = planRollback([w], new Map([[id, 'failed']]), ALL, new Map([[id, live]]), new Map([[id, deploymentHistory]]));
    if (action.action !== 'undo') throw new Error(`expected an undo, got ${action.action}`);
    return action.object as { spec: Record<string, unknown> };
  };

  it('sends spec.replicas as the live object has it when the run applied it', () => {
    expect(undo(applied('Deployment'), liveDeployment()).spec.replicas).toBe(1);
  });

  it('keeps the applied spec.replicas when the live object has none to read', () => {
    const live = liveDeployment();
    delete (live.spec as Record<string, unknown>).replicas;
    expect(undo(applied('Deployment'), live).spec.replicas).toBe(3);
  });

  it('leaves spec.replicas out when the run left it to an HPA', () => {
    const w = applied('Deployment');
    const { replicas: _, ...spec } = w.applied.spec as Record<string, unknown>;
    const object = undo({ ...w, applied: { ...w.applied, spec } }, liveDeployment());
    expect(Object.hasOwn(object.spec, 'replicas')).toBe(false);
    expect(object.spec.template).toEqual({ metadata: { labels: { foo: 'bar' } }, spec: podTemplate('foo:1').spec });
  });
});
