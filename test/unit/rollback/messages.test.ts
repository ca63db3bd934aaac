import { describe, expect, it } from 'vitest';
import { rollbackMessage, toRollbackResult, toRollbackWorkload, type RollbackExecution } from '../../../src/rollback/messages.js';
import type { RollbackAction, SkipReason } from '../../../src/rollback/plan.js';

const ref = { kind: 'Deployment' as const, namespace: 'shop', name: 'web', fromRevision: 8, toRevision: 7 };
const undo: RollbackAction = { ...ref, action: 'undo', object: {}, changeCause: null };
const ok = (newRevision: number | null): RollbackExecution => ({ done: true, newRevision, error: null });
const failed = (error: string | null): RollbackExecution => ({ done: false, newRevision: null, error });

describe('rollbackMessage', () => {
  it.each([
    ['planned undo', undo, undefined, 'will roll back to the template of revision 7'],
    ['undo done', undo, ok(9), 'rolled back to the template of revision 7, now revision 9'],
    ['undo done, new revision unread', undo, ok(null), 'rolled back to the template of revision 7'],
    [
      'undo whose rollout failed',
      undo,
      failed('deployment "web" exceeded its progress deadline'),
      'rollback to the template of revision 7 failed: deployment "web" exceeded its progress deadline',
    ],
    ['undo that did not complete', undo, failed(null), 'rollback to the template of revision 7 did not complete'],
    [
      'planned scale',
      { ...ref, action: 'scale-to-zero', object: {} },
      undefined,
      'first deploy: will scale to 0 replicas (on-first-deploy-failure: scale-to-zero)',
    ],
    [
      'scaled',
      { ...ref, action: 'scale-to-zero', object: {} },
      ok(null),
      'first deploy: scaled to 0 replicas (on-first-deploy-failure: scale-to-zero)',
    ],
    [
      'scale failed',
      { ...ref, action: 'scale-to-zero', object: {} },
      failed('forbidden'),
      'first deploy: scaling to 0 replicas failed: forbidden',
    ],
    ['deleted', { ...ref, action: 'delete' }, ok(null), 'first deploy: deleted (on-first-deploy-failure: delete)'],
    ['delete failed', { ...ref, action: 'delete' }, failed('forbidden'), 'first deploy: delete failed: forbidden'],
    ['kept', { ...ref, action: 'keep' }, undefined, 'first deploy: kept as is (on-first-deploy-failure: keep)'],
    ['planned delete', { ...ref, action: 'delete' }, undefined, 'first deploy: will delete it (on-first-deploy-failure: delete)'],
    ['delete that did not complete', { ...ref, action: 'delete' }, failed(null), 'first deploy: delete did not complete'],
  ] as [string, RollbackAction, RollbackExecution | undefined, string][])('%s', (_name, action, execution, message) => {
    expect(rollbackMessage(action, execution)).toBe(message);
  });
});

describe('skip messages', () => {
  it.each([
    [{ reason: 'nothing-failed' }, 'not rolled back: no workload failed'],
    [{ reason: 'unchanged' }, 'not rolled back: unchanged by this run'],
    [{ reason: 'not-failed', state: 'healthy' }, 'not rolled back: healthy (rollback-scope: failed-only)'],
    [{ reason: 'not-failed', state: 'pending' }, 'not rolled back: still in progress, not failed (rollback-scope: failed-only)'],
    [{ reason: 'not-failed', state: null }, 'not rolled back: not failed (rollback-scope: failed-only)'],
    [{ reason: 'deleted' }, 'not rolled back: deleted during the run'],
    [{ reason: 'paused' }, "not rolled back: paused; resume it first with 'kubectl rollout resume deployment/web -n shop'"],
    [
      { reason: 'changed-meanwhile', generation: 6, ours: 4 },
      "not rolled back: changed by someone else during the run (generation 6, this run's apply made 4)",
    ],
    [
      { reason: 'not-rollbackable', message: 'no rollbacker has been implemented for "Job.batch"' },
      'not rolled back: a Deployment has no rollout history (no rollbacker has been implemented for "Job.batch")',
    ],
    [{ reason: 'not-scalable' }, 'first deploy: a Deployment cannot be scaled to zero; kept as is'],
    [{ reason: 'revision-unknown' }, 'not rolled back: the revision before this run is unknown'],
    [
      { reason: 'revision-pruned', revision: 7, available: [9, 10], historyLimit: 2 },
      'not rolled back: revision 7 is no longer in the history (revisionHistoryLimit 2; revisions kept: 9, 10)',
    ],
    [
      { reason: 'revision-pruned', revision: 7, available: [], historyLimit: null },
      'not rolled back: revision 7 is no longer in the history (no revisions kept)',
    ],
    [{ reason: 'already-at-target', revision: 7, message: '' }, 'not rolled back: current template already matches revision 7'],
    [{ reason: 'refused', message: 'no last revision to roll back to' }, 'not rolled back: no last revision to roll back to'],
  ] as [SkipReason, string][])('%j', (skip, message) => {
    expect(rollbackMessage({ ...ref, action: 'skip', skip })).toBe(message);
  });

  it('says a ReplicationController is not restored, and what to move to', () => {
    const skip: SkipReason = { reason: 'not-rollbackable', message: 'no rollbacker has been implemented for "ReplicationController"' };
    expect(rollbackMessage({ ...ref, kind: 'ReplicationController', action: 'skip', skip })).toBe(
      'not restored: a ReplicationController keeps no revision history, so it keeps the template this run applied (no rollbacker has been implemented for "ReplicationController"); move it to a Deployment to get rollbacks',
    );
  });

  it('names the kind', () => {
    expect(rollbackMessage({ ...ref, kind: 'Job', action: 'skip', skip: { reason: 'not-scalable' } })).toMatch(/^first deploy: a Job/);
  });
});

