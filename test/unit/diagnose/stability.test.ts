// The stability window as tables of pods: what keeps it waiting, what holds it, what breaks it and how the break is
// described and diagnosed.
import { describe, expect, it } from 'vitest';
import { judgeWindow, openWindow } from '../../../src/diagnose/stability.js';
import { NEW_RS, NOW, OLD_RS, ago, deployment, pod, running, snapshot, terminated, waiting } from './fixtures.js';

const REF = { kind: 'Deployment' as const, namespace: 'shop', name: 'web' };
const MIN_READY = 10_000;

/** A Ready pod of the new revision, Ready since `readyAgo` seconds. */
function readyPod(name: string, readyAgo: number, extra: Record<string, unknown> = {}) {
  return pod({
    name,
    ready: true,
    conditions: [{ type: 'Ready', status: 'True', lastTransitionTime: ago(readyAgo) }],
    containerStatuses: [running('app', true, { state: { running: { startedAt: ago(readyAgo + 1) } }, ...extra })],
  });
}

function crashedOnce(name: string, exitCode: number, reason: string) {
  return pod({
    name,
    ready: true,
    conditions: [{ type: 'Ready', status: 'True', lastTransitionTime: ago(1) }],
    containerStatuses: [running('app', true, { restartCount: 1, lastState: terminated(exitCode, reason, undefined, 2) })],
  });
}

const at = (secondsFromNow: number) => new Date(NOW.getTime() + secondsFromNow * 1000);
const world = (...pods: unknown[]) => snapshot({ deployments: [deployment()], replicaSets: [NEW_RS, OLD_RS], pods: pods as never[] });

