import { describe, expect, it } from 'vitest';
import { diagnoseWorkload } from '../../../src/diagnose/index.js';
import { NOW, ago, crashLooping, deployment, event, pod, running, snapshot, terminated, waiting } from './fixtures.js';

const RUNC_NOT_FOUND =
  'failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: error during container init: exec: "hello.sh": executable file not found in $PATH: unknown';
const RUNC_PERMISSION =
  'failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: error during container init: exec: "/app/run": permission denied: unknown';

describe('CrashLoopBackOff is refined by the last termination', () => {
  it.each([
    {
      name: 'OOMKilled at the memory limit',
      status: crashLooping('app', terminated(137, 'OOMKilled'), 3),
      category: 'oom-killed',
      exitCode: 137,
      message: /Container app was OOMKilled \(exit code 137\) at its memory limit 256Mi; restarted 3 times/,
      hint: /Raise resources.limits.memory above 256Mi or find the leak; the container was killed at the limit 4 times\./,
    },
    {
      name: 'exit 0: the process returns at once',
      status: crashLooping('app', terminated(0, 'Completed'), 5),
      category: 'crash-loop-exit-zero',
      exitCode: 0,
      message: /exits with code 0 right after it starts; restarted 5 times/,
      hint: /foreground/,
    },
    {
      name: 'StartError exit 128: the command is missing',
      status: crashLooping('app', terminated(128, 'StartError', RUNC_NOT_FOUND), 2),
      category: 'container-start-error',
      exitCode: 128,
      message: /could not start container app \(StartError, exit code 128\): exec: "hello.sh": executable file not found in \$PATH/,
      hint: /"hello.sh" is missing or not executable/,
    },
    {
      name: 'StartError: permission denied',
      status: crashLooping('app', terminated(128, 'StartError', RUNC_PERMISSION), 2),
      category: 'container-start-error',
      exitCode: 128,
      message: /exec: "\/app\/run": permission denied/,
      hint: /"\/app\/run"/,
    },
    {
      name: 'exec format error in the termination message',
      status: crashLooping('app', terminated(255, 'Error', 'exec /usr/local/bin/web: exec format error'), 4),
      category: 'exec-format-error',
      exitCode: 255,
      message: /another CPU architecture \(exec \/usr\/local\/bin\/web: exec format error\)/,
      hint: /buildx/,
    },
    {
      name: 'an ordinary crash names the exit code and its meaning',
      status: crashLooping('app', terminated(1, 'Error'), 6),
      category: 'crash-loop',
      exitCode: 1,
      message: /keeps crashing with exit code 1 \(general application error\); restarted 6 times/,
      hint: /kubectl logs web-7d9f8c6b5-x1 -c app --previous -n shop/,
    },
    {
      name: 'exit 127 is a missing command',
      status: crashLooping('app', terminated(127, 'Error', '/bin/sh: hello.sh: not found'), 2),
      category: 'crash-loop',
      exitCode: 127,
      message: /exit code 127 \(command not found\): \/bin\/sh: hello.sh: not found/,
      hint: /exit code 127 means the command was not found/,
    },
    {
      name: 'exit 139 is a segfault',
      status: crashLooping('app', terminated(139, 'Error'), 2),
      category: 'crash-loop',
      exitCode: 139,
      message: /killed by SIGSEGV/,
      hint: /segfaulted/,
    },
  ])('$name', ({ status, category, exitCode, message, hint }) => {
    const [f] = diagnoseWorkload(deployment(), snapshot({ pods: [pod({ containerStatuses: [status] })] }), NOW);
    expect(f).toMatchObject({
      category,
      exitCode,
      fatal: true,
      container: 'app',
      node: 'worker-1',
      reason: 'CrashLoopBackOff',
      count: '1/1 pods',
    });
    expect(f.message).toMatch(message);
    expect(f.hint).toMatch(hint);
  });

  it('without a memory limit the OOM hint asks for one', () => {
    const p = pod({ containerStatuses: [crashLooping('app', terminated(137, 'OOMKilled'), 1)] });
    p.spec.containers = [{ name: 'app', image: 'ghcr.io/acme/web:1.4.2' }];
    const [f] = diagnoseWorkload(deployment(), snapshot({ pods: [p] }), NOW);
    expect(f.message).toMatch(/with no memory limit set/);
    expect(f.hint).toMatch(/Set resources.requests and limits.memory for container app/);
  });
});