describe('RollbackResult', () => {
  it('fills the JSON output: done only for executed actions, the new revision only for an undo', () => {
    expect(toRollbackWorkload({ ...undo, changeCause: 'kube-deploy-gate: acme/shop@abc1234' }, ok(9))).toEqual({
      kind: 'Deployment',
      namespace: 'shop',
      name: 'web',
      fromRevision: 8,
      toRevision: 7,
      newRevision: 9,
      attempted: true,
      done: true,
      message: 'rolled back to the template of revision 7, now revision 9',
      changeCause: 'kube-deploy-gate: acme/shop@abc1234',
    });
    expect(toRollbackWorkload({ ...ref, action: 'keep' }, ok(3))).toMatchObject({ attempted: false, done: false, newRevision: null });
    expect(toRollbackWorkload({ ...ref, action: 'skip', skip: { reason: 'paused' } })).toMatchObject({
      attempted: false,
      done: false,
      newRevision: null,
    });
    // A planned undo not carried out yet (the plan command) was not attempted.
    expect(toRollbackWorkload(undo)).toMatchObject({
      attempted: false,
      done: false,
      message: 'will roll back to the template of revision 7',
    });
    // The forced path's deleted pods travel with the execution; no field at all when none were deleted.
    expect(toRollbackWorkload(undo, { ...ok(9), deletedPods: ['web-1', 'web-0'] })).toMatchObject({ deletedPods: ['web-1', 'web-0'] });
    expect(toRollbackWorkload(undo, { ...ok(9), deletedPods: [] })).not.toHaveProperty('deletedPods');
  });

  it.each([
    [[undo], true],
    [
      [
        { ...ref, action: 'keep' },
        { ...ref, action: 'skip', skip: { reason: 'unchanged' } },
      ],
      false,
    ],
  ] as [RollbackAction[], boolean][])('attempted when something was executed: %#', (actions, attempted) => {
    const result = toRollbackResult(actions, new Map([['Deployment/shop/web', ok(9)]]), [
      { kind: 'ConfigMap', namespace: 'shop', name: 'settings' },
    ]);
    expect(result.attempted).toBe(attempted);
    expect(result.workloads).toHaveLength(actions.length);
    expect(result.notRestored).toEqual([{ kind: 'ConfigMap', namespace: 'shop', name: 'settings' }]);
  });
});

describe('RollbackResult: which actions count as executed', () => {
  it.each([
    ['undo', undo, true],
    ['scale-to-zero', { ...ref, action: 'scale-to-zero', object: {} }, true],
    ['delete', { ...ref, action: 'delete' }, true],
    ['keep', { ...ref, action: 'keep' }, false],
    ['skip', { ...ref, action: 'skip', skip: { reason: 'unchanged' } }, false],
  ] as [string, RollbackAction, boolean][])('%s: attempted and done %s', (_name, action, executable) => {
    expect(toRollbackWorkload(action, ok(null))).toMatchObject({ attempted: executable, done: executable, changeCause: null });
    expect(toRollbackResult([action], new Map(), []).attempted).toBe(executable);
  });

  it('attempted when any one action was executed, among others that were not', () => {
    const keep: RollbackAction = { ...ref, name: 'api', action: 'keep' };
    const result = toRollbackResult([keep, undo], new Map([['Deployment/shop/web', ok(9)]]), []);
    expect(result.attempted).toBe(true);
    expect(result.workloads.map((w) => [w.name, w.done, w.message])).toEqual([
      ['api', false, 'first deploy: kept as is (on-first-deploy-failure: keep)'],
      ['web', true, 'rolled back to the template of revision 7, now revision 9'],
    ]);
  });
});
