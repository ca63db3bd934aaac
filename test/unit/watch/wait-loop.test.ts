// The wait loop driven by a fake clock and a live store fed by hand: when it judges, when it diagnoses, and how each
// way of ending (every workload settled, deadline, cancellation, a refused watch, someone else's template) shows.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Workload } from '../../../src/k8s/objects.js';
import type { Judge } from '../../../src/watch/judge.js';
import { LiveStore } from '../../../src/watch/live-store.js';
import { WaitLoop, findingsToReport, supersededMessage, type WaitLoopOptions } from '../../../src/watch/wait-loop.js';
import type { Finding } from '../../../src/diagnose/finding.js';

const DEPLOY = { apiVersion: 'apps/v1', kind: 'Deployment' };
const template = (image: string) => ({ metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'app', image }] } });
const deployment = (name: string, state: 'ready' | 'rolling' | 'deadline', image = 'web:2', rv = '1'): Workload => ({
  ...DEPLOY,
  metadata: { name, namespace: 'prod', uid: `uid-${name}`, resourceVersion: rv, annotations: { state } },
  spec: { template: template(image) },
});

/** Decides from an annotation, and records every diagnosis (the time it ran). */
function fakeJudge(doomedNames: Set<string> = new Set()) {
  const diagnosedAt: number[] = [];
  const judge: Judge = {
    status: (w) => {
      const state = w.metadata?.annotations?.state;
      if (state === 'ready') return { done: true, message: 'successfully rolled out', error: null };
      if (state === 'deadline') return { done: false, message: '', error: 'exceeded its progress deadline' };
      return { done: false, message: 'Waiting...', error: null };
    },
    terminal: (s) => s.error === 'exceeded its progress deadline',
    doomed: (w) => {
      diagnosedAt.push(Date.now());
      return doomedNames.has(w.metadata?.name ?? '');
    },
    findings: () => [],
    alarming: (obj) => (obj as { type?: string }).type === 'Warning',
  };
  return { judge, diagnosedAt };
}

function setup(targets: string[], judge: Judge, options: Partial<WaitLoopOptions> = {}) {
  const wake = { loop: null as WaitLoop | null };
  const store = new LiveStore(
    () => wake.loop?.changed(),
    (o) => judge.alarming?.(o) ?? false,
  );
  const deployments = store.watcher('deployments', 'prod', DEPLOY, () => {});
  const events = store.watcher('events', 'prod', { apiVersion: 'v1', kind: 'Event' }, () => {});
  const log: string[] = [];
  const loop = (wake.loop = new WaitLoop(
    targets.map((name) => ({ kind: 'Deployment' as const, namespace: 'prod', name })),
    store,
    { timeoutMs: 60_000, failFast: true, judge, log: (l) => log.push(l), ...options },
  ));
  return { loop, deployments, events, log };
}

let warnings = 0;
const warning = () => ({ type: 'Warning', reason: 'BackOff', metadata: { name: `e${warnings}`, uid: `e${warnings++}` } });

beforeEach(() => vi.useFakeTimers({ now: 0 }));
afterEach(() => vi.useRealTimers());