describe('before the back-off', () => {
  it('a first crash is reported but not fatal: the next start may work', () => {
    const first = { ...running('app', false), state: terminated(1, 'Error'), restartCount: 0 };
    const [f] = diagnoseWorkload(deployment(), snapshot({ pods: [pod({ containerStatuses: [first] })] }), NOW);
    expect(f).toMatchObject({ category: 'crash-loop', fatal: false, reason: 'Error' });
  });

  it('a second crash is conclusive even before the back-off status', () => {
    const second = { ...running('app', false), state: terminated(137, 'OOMKilled'), restartCount: 1 };
    const [f] = diagnoseWorkload(deployment(), snapshot({ pods: [pod({ containerStatuses: [second] })] }), NOW);
    expect(f).toMatchObject({ category: 'oom-killed', fatal: true });
  });

  it('RunContainerError is conclusive at once', () => {
    const s = waiting('app', 'RunContainerError', RUNC_NOT_FOUND);
    const [f] = diagnoseWorkload(deployment(), snapshot({ pods: [pod({ containerStatuses: [s] })] }), NOW);
    expect(f).toMatchObject({ category: 'container-start-error', fatal: true, reason: 'RunContainerError' });
  });
});

describe('running but not ready', () => {
  it('readiness probe failures quote the probe output and never fail fast', () => {
    const p = pod({ containerStatuses: [running('app', false)] });
    const e = event(p, 'Warning', 'Unhealthy', 'Readiness probe failed: HTTP probe failed with statuscode: 503', {
      count: 14,
      container: 'app',
    });
    const [f] = diagnoseWorkload(deployment(), snapshot({ pods: [p], events: [e] }), NOW);
    expect(f).toMatchObject({ category: 'readiness-probe-failing', fatal: false, reason: 'Unhealthy' });
    expect(f.message).toBe('The readiness probe of container app fails (14 times): HTTP probe failed with statuscode: 503');
  });

  it('a liveness probe that keeps killing the container', () => {
    const p = pod({ containerStatuses: [crashLooping('app', terminated(137, 'Error'), 3)] });
    const events = [
      event(
        p,
        'Warning',
        'Unhealthy',
        'Liveness probe failed: Get "http://10.244.1.7:8080/healthz": dial tcp 10.244.1.7:8080: connect: connection refused',
        { count: 9, container: 'app' },
      ),
      event(p, 'Normal', 'Killing', 'Container app failed liveness probe, will be restarted', { count: 3, container: 'app' }),
    ];
    const [f] = diagnoseWorkload(deployment(), snapshot({ pods: [p], events }), NOW);
    expect(f).toMatchObject({ category: 'liveness-probe-failing', fatal: true, exitCode: 137 });
    expect(f.message).toMatch(/liveness probe fails: Liveness probe failed: Get .*connection refused/);
  });

  it.each([
    {
      name: 'Unhealthy events during the run that ended: the liveness probe, before its Killing event arrives',
      lastAgo: 6,
      want: 'liveness-probe-failing',
    },
    { name: 'Unhealthy events from an earlier run only: an ordinary SIGKILL', lastAgo: 60, want: 'crash-loop' },
  ])('exit 137 with no Killing event yet: $name', ({ lastAgo, want }) => {
    const p = pod({ containerStatuses: [crashLooping('app', terminated(137, 'Error'), 3)] });
    const unhealthy = event(p, 'Warning', 'Unhealthy', 'Liveness probe failed: HTTP probe failed with statuscode: 500', {
      count: 2,
      container: 'app',
      lastAgo,
    });
    expect(diagnoseWorkload(deployment(), snapshot({ pods: [p], events: [unhealthy] }), NOW)[0]).toMatchObject({
      category: want,
      fatal: true,
    });
  });

  // Which probe killed the container comes from the kubelet's Killing events, not from which probe last failed.
  const killed = (
    restarts: number,
    killing: string[],
    unhealthy: string[] = [],
    opts: { kills?: number; exit?: number } = {},
  ): ReturnType<typeof diagnoseWorkload>[number] => {
    const p = pod({ containerStatuses: [crashLooping('app', terminated(opts.exit ?? 137, 'Error'), restarts)] });
    const events = [
      ...unhealthy.map((m) => event(p, 'Warning', 'Unhealthy', m, { count: 3, container: 'app' })),
      ...killing.map((m) => event(p, 'Normal', 'Killing', m, { count: opts.kills ?? restarts, container: 'app' })),
    ];
    return diagnoseWorkload(deployment(), snapshot({ pods: [p], events }), NOW)[0];
  };

  it('a startup probe that keeps killing the container names the startup probe and its own hint', () => {
    const f = killed(
      3,
      ['Container app failed startup probe, will be restarted'],
      ['Liveness probe failed: HTTP probe failed with statuscode: 500', 'Startup probe failed: HTTP probe failed with statuscode: 503'],
    );
    expect(f).toMatchObject({ category: 'liveness-probe-failing', fatal: true, exitCode: 137 });
    expect(f.message).toBe(
      'The kubelet keeps killing container app because its startup probe fails: Startup probe failed: HTTP probe failed with statuscode: 503; restarted 3 times',
    );
    expect(f.hint).toMatch(/^Fix the startup probe .* or give the app longer to start \(failureThreshold × periodSeconds\)/);
  });

  it('kills by both probes (the startup probe passed once, then liveness failed) name both', () => {
    const f = killed(
      4,
      ['Container app failed startup probe, will be restarted', 'Container app failed liveness probe, will be restarted'],
      [],
      {
        kills: 2,
      },
    );
    expect(f.category).toBe('liveness-probe-failing');
    expect(f.message).toBe('The kubelet keeps killing container app because its startup and liveness probes fail; restarted 4 times');
    expect(f.hint).toMatch(/^Fix the startup and liveness probes or the endpoint they check/);
  });

  it('kills the restart count does not cover yet are probe kills; the rest of the restarts are named as crashes', () => {
    const f = killed(5, ['Container app failed liveness probe, will be restarted'], [], { kills: 2 });
    expect(f.message).toBe(
      'The kubelet keeps killing container app because its liveness probe fails; restarted 5 times; 3 of its 5 ends were crashes of its own',
    );
  });

  it("a kubelet before 1.14 wrote the kill differently; another container's kills are not this one's", () => {
    const legacy = 'Killing container with id containerd://app:Container failed liveness probe.. Container will be killed and recreated.';
    const old = killed(2, [legacy]);
    expect(old).toMatchObject({ category: 'liveness-probe-failing', message: expect.stringMatching(/because its liveness probe fails/) });
    expect(old.hint).toMatch(/^Fix the liveness probe or the endpoint it checks/);
    const f = killed(2, ['Container sidecar failed startup probe, will be restarted'], [], { exit: 1 });
    expect(f).toMatchObject({ category: 'crash-loop', exitCode: 1 });
  });

  it('a container that crashed recently and runs again is still a crash loop', () => {
    const s = running('app', false, { restartCount: 4, lastState: terminated(2, 'Error', undefined, 20) });
    const [f] = diagnoseWorkload(deployment(), snapshot({ pods: [pod({ containerStatuses: [s] })] }), NOW);
    expect(f).toMatchObject({ category: 'crash-loop', fatal: true, exitCode: 2 });
    expect(f.message).toMatch(/misuse of a shell builtin/);
  });

  it("a container inside its readiness probe's start-up allowance is not a finding yet", () => {
    const p = pod({ containerStatuses: [running('app', false, { state: { running: { startedAt: ago(40) } } })] });
    p.spec.containers = [
      {
        ...p.spec.containers[0],
        readinessProbe: { httpGet: { path: '/ready', port: 8080 }, initialDelaySeconds: 30, periodSeconds: 10, failureThreshold: 3 },
      },
    ];
    expect(diagnoseWorkload(deployment(), snapshot({ pods: [p] }), NOW)).toEqual([]);
  });

  it('a long-running unready container without evidence is unknown, never silence', () => {
    const p = pod({ containerStatuses: [running('app', false)] });
    const e = event(p, 'Warning', 'FailedPreStopHook', 'PreStopHook failed');
    const [f] = diagnoseWorkload(deployment(), snapshot({ pods: [p], events: [e] }), NOW);
    expect(f).toMatchObject({ category: 'unknown', fatal: false, reason: 'ContainersNotReady' });
    expect(f.message).toMatch(/containers with unready status: \[app\].*last warning FailedPreStopHook: PreStopHook failed/);
  });
});

