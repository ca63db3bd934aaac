// What a container's last termination says (rules/terminated.ts), message for message: start errors, probe kills
// told apart from other SIGKILLs, the last line of a termination message, and containers that do not restart.
import { describe, expect, it } from 'vitest';
import { diagnoseWorkload } from '../../../src/diagnose/index.js';
import { NOW, crashLooping, deployment, event, pod, running, snapshot, terminated } from './fixtures.js';

type Pod = ReturnType<typeof pod>;
const SIGKILL = 'exit code 137 (killed by SIGKILL: killed from outside: the OOM killer, a failed liveness probe or a forced stop)';
const killed = () => pod({ containerStatuses: [crashLooping('app', terminated(137, 'Error', undefined, 5), 3)] });
const onApp = (p: Pod, type: string, reason: string, message: string, lastAgo: number) =>
  event(p, type, reason, message, { container: 'app', lastAgo });

interface Row {
  name: string;
  pod: Pod;
  events?: (p: Pod) => ReturnType<typeof event>[];
  want: { category: string; reason: string; message: string; exitCode: number | null }[];
}

const table: Row[] = [
  {
    name: 'StartError on a file the runtime cannot open',
    pod: pod({
      containerStatuses: [
        crashLooping(
          'app',
          terminated(
            128,
            'StartError',
            'failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: error during container init: open /app/config.yaml: permission denied: unknown',
          ),
          2,
        ),
      ],
    }),
    want: [
      {
        category: 'container-start-error',
        reason: 'CrashLoopBackOff',
        exitCode: 128,
        message:
          'The runtime could not start container app (StartError, exit code 128): /app/config.yaml: permission denied; restarted 2 times',
      },
    ],
  },
  {
    name: "ContainerCannotRun: the runtime's message without its trailing ': unknown', restarted once",
    pod: pod({
      containerStatuses: [
        crashLooping(
          'app',
          terminated(
            128,
            'ContainerCannotRun',
            'OCI runtime create failed: container init caused: rootfs_linux.go:76: mounting "/run/x" to rootfs: unknown',
          ),
          1,
        ),
      ],
    }),
    want: [
      {
        category: 'container-start-error',
        reason: 'CrashLoopBackOff',
        exitCode: 128,
        message:
          'The runtime could not start container app (ContainerCannotRun, exit code 128): OCI runtime create failed: container init caused: rootfs_linux.go:76: mounting "/run/x" to rootfs; restarted 1 time',
      },
    ],
  },
  {
    name: 'a startup probe kill, named by the Killing event',
    pod: killed(),
    events: (p) => [
      onApp(p, 'Warning', 'Unhealthy', 'Startup probe failed: HTTP probe failed with statuscode: 500', 8),
      // One kill for three restarts: the other two ends were not the probe's (../change/probe-restarts.ts).
      onApp(p, 'Normal', 'Killing', 'Container app failed startup probe, will be restarted', 7),
    ],
    want: [
      {
        category: 'liveness-probe-failing',
        reason: 'CrashLoopBackOff',
        exitCode: 137,
        message:
          'The kubelet keeps killing container app because its startup probe fails: Startup probe failed: HTTP probe failed with statuscode: 500; restarted 3 times; 2 of its 3 ends were crashes of its own',
      },
    ],
  },
  {
    name: 'a liveness kill whose Killing event has not arrived: a SIGKILL while the probe failed',
    pod: killed(),
    events: (p) => [
      onApp(
        p,
        'Warning',
        'Unhealthy',
        'Liveness probe failed: Get "http://10.0.0.5:8080/healthz": dial tcp 10.0.0.5:8080: connect: connection refused',
        5,
      ),
    ],
    want: [
      {
        category: 'liveness-probe-failing',
        reason: 'CrashLoopBackOff',
        exitCode: 137,
        message:
          'The kubelet keeps killing container app because its liveness probe fails: Liveness probe failed: Get "http://10.0.0.5:8080/healthz": dial tcp 10.0.0.5:8080: connect: connection refused; restarted 3 times',
      },
    ],
  },
  {
    name: 'a SIGKILL after probe failures of an earlier run is an ordinary crash',
    pod: killed(),
    events: (p) => [onApp(p, 'Warning', 'Unhealthy', 'Liveness probe failed: timeout', 60)],
    want: [
      {
        category: 'crash-loop',
        reason: 'CrashLoopBackOff',
        exitCode: 137,
        message: `Container app keeps crashing with ${SIGKILL}; restarted 3 times`,
      },
    ],
  },
  {
    name: 'a SIGKILL while the readiness probe failed is an ordinary crash',
    pod: killed(),
    events: (p) => [onApp(p, 'Warning', 'Unhealthy', 'Readiness probe failed: HTTP probe failed with statuscode: 503', 5)],
    want: [
      {
        category: 'crash-loop',
        reason: 'CrashLoopBackOff',
        exitCode: 137,
        message: `Container app keeps crashing with ${SIGKILL}; restarted 3 times`,
      },
    ],
  },
  {
    name: "a Killing event about another container's probe does not count",
    pod: killed(),
    events: (p) => [onApp(p, 'Normal', 'Killing', 'Container sidecar failed liveness probe, will be restarted', 7)],
    want: [
      {
        category: 'crash-loop',
        reason: 'CrashLoopBackOff',
        exitCode: 137,
        message: `Container app keeps crashing with ${SIGKILL}; restarted 3 times`,
      },
    ],
  },
  {
    name: 'the last non-empty line of a termination message is quoted',
    pod: pod({ containerStatuses: [crashLooping('app', terminated(1, 'Error', 'starting\n  panic: config missing  \n\n'), 1)] }),
    want: [
      {
        category: 'crash-loop',
        reason: 'CrashLoopBackOff',
        exitCode: 1,
        message: 'Container app keeps crashing with exit code 1 (general application error): panic: config missing; restarted 1 time',
      },
    ],
  },
  {
    name: 'restartPolicy Never: an exit is final and no restarts are counted',
    pod: pod({
      phase: 'Failed',
      containerStatuses: [{ ...running('app', false), state: terminated(2, 'Error', 'usage: web [flags]') }],
      spec: { restartPolicy: 'Never' },
    }),
    want: [
      {
        category: 'exited-nonzero',
        reason: 'Error',
        exitCode: 2,
        message: 'Container app exited with exit code 2 (misuse of a shell builtin or bad command-line arguments): usage: web [flags]',
      },
    ],
  },
  {
    name: "a Job's pod that exited 0 finished its work",
    pod: pod({
      containerStatuses: [{ ...running('app', false), state: terminated(0, 'Completed'), restartCount: 1 }],
      metadata: { ownerReferences: [{ apiVersion: 'batch/v1', kind: 'Job', name: 'migrate', uid: 'job-uid', controller: true }] },
    }),
    want: [],
  },
];

describe('terminations, exactly', () => {
  it.each(table)('$name', ({ pod: p, events, want }) => {
    const findings = diagnoseWorkload(deployment(), snapshot({ pods: [p], events: events ? events(p) : [] }), NOW);
    expect(findings.map((f) => ({ category: f.category, reason: f.reason, message: f.message, exitCode: f.exitCode }))).toEqual(want);
  });
});