describe('WaitLoop', () => {
  it('settles healthy on the change that makes the workload ready, not at the next tick', async () => {
    const { judge } = fakeJudge();
    const { loop, deployments } = setup(['web'], judge);
    const run = loop.run();
    deployments.onSync([deployment('web', 'rolling')]);
    await vi.advanceTimersByTimeAsync(300);
    deployments.onEvent('MODIFIED', deployment('web', 'ready', 'web:2', '2'));
    await vi.advanceTimersByTimeAsync(1);
    await expect(run).resolves.toBe('settled');
    expect(loop.outcomes[0]).toMatchObject({ state: 'healthy', settledAtMs: 300, status: { message: 'successfully rolled out' } });
  });

  it('a terminal error fails the workload at once; the others keep waiting until they settle', async () => {
    const { judge } = fakeJudge();
    const { loop, deployments } = setup(['a', 'b'], judge);
    const run = loop.run();
    deployments.onSync([deployment('a', 'deadline'), deployment('b', 'rolling')]);
    await vi.advanceTimersByTimeAsync(10);
    expect(loop.outcomes.map((o) => o.state)).toEqual(['failed', 'pending']);
    deployments.onEvent('MODIFIED', deployment('b', 'ready', 'web:2', '3'));
    await vi.advanceTimersByTimeAsync(10);
    await expect(run).resolves.toBe('settled');
    expect(loop.outcomes.map((o) => o.state)).toEqual(['failed', 'healthy']);
  });

  it('debounces diagnosis: a stream of ordinary changes is diagnosed at most every 250 ms', async () => {
    const { judge, diagnosedAt } = fakeJudge();
    // No tick in this test: the tick re-judges on its own schedule, whatever the interval.
    const { loop, deployments } = setup(['web'], judge, { tickMs: 60_000 });
    void loop.run();
    for (let t = 0; t < 1000; t += 20) {
      deployments.onEvent('MODIFIED', deployment('web', 'rolling', 'web:2', String(t)));
      await vi.advanceTimersByTimeAsync(20);
    }
    const gaps = diagnosedAt.slice(1).map((t, i) => t - diagnosedAt[i]);
    expect(diagnosedAt).toEqual([250, 500, 750, 1000]); // not 50 times
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(250);
  });

  it('an alarming change (a Warning event) is diagnosed 25 ms after the last diagnosis instead of 250 ms', async () => {
    const { judge, diagnosedAt } = fakeJudge();
    const { loop, deployments, events } = setup(['web'], judge, { tickMs: 60_000 });
    void loop.run();
    deployments.onSync([deployment('web', 'rolling')]);
    await vi.advanceTimersByTimeAsync(255);
    expect(diagnosedAt).toEqual([250]);
    events.onEvent('ADDED', warning());
    await vi.advanceTimersByTimeAsync(100);
    expect(diagnosedAt).toEqual([250, 275]);
    deployments.onEvent('MODIFIED', deployment('web', 'rolling', 'web:2', '2'));
    await vi.advanceTimersByTimeAsync(300);
    expect(diagnosedAt).toEqual([250, 275, 525]);
  });

  it('fails fast when the judge says doomed, at the first diagnosis that sees it', async () => {
    const doomed = new Set<string>();
    const { judge } = fakeJudge(doomed);
    const { loop, deployments, events } = setup(['web'], judge);
    const run = loop.run();
    deployments.onSync([deployment('web', 'rolling')]);
    await vi.advanceTimersByTimeAsync(100);
    doomed.add('web');
    events.onEvent('ADDED', warning());
    await vi.advanceTimersByTimeAsync(30);
    await expect(run).resolves.toBe('settled');
    expect(loop.outcomes[0].state).toBe('failed');
  });

  it('keeps the findings that made it doomed; the report uses them when the end finds nothing fatal any more', async () => {
    const doomed = new Set<string>();
    const { judge } = fakeJudge(doomed);
    const crash = { category: 'crash-loop', fatal: true } as Finding;
    judge.findings = () => [crash];
    const { loop, deployments, events } = setup(['web'], judge);
    const run = loop.run();
    deployments.onSync([deployment('web', 'rolling')]);
    await vi.advanceTimersByTimeAsync(100);
    doomed.add('web');
    events.onEvent('ADDED', warning());
    await vi.advanceTimersByTimeAsync(30);
    await run;
    expect(loop.outcomes[0]).toMatchObject({ state: 'failed', doomedFindings: [crash] });
    const pending = { category: 'scheduling-pending', fatal: false } as Finding;
    expect(findingsToReport(loop.outcomes[0], [pending])).toEqual([crash]);
    const worse = { category: 'oom-killed', fatal: true } as Finding;
    expect(findingsToReport(loop.outcomes[0], [worse])).toEqual([worse]);
    expect(findingsToReport({ doomedFindings: null }, [pending])).toEqual([pending]);
  });

  it('does not diagnose at all without fail-fast, and ends at the deadline with timeout', async () => {
    const doomed = new Set(['web']);
    const { judge, diagnosedAt } = fakeJudge(doomed);
    const { loop, deployments } = setup(['web'], judge, { failFast: false, timeoutMs: 5000 });
    const run = loop.run();
    deployments.onSync([deployment('web', 'rolling')]);
    await vi.advanceTimersByTimeAsync(4999);
    expect(loop.outcomes[0].state).toBe('pending');
    await vi.advanceTimersByTimeAsync(1);
    await expect(run).resolves.toBe('deadline');
    expect(loop.outcomes[0]).toMatchObject({ state: 'timeout', settledAtMs: 5000 });
    expect(diagnosedAt).toEqual([]);
  });

  it('the 1 s tick re-judges clock-dependent rules with no change in the cluster', async () => {
    const doomed = new Set<string>();
    const { judge } = fakeJudge(doomed);
    const { loop, deployments } = setup(['web'], judge);
    const run = loop.run();
    deployments.onSync([deployment('web', 'rolling')]);
    await vi.advanceTimersByTimeAsync(10);
    doomed.add('web'); // e.g. "unschedulable for 60 s" became true with time alone
    await vi.advanceTimersByTimeAsync(1000);
    await expect(run).resolves.toBe('settled');
    expect(loop.outcomes[0].state).toBe('failed');
  });

  it('cancellation ends the wait at once; pending workloads are cancelled, settled ones keep their verdict', async () => {
    const { judge } = fakeJudge();
    const { loop, deployments } = setup(['a', 'b'], judge);
    const cancel = new AbortController();
    const run = loop.run(cancel.signal);
    deployments.onSync([deployment('a', 'ready'), deployment('b', 'rolling')]);
    await vi.advanceTimersByTimeAsync(10);
    cancel.abort();
    await expect(run).resolves.toBe('cancelled');
    expect(loop.outcomes.map((o) => o.state)).toEqual(['healthy', 'cancelled']);
    expect(vi.getTimerCount()).toBe(0);
  });

  it("fails a workload whose template someone else replaced, naming it, and never judges that template's status", async () => {
    const { judge } = fakeJudge();
    const wake = { loop: null as WaitLoop | null };
    const store = new LiveStore(() => wake.loop?.changed());
    const deployments = store.watcher('deployments', 'prod', DEPLOY, () => {});
    const loop = (wake.loop = new WaitLoop(
      [{ kind: 'Deployment', namespace: 'prod', name: 'web', templateAfter: template('web:2') }],
      store,
      {
        timeoutMs: 60_000,
        failFast: true,
        judge,
        log: () => {},
      },
    ));
    const run = loop.run();
    deployments.onSync([deployment('web', 'rolling', 'web:2')]);
    await vi.advanceTimersByTimeAsync(10);
    deployments.onEvent('MODIFIED', deployment('web', 'ready', 'web:3', '2'));
    await vi.advanceTimersByTimeAsync(10);
    await expect(run).resolves.toBe('settled');
    expect(loop.outcomes[0]).toMatchObject({ state: 'failed', status: { error: supersededMessage('Deployment', 'web') } });
  });

  it('a required watch that fails for good ends the wait with its error', async () => {
    const { judge } = fakeJudge();
    const { loop } = setup(['web'], judge);
    const run = loop.run();
    loop.fail(new Error('deployments.apps is forbidden'));
    await expect(run).resolves.toBe('failed');
    expect(loop.fatal?.message).toBe('deployments.apps is forbidden');
  });

  it('logs each new status text once', async () => {
    const { judge } = fakeJudge();
    const { loop, deployments, log } = setup(['web'], judge);
    const run = loop.run();
    deployments.onSync([deployment('web', 'rolling')]);
    await vi.advanceTimersByTimeAsync(10);
    deployments.onEvent('MODIFIED', deployment('web', 'rolling', 'web:2', '2'));
    await vi.advanceTimersByTimeAsync(10);
    deployments.onEvent('MODIFIED', deployment('web', 'ready', 'web:2', '3'));
    await vi.advanceTimersByTimeAsync(10);
    await run;
    expect(log).toEqual(['Deployment prod/web: Waiting...', 'Deployment prod/web: successfully rolled out']);
  });
});