describe('Job and restartPolicy Never pods', () => {
  it('a failed container of a Job pod is exited-nonzero', () => {
    const job = {
      apiVersion: 'batch/v1',
      kind: 'Job',
      metadata: { name: 'migrate', namespace: 'shop', uid: 'job-uid' },
      spec: { backoffLimit: 2, template: {} },
      status: { active: 1 },
    };
    const p = pod({
      name: 'migrate-abcde',
      phase: 'Running',
      containerStatuses: [{ ...running('migrate', false), state: terminated(3, 'Error', 'relation "users" does not exist') }],
    });
    p.metadata.labels = { 'batch.kubernetes.io/controller-uid': 'job-uid', 'batch.kubernetes.io/job-name': 'migrate' };
    p.metadata.ownerReferences = [{ apiVersion: 'batch/v1', kind: 'Job', name: 'migrate', uid: 'job-uid', controller: true }];
    p.spec.restartPolicy = 'Never';
    const [f] = diagnoseWorkload(job, snapshot({ jobs: [job], pods: [p] }), NOW);
    expect(f).toMatchObject({ category: 'exited-nonzero', fatal: true, exitCode: 3, workload: 'Job/shop/migrate', container: 'migrate' });
    expect(f.message).toBe('Container migrate exited with exit code 3 (application-specific error): relation "users" does not exist');
  });
});

