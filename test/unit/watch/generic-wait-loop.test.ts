// The wait for objects that are not workloads (wait-for), in the wait loop with a fake clock, the real judge
// (kstatus rules and the object diagnosis) and stores fed by hand: each way an object settles, and how the objects
// and the workloads end the wait together.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createJudge } from '../../../src/judge.js';
import { GenericStore } from '../../../src/watch/generic-store.js';
import type { GenericTarget } from '../../../src/watch/generic-targets.js';
import { GenericTracker } from '../../../src/watch/generic-tracker.js';
import { LiveStore } from '../../../src/watch/live-store.js';
import { WaitLoop } from '../../../src/watch/wait-loop.js';

const WIDGETS = 'test.kube-deploy-gate.dev/v1';
const at = '2026-01-01T00:00:00Z';
const cond = (type: string, status: string, reason: string, message: string, observedGeneration?: number) => ({
  type,
  status,
  reason,
  message,
  lastTransitionTime: at,
  ...(observedGeneration === undefined ? {} : { observedGeneration }),
});
const widget = (name: string, generation: number, status?: object, rv = '1') => ({
  apiVersion: WIDGETS,
  kind: 'Widget',
  metadata: { name, namespace: 'prod', uid: `uid-${name}`, generation, resourceVersion: rv },
  spec: { size: 1 },
  ...(status ? { status } : {}),
});
const target = (name: string, changed = true, kind = 'Widget', apiVersion = WIDGETS): GenericTarget => ({
  apiVersion,
  kind,
  namespace: 'prod',
  name,
  changed,
});

interface Setup {
  targets: GenericTarget[];
  workloads?: string[];
  failFast?: boolean;
  firstStatusMs?: number;
  storageClasses?: unknown[];
  timeoutMs?: number;
}

function setup(o: Setup) {
  const wake = { loop: null as WaitLoop | null };
  const judge = createJudge();
  const store = new LiveStore(() => wake.loop?.changed());
  const objects = new GenericStore(() => wake.loop?.changed());
  const log: string[] = [];
  const tracker = new GenericTracker(
    o.targets,
    { find: (t) => objects.find(t), events: () => store.list('events') },
    {
      judge: judge.objects!,
      statusOptions: { waitForLoadBalancers: false, ...(o.storageClasses ? { storageClasses: o.storageClasses } : {}) },
      failFast: o.failFast ?? true,
      firstStatusMs: o.firstStatusMs ?? 0,
      log: (l) => log.push(l),
    },
  );
  const loop = (wake.loop = new WaitLoop(
    (o.workloads ?? []).map((name) => ({ kind: 'Deployment' as const, namespace: 'prod', name })),
    store,
    { timeoutMs: o.timeoutMs ?? 30_000, failFast: o.failFast ?? true, judge, log: (l) => log.push(l), objects: tracker },
  ));
  return {
    loop,
    tracker,
    log,
    widgets: objects.watcher(WIDGETS, 'Widget', 'prod', () => {}),
    claims: objects.watcher('v1', 'PersistentVolumeClaim', 'prod', () => {}),
    events: store.watcher('events', 'prod', { apiVersion: 'v1', kind: 'Event' }, () => {}),
    deployments: store.watcher('deployments', 'prod', { apiVersion: 'apps/v1', kind: 'Deployment' }, () => {}),
  };
}

beforeEach(() => vi.useFakeTimers({ now: Date.parse('2026-01-01T00:00:10Z') }));
afterEach(() => vi.useRealTimers());