describe('judgeWindow', () => {
  it('waits until the newest Ready transition plus min-ready, then holds', () => {
    const before = world(readyPod('a', 30), readyPod('b', 4), readyPod('c', 2));
    const window = openWindow('Deployment', deployment(), before, NOW.getTime());
    // The API stamps the transition in whole seconds: the newest pod turned Ready up to 999 ms after its stamp.
    expect(judgeWindow(REF, deployment(), before, window, NOW, MIN_READY)).toEqual({ state: 'waiting', untilMs: NOW.getTime() + 8999 });
    expect(judgeWindow(REF, deployment(), before, window, at(8), MIN_READY).state).toBe('waiting');
    expect(judgeWindow(REF, deployment(), before, window, at(9), MIN_READY)).toEqual({ state: 'stable' });
  });

  it('pods that came up early do not wait again', () => {
    const s = world(readyPod('a', 60), readyPod('b', 45));
    const window = openWindow('Deployment', deployment(), s, NOW.getTime());
    expect(judgeWindow(REF, deployment(), s, window, NOW, MIN_READY)).toEqual({ state: 'stable' });
  });

  it('a restart inside the window breaks it: the crash is classified and conclusive', () => {
    const start = world(readyPod('a', 1), readyPod('b', 1), readyPod('c', 1));
    const window = openWindow('Deployment', deployment(), start, NOW.getTime());
    const later = world(crashedOnce('a', 1, 'Error'), readyPod('b', 3), readyPod('c', 3));
    const verdict = judgeWindow(REF, deployment(), later, window, at(2), MIN_READY);
    expect(verdict.state).toBe('broken');
    if (verdict.state !== 'broken') return;
    expect(verdict.what).toBe('1/3 new pods crashed (exit 1)');
    expect(verdict.findings.map((f) => [f.category, f.fatal, f.count, f.exitCode])).toEqual([['crash-loop', true, '1/3 pods', 1]]);
  });

  it('names OOM kills and counts every broken pod', () => {
    const start = world(readyPod('a', 1), readyPod('b', 1));
    const window = openWindow('Deployment', deployment(), start, NOW.getTime());
    const later = world(crashedOnce('a', 137, 'OOMKilled'), crashedOnce('b', 137, 'OOMKilled'));
    const verdict = judgeWindow(REF, deployment(), later, window, at(3), MIN_READY);
    expect(verdict.state === 'broken' && verdict.what).toBe('2/2 new pods were OOM-killed');
    expect(verdict.state === 'broken' && verdict.findings.map((f) => [f.category, f.count])).toEqual([['oom-killed', '2/2 pods']]);
  });

  it('restarts from before the window do not count; only new ones do', () => {
    const recovered = crashedOnce('a', 1, 'Error');
    const start = world(recovered);
    const window = openWindow('Deployment', deployment(), start, NOW.getTime());
    expect(judgeWindow(REF, deployment(), start, window, at(10), MIN_READY)).toEqual({ state: 'stable' });
  });

  it('a pod that was Ready when the window opened and is not any more breaks it', () => {
    const start = world(readyPod('a', 1));
    const window = openWindow('Deployment', deployment(), start, NOW.getTime());
    const notReady = pod({ name: 'a', ready: false, containerStatuses: [running('app', false)] });
    const verdict = judgeWindow(REF, deployment(), world(notReady), window, at(2), MIN_READY);
    expect(verdict.state === 'broken' && verdict.what).toBe('1/1 new pod stopped being ready');
  });

  it('a container that just ended (before the kubelet restarts it) is named as the crash, not as "stopped being ready"', () => {
    const start = world(readyPod('a', 1));
    const window = openWindow('Deployment', deployment(), start, NOW.getTime());
    const ended = pod({
      name: 'a',
      ready: false,
      containerStatuses: [{ ...running('app', false), state: terminated(1, 'Error', undefined, 0) }],
    });
    const verdict = judgeWindow(REF, deployment(), world(ended), window, at(1), MIN_READY);
    expect(verdict.state === 'broken' && verdict.what).toBe('1/1 new pod crashed (exit 1)');
    expect(verdict.state === 'broken' && verdict.findings.map((f) => [f.category, f.fatal])).toEqual([['crash-loop', true]]);
  });

  it('a pod created after the window opened (a replacement, a scale-up) must become Ready too', () => {
    const start = world(readyPod('a', 5));
    const window = openWindow('Deployment', deployment(), start, NOW.getTime());
    const newcomer = pod({ name: 'z', ready: false, createdAgo: 0, containerStatuses: [waiting('app', 'ContainerCreating', undefined)] });
    expect(judgeWindow(REF, deployment(), world(readyPod('a', 5), newcomer), window, at(6), MIN_READY)).toEqual({
      state: 'waiting',
      untilMs: at(6).getTime() + MIN_READY,
    });
  });

  it('a pod that failed inside the window (evicted) breaks it', () => {
    const start = world(readyPod('a', 1));
    const window = openWindow('Deployment', deployment(), start, NOW.getTime());
    const evicted = pod({ name: 'a', phase: 'Failed', status: { reason: 'Evicted', message: 'The node was low on resource: memory.' } });
    const verdict = judgeWindow(REF, deployment(), world(evicted), window, at(2), MIN_READY);
    expect(verdict.state === 'broken' && verdict.what).toBe('1/1 new pod failed (Evicted)');
  });

  it('old-revision pods never count', () => {
    const old = pod({ name: 'old', rs: OLD_RS, ready: false, containerStatuses: [running('app', false, { restartCount: 5 })] });
    const s = world(readyPod('a', 20), old);
    const window = openWindow('Deployment', deployment(), s, NOW.getTime());
    expect(judgeWindow(REF, deployment(), s, window, NOW, MIN_READY)).toEqual({ state: 'stable' });
  });

  it('a cluster clock ahead of ours cannot shorten the window: readiness counts from when this gate first saw it', () => {
    const future = readyPod('a', -30); // the cluster says it turned Ready 30 s from now
    const s = world(future);
    const window = openWindow('Deployment', deployment(), s, NOW.getTime());
    expect(judgeWindow(REF, deployment(), s, window, NOW, MIN_READY)).toEqual({ state: 'waiting', untilMs: NOW.getTime() + MIN_READY });
  });
});