describe('a Job that succeeded after a failed attempt', () => {
  const jobPod = (name: string, phase: string, exitCode: number) => {
    const p = pod({
      name,
      phase,
      containerStatuses: [{ ...running('migrate', false), state: terminated(exitCode, exitCode ? 'Error' : 'Completed') }],
    });
    p.metadata.labels = { 'batch.kubernetes.io/controller-uid': 'job-uid', 'batch.kubernetes.io/job-name': 'migrate' };
    p.metadata.ownerReferences = [{ apiVersion: 'batch/v1', kind: 'Job', name: 'migrate', uid: 'job-uid', controller: true }];
    p.spec.restartPolicy = 'Never';
    return p;
  };
  const job = (conditions: any[]) => ({
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: { name: 'migrate', namespace: 'shop', uid: 'job-uid' },
    spec: { backoffLimit: 6, template: {} },
    status: { succeeded: conditions.length ? 1 : 0, failed: 1, conditions },
  });
  const pods = [jobPod('migrate-first', 'Failed', 1), jobPod('migrate-second', 'Succeeded', 0)];

  it.each([
    [
      [
        { type: 'SuccessCriteriaMet', status: 'True' },
        { type: 'Complete', status: 'True' },
      ],
    ],
    [[{ type: 'Complete', status: 'True' }]],
  ])('has no finding: the failed attempt is history (%j)', (conditions) => {
    expect(diagnoseWorkload(job(conditions), snapshot({ jobs: [job(conditions)], pods }), NOW)).toEqual([]);
  });

  it('while the Job still runs, the failed attempt counts', () => {
    const running = { ...job([]), status: { active: 1, failed: 1 } };
    const findings = diagnoseWorkload(running, snapshot({ jobs: [running], pods: [pods[0]] }), NOW);
    expect(findings.map((f) => f.category)).toEqual(['exited-nonzero']);
  });
});

describe('other waiting reasons', () => {
  it('an unrecognised waiting reason keeps its raw reason and message', () => {
    const s = waiting('app', 'ContainerStatusUnknown', 'The container could not be located when the pod was terminated');
    const [f] = diagnoseWorkload(deployment(), snapshot({ pods: [pod({ containerStatuses: [s] })] }), NOW);
    expect(f).toMatchObject({
      category: 'unknown',
      reason: 'ContainerStatusUnknown',
      message: 'The container could not be located when the pod was terminated',
    });
  });

  it('a first crash older than ten minutes with a ready container is not a finding', () => {
    const s = running('app', true, { restartCount: 1, lastState: terminated(1, 'Error', undefined, 900) });
    const ready = pod({ ready: true, containerStatuses: [s] });
    expect(diagnoseWorkload(deployment(), snapshot({ pods: [ready] }), NOW)).toEqual([]);
    expect(ago(0)).toBe('2026-11-23T12:10:00Z');
  });
});

describe('one app container, exactly', () => {
  const NOT_READY = {
    category: 'unknown',
    reason: 'ContainersNotReady',
    message: 'Pod is Running and not ready (containers with unready status: [app])',
  };
  it.each([
    [
      'CrashLoopBackOff without a last state to read',
      waiting('app', 'CrashLoopBackOff', undefined, { restartCount: 3 }),
      { category: 'crash-loop', reason: 'CrashLoopBackOff', message: 'Container app keeps crashing' },
    ],
    [
      'a waiting reason the gate does not know',
      waiting('app', 'SomethingNew', undefined),
      { category: 'unknown', reason: 'SomethingNew', message: 'Container app is waiting: SomethingNew' },
    ],
    [
      'the same, with a message',
      waiting('app', 'SomethingNew', 'the runtime says hi'),
      { category: 'unknown', reason: 'SomethingNew', message: 'the runtime says hi' },
    ],
    [
      'running again after a crash 599 s ago: the crash is the news',
      running('app', false, { restartCount: 2, lastState: terminated(1, 'Error', undefined, 599) }),
      {
        category: 'crash-loop',
        reason: 'Error',
        message: 'Container app keeps crashing with exit code 1 (general application error); restarted 2 times',
      },
    ],
    [
      'running again after a crash 601 s ago: history',
      running('app', false, { restartCount: 2, lastState: terminated(1, 'Error', undefined, 601) }),
      NOT_READY,
    ],
    [
      'a last state without any restart counted',
      running('app', false, { restartCount: 0, lastState: terminated(1, 'Error', undefined, 30) }),
      NOT_READY,
    ],
  ])('%s', (_, status, want) => {
    const [f] = diagnoseWorkload(deployment(), snapshot({ pods: [pod({ containerStatuses: [status] })] }), NOW);
    expect({ category: f.category, reason: f.reason, message: f.message }).toEqual(want);
  });
});