describe('WaitLoop stability window', () => {
  /** A window judge scripted by the test: the verdict it gives next, and the opens it saw. */
  function windowJudge() {
    const script = { verdict: { state: 'waiting', untilMs: 0 } as import('../../../src/watch/judge.js').WindowVerdict, opened: 0 };
    const { judge } = fakeJudge();
    judge.window = {
      open: () => ++script.opened,
      judge: () => script.verdict,
    };
    return { judge, script };
  }

  it("holds a workload kubectl calls done until the window says stable, waking up on the judge's deadline", async () => {
    const { judge, script } = windowJudge();
    const { loop, deployments, log } = setup(['web'], judge, { minReadyMs: 10_000, tickMs: 60_000 });
    const run = loop.run();
    script.verdict = { state: 'waiting', untilMs: 12_500 };
    deployments.onSync([deployment('web', 'ready')]);
    await vi.advanceTimersByTimeAsync(2500);
    expect(loop.outcomes[0].state).toBe('pending');
    script.verdict = { state: 'stable' };
    await vi.advanceTimersByTimeAsync(10_000);
    await expect(run).resolves.toBe('settled');
    expect(loop.outcomes[0]).toMatchObject({ state: 'healthy', settledAtMs: 12_500, window: { state: 'held', rolledOutAtMs: 0 } });
    expect(loop.outcomes[0].status.message).toBe('successfully rolled out');
    expect(log).toContain("Deployment prod/web: rolled out by kubectl's rules; waiting 10 s for the new pods to stay up (min-ready)");
    expect(script.opened).toBe(1);
  });

  it('fails the workload when the window breaks, saying what happened after kubectl said done', async () => {
    const { judge, script } = windowJudge();
    const { loop, deployments } = setup(['web'], judge, { minReadyMs: 10_000 });
    const run = loop.run();
    deployments.onSync([deployment('web', 'rolling')]);
    await vi.advanceTimersByTimeAsync(2700);
    script.verdict = { state: 'waiting', untilMs: 12_700 };
    deployments.onEvent('MODIFIED', deployment('web', 'ready', 'web:2', '2'));
    await vi.advanceTimersByTimeAsync(1500);
    script.verdict = { state: 'broken', what: '3/3 new pods crashed (exit 1)', findings: [] };
    deployments.onEvent('MODIFIED', deployment('web', 'ready', 'web:2', '3'));
    await vi.advanceTimersByTimeAsync(10);
    await expect(run).resolves.toBe('settled');
    expect(loop.outcomes[0].state).toBe('failed');
    expect(loop.outcomes[0].window?.message).toBe(
      "rolled out by kubectl's rules after 2.7 s, then 3/3 new pods crashed (exit 1) within 1.5 s",
    );
  });

  it.each([
    ['min-ready 0s (exactly kubectl)', { minReadyMs: 0 }, undefined, {}],
    ['a workload the run did not change', { minReadyMs: 10_000 }, false, {}],
    ['a workload whose own minReadySeconds covers the window', { minReadyMs: 10_000 }, undefined, { minReadySeconds: 10 }],
  ])('no window for %s', async (_, options, changed, spec) => {
    const { judge, script } = windowJudge();
    const wake = { loop: null as WaitLoop | null };
    const store = new LiveStore(() => wake.loop?.changed());
    const deployments = store.watcher('deployments', 'prod', DEPLOY, () => {});
    const loop = (wake.loop = new WaitLoop([{ kind: 'Deployment', namespace: 'prod', name: 'web', changed }], store, {
      timeoutMs: 60_000,
      failFast: true,
      judge,
      log: () => {},
      ...options,
    }));
    const run = loop.run();
    const d = deployment('web', 'ready');
    deployments.onSync([{ ...d, spec: { ...d.spec, ...spec } }]);
    await vi.advanceTimersByTimeAsync(10);
    await expect(run).resolves.toBe('settled');
    expect(loop.outcomes[0]).toMatchObject({ state: 'healthy', window: null });
    expect(script.opened).toBe(0);
  });

  it('once another workload failed, a workload held only in its window stops waiting; one still rolling out does not', async () => {
    const { judge, script } = windowJudge();
    const { loop, deployments } = setup(['web', 'api', 'slow'], judge, { minReadyMs: 10_000, tickMs: 60_000 });
    const run = loop.run();
    script.verdict = { state: 'waiting', untilMs: 11_000 };
    deployments.onSync([deployment('web', 'ready'), deployment('api', 'rolling'), deployment('slow', 'rolling')]);
    await vi.advanceTimersByTimeAsync(1000);
    expect(loop.outcomes.map((o) => o.state)).toEqual(['pending', 'pending', 'pending']);
    deployments.onEvent('MODIFIED', deployment('api', 'deadline', 'web:2', '2'));
    await vi.advanceTimersByTimeAsync(10);
    expect(loop.outcomes.map((o) => o.state)).toEqual(['cancelled', 'failed', 'pending']);
    expect(loop.outcomes[0].window).toMatchObject({ state: 'unfinished', rolledOutAtMs: 0 });
    expect(loop.outcomes[0].window?.message).toBe(
      "rolled out by kubectl's rules after 0.0 s; the wait for the new pods to stay Ready for 10 s stopped when Deployment prod/api failed",
    );
    deployments.onEvent('MODIFIED', deployment('slow', 'deadline', 'web:2', '3'));
    await vi.advanceTimersByTimeAsync(10);
    await expect(run).resolves.toBe('settled');
    expect(loop.outcomes.map((o) => o.state)).toEqual(['cancelled', 'failed', 'failed']);
  });

  it('a deadline inside the window is a timeout, and the window says it did not finish', async () => {
    const { judge, script } = windowJudge();
    const { loop, deployments } = setup(['web'], judge, { minReadyMs: 10_000, timeoutMs: 5000 });
    const run = loop.run();
    script.verdict = { state: 'waiting', untilMs: 11_000 };
    deployments.onSync([deployment('web', 'ready')]);
    await vi.advanceTimersByTimeAsync(5000);
    await expect(run).resolves.toBe('deadline');
    expect(loop.outcomes[0]).toMatchObject({ state: 'timeout', window: { state: 'unfinished' } });
    expect(loop.outcomes[0].window?.message).toBe(
      "rolled out by kubectl's rules after 0.0 s, but the wait ended before the new pods had stayed Ready for 10 s",
    );
  });

  it('does not settle a workload kubectl calls done before its pods were listed once, nor wait for a refused pods watch', async () => {
    for (const how of ['listed', 'refused'] as const) {
      const { judge } = fakeJudge();
      const wake = { loop: null as WaitLoop | null };
      const store = new LiveStore(() => wake.loop?.changed());
      const deployments = store.watcher('deployments', 'prod', DEPLOY, () => {});
      const pods = store.watcher('pods', 'prod', { apiVersion: 'v1', kind: 'Pod' }, () => {});
      const loop = (wake.loop = new WaitLoop([{ kind: 'Deployment', namespace: 'prod', name: 'web' }], store, {
        timeoutMs: 60_000,
        failFast: true,
        judge,
        log: () => {},
      }));
      const run = loop.run();
      deployments.onSync([deployment('web', 'ready')]);
      await vi.advanceTimersByTimeAsync(300);
      expect(loop.outcomes[0].state).toBe('pending');
      if (how === 'listed') pods.onSync([]);
      else {
        pods.onFatal(new Error('pods is forbidden'));
        loop.changed();
      }
      await vi.advanceTimersByTimeAsync(1);
      await expect(run).resolves.toBe('settled');
      expect(loop.outcomes[0]).toMatchObject({ state: 'healthy', settledAtMs: 300 });
    }
  });
});