describe('the wait for other objects', () => {
  it('settles a Ready custom resource healthy at once, and ends the wait when nothing else is pending', async () => {
    const { loop, tracker, widgets } = setup({ targets: [target('a')] });
    const run = loop.run();
    widgets.onSync([widget('a', 1, { observedGeneration: 1, conditions: [cond('Ready', 'True', 'Succeeded', 'ok', 1)] })]);
    await vi.advanceTimersByTimeAsync(1);
    await expect(run).resolves.toBe('settled');
    expect(tracker.outcomes).toEqual([
      expect.objectContaining({ kind: 'Widget', name: 'a', state: 'healthy', message: 'Resource is Ready', settledAtMs: 0, findings: [] }),
    ]);
  });

  it('Stalled fails at once with the condition as the finding, fail-fast or not', async () => {
    const { loop, tracker, widgets } = setup({ targets: [target('a')], failFast: false });
    const run = loop.run();
    widgets.onSync([
      widget('a', 2, {
        observedGeneration: 2,
        conditions: [cond('Stalled', 'True', 'InvalidSpec', 'spec.size must be between 1 and 10', 2)],
      }),
    ]);
    await vi.advanceTimersByTimeAsync(1);
    await expect(run).resolves.toBe('settled');
    const [outcome] = tracker.outcomes;
    expect(outcome).toMatchObject({ state: 'failed', message: 'Stalled: InvalidSpec: spec.size must be between 1 and 10' });
    expect(outcome.findings).toEqual([
      expect.objectContaining({
        category: 'object-stalled',
        fatal: true,
        workload: 'Widget/prod/a',
        reason: 'InvalidSpec',
        message: 'Stalled: InvalidSpec: spec.size must be between 1 and 10',
        count: '',
        hint: expect.stringContaining('kubectl describe widget a -n prod'),
      }),
    ]);
  });

  it("a stall's event that comes after the verdict is in the finding once the wait ends", async () => {
    const { loop, tracker, widgets, events, deployments } = setup({ targets: [target('a')], workloads: ['web'] });
    const run = loop.run();
    deployments.onSync([]);
    widgets.onSync([widget('a', 2, { observedGeneration: 2, conditions: [cond('Stalled', 'True', 'InvalidSpec', 'too big', 2)] })]);
    await vi.advanceTimersByTimeAsync(1);
    expect(tracker.outcomes[0]).toMatchObject({ state: 'failed', findings: [expect.objectContaining({ events: [] })] });
    events.onSync([
      {
        apiVersion: 'v1',
        kind: 'Event',
        metadata: { name: 'a.1', namespace: 'prod', uid: 'e1' },
        involvedObject: { kind: 'Widget', name: 'a', namespace: 'prod', uid: 'uid-a' },
        type: 'Warning',
        reason: 'InvalidSpec',
        message: 'too big',
        count: 1,
        lastTimestamp: at,
      },
    ]);
    tracker.refreshFailed(Date.now());
    expect(tracker.outcomes[0].findings[0].events).toEqual([expect.objectContaining({ reason: 'InvalidSpec', message: 'too big' })]);
    loop.changed();
    void run;
  });

  it('gives a changed object without status the first-status window: a stall written within it is seen', async () => {
    const { loop, tracker, widgets, log } = setup({ targets: [target('a')], firstStatusMs: 10_000 });
    const run = loop.run();
    widgets.onSync([widget('a', 1)]);
    await vi.advanceTimersByTimeAsync(3000);
    expect(tracker.outcomes[0]).toMatchObject({ state: 'pending', status: { reason: 'NoStatus' } });
    widgets.onEvent('MODIFIED', widget('a', 1, { observedGeneration: 1, conditions: [cond('Stalled', 'True', 'Broken', 'no', 1)] }, '2'));
    await vi.advanceTimersByTimeAsync(1);
    await expect(run).resolves.toBe('settled');
    expect(tracker.outcomes[0]).toMatchObject({ state: 'failed', settledAtMs: 3000 });
    expect(log).toContain('Widget prod/a: Widget has no status yet: waiting for its controller to report');
  });

  it('believes kstatus after the window when no status comes (a kind whose controller writes none)', async () => {
    const { loop, tracker, widgets } = setup({ targets: [target('a')], firstStatusMs: 10_000 });
    const run = loop.run();
    widgets.onSync([widget('a', 1)]);
    await vi.advanceTimersByTimeAsync(11_000);
    await expect(run).resolves.toBe('settled');
    // Judged again by the once-a-second tick, not by a change.
    expect(tracker.outcomes[0]).toMatchObject({ state: 'healthy', message: 'Resource is current', settledAtMs: 10_000 });
  });

  it('an object the run did not change is judged as it is: no status is current at once', async () => {
    const { loop, tracker, widgets } = setup({ targets: [target('a', false)], firstStatusMs: 10_000 });
    const run = loop.run();
    widgets.onSync([widget('a', 1)]);
    await vi.advanceTimersByTimeAsync(1);
    await expect(run).resolves.toBe('settled');
    expect(tracker.outcomes[0]).toMatchObject({ state: 'healthy', settledAtMs: 0 });
  });

  it('waits through Reconciling until Ready', async () => {
    const { loop, tracker, widgets } = setup({ targets: [target('a')] });
    const run = loop.run();
    widgets.onSync([
      widget('a', 1, { observedGeneration: 1, conditions: [cond('Reconciling', 'True', 'Progressing', 'making parts', 1)] }),
    ]);
    await vi.advanceTimersByTimeAsync(2000);
    expect(tracker.outcomes[0]).toMatchObject({ state: 'pending', status: { state: 'in-progress', message: 'making parts' } });
    widgets.onEvent('MODIFIED', widget('a', 1, { observedGeneration: 1, conditions: [cond('Ready', 'True', 'Succeeded', 'ok', 1)] }, '2'));
    await vi.advanceTimersByTimeAsync(1);
    await expect(run).resolves.toBe('settled');
    expect(tracker.outcomes[0]).toMatchObject({ state: 'healthy', settledAtMs: 2000 });
  });

  it('times out on a generation its controller never observes, and says what that suggests', async () => {
    const { loop, tracker, widgets } = setup({ targets: [target('a')], timeoutMs: 5000 });
    const run = loop.run();
    widgets.onSync([widget('a', 2, { observedGeneration: 1, conditions: [cond('Ready', 'True', 'Succeeded', 'ok', 1)] })]);
    await vi.advanceTimersByTimeAsync(5000);
    await expect(run).resolves.toBe('deadline');
    expect(tracker.outcomes[0]).toMatchObject({
      state: 'timeout',
      status: { reason: 'LatestGenerationNotObserved' },
      message: 'Widget generation is 2, but latest observed generation is 1: is its controller running?',
      findings: [],
    });
  });

  describe('a claim whose StorageClass does not exist', () => {
    const claim = {
      apiVersion: 'v1',
      kind: 'PersistentVolumeClaim',
      metadata: { name: 'data', namespace: 'prod', uid: 'uid-data', resourceVersion: '1' },
      spec: { storageClassName: 'fast', accessModes: ['ReadWriteOnce'] },
      status: { phase: 'Pending' },
    };
    const provisioningFailed = {
      apiVersion: 'v1',
      kind: 'Event',
      metadata: { name: 'data.1', namespace: 'prod', uid: 'ev1', resourceVersion: '5' },
      involvedObject: { kind: 'PersistentVolumeClaim', namespace: 'prod', name: 'data', uid: 'uid-data' },
      type: 'Warning',
      reason: 'ProvisioningFailed',
      message: 'storageclass.storage.k8s.io "fast" not found',
      count: 1,
      firstTimestamp: '2026-01-01T00:00:10Z',
      lastTimestamp: '2026-01-01T00:00:10Z',
    };
    const standard = { metadata: { name: 'standard' }, provisioner: 'ebs.csi.aws.com', volumeBindingMode: 'WaitForFirstConsumer' };

    it('fails fast on the PV controller event once the class list confirms it is missing', async () => {
      const { loop, tracker, claims, events } = setup({
        targets: [target('data', true, 'PersistentVolumeClaim', 'v1')],
        storageClasses: [standard],
      });
      const run = loop.run();
      claims.onSync([claim]);
      events.onSync([]);
      await vi.advanceTimersByTimeAsync(500);
      expect(tracker.outcomes[0]).toMatchObject({ state: 'pending', status: { message: 'PVC is not Bound. phase: Pending' } });
      events.onEvent('ADDED', provisioningFailed);
      await vi.advanceTimersByTimeAsync(1);
      await expect(run).resolves.toBe('settled');
      const [outcome] = tracker.outcomes;
      expect(outcome).toMatchObject({ state: 'failed', message: 'PVC is not Bound. phase: Pending', settledAtMs: 500 });
      expect(outcome.findings).toEqual([
        expect.objectContaining({
          category: 'pvc-provisioning-failed',
          fatal: true,
          reason: 'ProvisioningFailed',
          message: 'PersistentVolumeClaim data is Pending (storageClassName fast): storageclass.storage.k8s.io "fast" not found',
          hint: expect.stringContaining('Create StorageClass fast'),
        }),
      ]);
    });

    it('without the class list the event is not conclusive for a minute', async () => {
      const { loop, tracker, claims, events } = setup({
        targets: [target('data', true, 'PersistentVolumeClaim', 'v1')],
        timeoutMs: 120_000,
      });
      const run = loop.run();
      claims.onSync([claim]);
      events.onSync([provisioningFailed]);
      await vi.advanceTimersByTimeAsync(59_000);
      expect(tracker.outcomes[0].state).toBe('pending');
      await vi.advanceTimersByTimeAsync(1500);
      await expect(run).resolves.toBe('settled');
      expect(tracker.outcomes[0]).toMatchObject({ state: 'failed', settledAtMs: 60_000 });
    });

    it('without fail-fast it times out, with the finding', async () => {
      const { loop, tracker, claims, events } = setup({
        targets: [target('data', true, 'PersistentVolumeClaim', 'v1')],
        storageClasses: [standard],
        failFast: false,
        timeoutMs: 3000,
      });
      const run = loop.run();
      claims.onSync([claim]);
      events.onSync([provisioningFailed]);
      await vi.advanceTimersByTimeAsync(3000);
      await expect(run).resolves.toBe('deadline');
      expect(tracker.outcomes[0]).toMatchObject({ state: 'timeout', message: 'PVC is not Bound. phase: Pending' });
      expect(tracker.outcomes[0].findings.map((f) => f.category)).toEqual(['pvc-provisioning-failed']);
    });
  });

  it('objects and workloads end the wait together: a settled object does not end it while a workload is pending', async () => {
    const { loop, tracker, widgets, deployments } = setup({ targets: [target('a')], workloads: ['web'] });
    const run = loop.run();
    widgets.onSync([widget('a', 1, { observedGeneration: 1, conditions: [cond('Ready', 'True', 'Succeeded', 'ok', 1)] })]);
    deployments.onSync([]);
    await vi.advanceTimersByTimeAsync(1000);
    expect(tracker.outcomes[0].state).toBe('healthy');
    expect(loop.outcomes[0].state).toBe('pending');
    loop.fail(new Error('stop'));
    await expect(run).resolves.toBe('failed');
  });

  it('a kind that cannot be watched is dropped: not pending, not in the outcomes', async () => {
    const { loop, tracker, widgets } = setup({ targets: [target('a'), target('data', true, 'PersistentVolumeClaim', 'v1')] });
    const run = loop.run();
    widgets.onSync([widget('a', 1, { observedGeneration: 1, conditions: [cond('Ready', 'True', 'Succeeded', 'ok', 1)] })]);
    await vi.advanceTimersByTimeAsync(1);
    expect(tracker.pending).toBe(true);
    expect(tracker.drop((t) => t.kind === 'PersistentVolumeClaim')).toBe(1);
    loop.changed();
    await vi.advanceTimersByTimeAsync(1);
    await expect(run).resolves.toBe('settled');
    expect(tracker.outcomes.map((o) => o.name)).toEqual(['a']);
  });

  it('a cancelled wait cancels the pending objects', async () => {
    const { loop, tracker, widgets } = setup({ targets: [target('a')] });
    const abort = new AbortController();
    const run = loop.run(abort.signal);
    widgets.onSync([
      widget('a', 1, { observedGeneration: 1, conditions: [cond('Reconciling', 'True', 'Progressing', 'making parts', 1)] }),
    ]);
    await vi.advanceTimersByTimeAsync(100);
    abort.abort();
    await expect(run).resolves.toBe('cancelled');
    expect(tracker.outcomes[0]).toMatchObject({ state: 'cancelled', message: 'making parts' });
  });
});
