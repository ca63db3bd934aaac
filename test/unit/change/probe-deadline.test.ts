import { describe, expect, it } from 'vitest';
import { describeOverdue, probeAllowanceSeconds, probeDeadline, probeOverdue } from '../../../src/diagnose/change/probe-deadline.js';

const started = '2025-03-01T10:00:00Z';
const at = (seconds: number): Date => new Date(Date.parse(started) + seconds * 1000);
const running = (extra: Record<string, unknown> = {}) => ({
  name: 'api',
  ready: false,
  started: true,
  state: { running: { startedAt: started } },
  ...extra,
});
const readiness = (probe: Record<string, unknown> = {}) => ({
  name: 'api',
  readinessProbe: { httpGet: { path: '/ready', port: 8080 }, ...probe },
});

describe('probeAllowanceSeconds: initialDelay + period x failureThreshold + (period + timeout + 5 s)', () => {
  it.each([
    ['defaults 0/10/3, timeout 1', {}, 0 + 30 + 10 + 1 + 5],
    ['initialDelaySeconds 20', { initialDelaySeconds: 20 }, 20 + 30 + 10 + 1 + 5],
    ['period 5, threshold 6, timeout 2', { periodSeconds: 5, failureThreshold: 6, timeoutSeconds: 2 }, 0 + 30 + 5 + 2 + 5],
    ['period 1, threshold 1', { periodSeconds: 1, failureThreshold: 1 }, 0 + 1 + 1 + 1 + 5],
    ['zeros are the API defaults', { periodSeconds: 0, failureThreshold: 0, timeoutSeconds: 0 }, 46],
  ])('%s', (_name, probe, seconds) => {
    expect(probeAllowanceSeconds(probe)).toBe(seconds);
  });
});

describe('probeOverdue', () => {
  it.each([
    ['readiness still failing one second before the allowance', readiness(), running(), 45, null],
    ['readiness failing at the allowance', readiness(), running(), 46, { probe: 'readiness', elapsedSeconds: 46, allowedSeconds: 46 }],
    ['readiness with a 60 s initial delay is given its delay', readiness({ initialDelaySeconds: 60 }), running(), 100, null],
    [
      'readiness with a 60 s initial delay, past it',
      readiness({ initialDelaySeconds: 60 }),
      running(),
      106,
      { probe: 'readiness', elapsedSeconds: 106, allowedSeconds: 106 },
    ],
    ['a ready container is never overdue', readiness(), running({ ready: true }), 600, null],
    ['a container without a readiness probe', { name: 'api' }, running(), 600, null],
    [
      'a container that is not running (waiting, terminated)',
      readiness(),
      { name: 'api', ready: false, state: { waiting: { reason: 'CrashLoopBackOff' } } },
      600,
      null,
    ],
  ] as const)('%s', (_name, spec, status, seconds, expected) => {
    const verdict = probeOverdue(spec, status as any, at(seconds));
    if (expected === null) expect(verdict).toBeNull();
    else expect(verdict).toMatchObject({ container: 'api', ...expected });
  });

  it('a startup probe that has not passed is judged alone, by its own settings', () => {
    const spec = { ...readiness(), startupProbe: { httpGet: { path: '/started', port: 8080 }, periodSeconds: 5, failureThreshold: 12 } };
    const status = running({ started: false });
    // 0 + 5 x 12 + (5 + 1 + 5) = 71
    expect(probeOverdue(spec, status, at(70))).toBeNull();
    expect(probeOverdue(spec, status, at(71))).toMatchObject({
      probe: 'startup',
      allowedSeconds: 71,
      settings: { periodSeconds: 5, failureThreshold: 12 },
    });
  });

  it('once the startup probe passed, readiness gets the startup budget on top of its own allowance', () => {
    const spec = { ...readiness(), startupProbe: { exec: { command: ['true'] }, periodSeconds: 5, failureThreshold: 12 } };
    // startup budget 60 + readiness allowance 46
    expect(probeOverdue(spec, running(), at(105))).toBeNull();
    expect(probeOverdue(spec, running(), at(106))).toMatchObject({ probe: 'readiness', allowedSeconds: 106 });
  });

  it('a container that was ready and just fell to not-ready gets a fresh allowance from the fall', () => {
    const conditions = [{ type: 'ContainersReady', status: 'False', lastTransitionTime: at(3600).toISOString() }];
    expect(probeOverdue(readiness(), running(), at(3610), conditions)).toBeNull();
    expect(probeOverdue(readiness(), running(), at(3646), conditions)).toMatchObject({ probe: 'readiness', elapsedSeconds: 46 });
  });

  it('the pod-creation transition (before the container started) does not move the clock', () => {
    const conditions = [{ type: 'ContainersReady', status: 'False', lastTransitionTime: at(-20).toISOString() }];
    expect(probeOverdue(readiness(), running(), at(46), conditions)).toMatchObject({ elapsedSeconds: 46 });
  });

  it('probeDeadline says when to look again', () => {
    expect(probeDeadline(readiness({ periodSeconds: 2, failureThreshold: 3 }), running())?.at.toISOString()).toBe(
      at(6 + 2 + 1 + 5).toISOString(),
    );
  });
});

describe('describeOverdue: a sentence that is true whenever the probe is overdue', () => {
  it('spells out the settings and the margin, which add up to no more than the time it has been failing', () => {
    const o = probeOverdue(readiness(), running(), at(46))!;
    expect(describeOverdue(o)).toBe(
      "not ready after 46s; its readiness probe's settings allow 30s (initialDelaySeconds 0 + failureThreshold 3 × periodSeconds 10) and the gate adds 16s of margin",
    );
  });

  it('counts the startup probe that ran first', () => {
    const spec = { ...readiness({ initialDelaySeconds: 5 }), startupProbe: { periodSeconds: 5, failureThreshold: 4 } };
    const o = probeOverdue(spec, running({ started: true }), at(200))!;
    expect(describeOverdue(o)).toBe(
      "not ready after 200s; its readiness probe's settings allow 55s (20s of the startup probe + initialDelaySeconds 5 + failureThreshold 3 × periodSeconds 10) and the gate adds 16s of margin",
    );
  });

  it.each([46, 47, 100, 3600])('after %ss the stated allowance never exceeds the stated time', (seconds) => {
    const text = describeOverdue(probeOverdue(readiness(), running(), at(seconds))!);
    const [, elapsed, settings, margin] = /after (\d+)s; .* allow (\d+)s .* adds (\d+)s/.exec(text)!.map(Number);
    expect(Number(settings) + Number(margin)).toBeLessThanOrEqual(elapsed);
  });
});
