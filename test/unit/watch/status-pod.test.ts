import { describe, expect, it } from 'vitest';
import { podStatus } from '../../../src/watch/status/index.js';

function pod(status: Record<string, unknown> | undefined, metadata: Record<string, unknown> = {}) {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { namespace: 'web', name: 'web-0', generation: 1, ...metadata }, spec: {}, status };
}

const ready = (status: string) => ({ type: 'Ready', status });
const waitingState = (name: string, reason: string, message = '') => ({
  name,
  ready: false,
  restartCount: 0,
  state: { waiting: { reason, message } },
});
const runningState = (name: string, isReady: boolean) => ({
  name,
  ready: isReady,
  restartCount: 0,
  state: { running: { startedAt: '2026-01-01T00:00:00Z' } },
});
const terminatedState = (name: string, exitCode: number, reason: string) => ({
  name,
  ready: false,
  restartCount: 0,
  state: { terminated: { exitCode, reason } },
});

const waiting = (message: string) => ({ done: false, message, error: null });
const done = (message: string) => ({ done: true, message, error: null });
const error = (text: string) => ({ done: false, message: '', error: text });

const table = [
  {
    name: 'running and ready',
    status: { phase: 'Running', conditions: [ready('True')], containerStatuses: [runningState('app', true)] },
    want: done('pod "web-0" is ready'),
  },
  {
    name: 'succeeded',
    status: { phase: 'Succeeded', containerStatuses: [terminatedState('app', 0, 'Completed')] },
    want: done('pod "web-0" succeeded'),
  },
  {
    name: 'failed with the pod reason and message (eviction)',
    status: {
      phase: 'Failed',
      reason: 'Evicted',
      message: 'The node was low on resource: ephemeral-storage. Threshold quantity: 1Gi, available: 512Mi. ',
    },
    want: error(
      'pod "web-0" failed: Evicted: The node was low on resource: ephemeral-storage. Threshold quantity: 1Gi, available: 512Mi. ',
    ),
  },
  {
    name: 'failed past activeDeadlineSeconds',
    status: {
      phase: 'Failed',
      reason: 'DeadlineExceeded',
      message: 'Pod was active on the node longer than the specified deadline',
      containerStatuses: [terminatedState('app', 137, 'Error')],
    },
    want: error('pod "web-0" failed: DeadlineExceeded: Pod was active on the node longer than the specified deadline'),
  },
  {
    name: 'failed with only a pod message',
    status: { phase: 'Failed', message: "Pod was rejected: Node didn't have enough resource: cpu" },
    want: error('pod "web-0" failed: Pod was rejected: Node didn\'t have enough resource: cpu'),
  },
  {
    name: 'failed: falls back to the failing container exit',
    status: { phase: 'Failed', containerStatuses: [terminatedState('sidecar', 0, 'Completed'), terminatedState('app', 137, 'OOMKilled')] },
    want: error('pod "web-0" failed: OOMKilled: container "app" exited with code 137'),
  },
  {
    name: 'failed: an init container that failed comes first',
    status: {
      phase: 'Failed',
      initContainerStatuses: [terminatedState('migrate', 1, 'Error')],
      containerStatuses: [waitingState('app', 'PodInitializing')],
    },
    want: error('pod "web-0" failed: Error: container "migrate" exited with code 1'),
  },
  {
    name: 'failed: a termination without a reason',
    status: { phase: 'Failed', containerStatuses: [{ name: 'app', ready: false, state: { terminated: { exitCode: 2 } } }] },
    want: error('pod "web-0" failed: container "app" exited with code 2'),
  },
  {
    name: 'failed: the last termination when the state moved on',
    status: {
      phase: 'Failed',
      containerStatuses: [
        {
          name: 'app',
          ready: false,
          state: { waiting: { reason: 'CrashLoopBackOff' } },
          lastState: { terminated: { exitCode: 1, reason: 'Error' } },
        },
      ],
    },
    want: error('pod "web-0" failed: Error: container "app" exited with code 1'),
  },
  {
    name: 'failed: every container exited 0 (the first exit is reported)',
    status: { phase: 'Failed', containerStatuses: [terminatedState('app', 0, 'Completed')] },
    want: error('pod "web-0" failed: Completed: container "app" exited with code 0'),
  },
  {
    name: 'failed with nothing recorded',
    status: { phase: 'Failed' },
    want: error('pod "web-0" failed'),
  },
  {
    name: 'pending on an image pull',
    status: {
      phase: 'Pending',
      conditions: [ready('False')],
      containerStatuses: [waitingState('app', 'ImagePullBackOff', 'Back-off pulling image "ghcr.io/acme/api:nope"')],
    },
    want: waiting('Waiting for pod "web-0" to be ready: Pending (container "app": ImagePullBackOff)...'),
  },
  {
    name: 'running but crash looping',
    status: {
      phase: 'Running',
      conditions: [ready('False')],
      containerStatuses: [
        runningState('proxy', true),
        waitingState('app', 'CrashLoopBackOff', 'back-off 40s restarting failed container=app pod=web-0_web(uid)'),
      ],
    },
    want: waiting('Waiting for pod "web-0" to be ready: Running (container "app": CrashLoopBackOff)...'),
  },
  {
    name: 'running, a container just terminated',
    status: { phase: 'Running', conditions: [ready('False')], containerStatuses: [terminatedState('app', 1, 'Error')] },
    want: waiting('Waiting for pod "web-0" to be ready: Running (container "app": Error)...'),
  },
  {
    name: 'a running init container gives no reason, so the waiting app container speaks',
    status: {
      phase: 'Pending',
      initContainerStatuses: [runningState('migrate', false)],
      containerStatuses: [waitingState('app', 'PodInitializing')],
    },
    want: waiting('Waiting for pod "web-0" to be ready: Pending (container "app": PodInitializing)...'),
  },
  {
    name: 'a finished init container is skipped whatever its ready flag',
    status: {
      phase: 'Pending',
      initContainerStatuses: [terminatedState('migrate', 0, 'Completed')],
      containerStatuses: [waitingState('app', 'ContainerCreating')],
    },
    want: waiting('Waiting for pod "web-0" to be ready: Pending (container "app": ContainerCreating)...'),
  },
  {
    name: 'a crashing init container is named first',
    status: {
      phase: 'Pending',
      initContainerStatuses: [waitingState('migrate', 'CrashLoopBackOff')],
      containerStatuses: [waitingState('app', 'PodInitializing')],
    },
    want: waiting('Waiting for pod "web-0" to be ready: Pending (container "migrate": CrashLoopBackOff)...'),
  },
  {
    name: 'running, readiness probe failing: no reason to give',
    status: { phase: 'Running', conditions: [ready('False')], containerStatuses: [runningState('app', false)] },
    want: waiting('Waiting for pod "web-0" to be ready: Running...'),
  },
  {
    name: 'unschedulable',
    status: {
      phase: 'Pending',
      conditions: [
        { type: 'PodScheduled', status: 'False', reason: 'Unschedulable', message: '0/1 nodes are available: 1 Insufficient cpu.' },
      ],
    },
    want: waiting('Waiting for pod "web-0" to be ready: Pending (Unschedulable)...'),
  },
  {
    name: 'scheduled, containers not reported yet',
    status: { phase: 'Pending', conditions: [{ type: 'PodScheduled', status: 'True' }] },
    want: waiting('Waiting for pod "web-0" to be ready: Pending...'),
  },
  {
    name: 'Ready True but not Running yet is not ready',
    status: { phase: 'Pending', conditions: [ready('True')] },
    want: waiting('Waiting for pod "web-0" to be ready: Pending...'),
  },
  {
    name: 'Unknown phase (node lost)',
    status: { phase: 'Unknown', conditions: [ready('Unknown')] },
    want: waiting('Waiting for pod "web-0" to be ready: Unknown...'),
  },
  {
    name: 'an init container that just failed (Init:Error, before its back-off) is named',
    status: {
      phase: 'Pending',
      initContainerStatuses: [terminatedState('migrate', 1, 'Error')],
      containerStatuses: [waitingState('app', 'PodInitializing')],
    },
    want: waiting('Waiting for pod "web-0" to be ready: Pending (container "migrate": Error)...'),
  },
  {
    name: 'after a finished init container, an app container that exited 0 is still named',
    status: {
      phase: 'Running',
      conditions: [ready('False')],
      initContainerStatuses: [terminatedState('migrate', 0, 'Completed')],
      containerStatuses: [terminatedState('app', 0, 'Completed'), runningState('proxy', true)],
    },
    want: waiting('Waiting for pod "web-0" to be ready: Running (container "app": Completed)...'),
  },
  {
    name: 'failed: the exit named skips a container that never terminated',
    status: {
      phase: 'Failed',
      containerStatuses: [runningState('proxy', false), terminatedState('app', 2, 'Error')],
    },
    want: error('pod "web-0" failed: Error: container "app" exited with code 2'),
  },
  {
    name: 'no status at all reads as Pending',
    status: undefined,
    want: waiting('Waiting for pod "web-0" to be ready: Pending...'),
  },
];

describe('podStatus', () => {
  it.each(table)('$name', ({ status, want }) => {
    expect(podStatus(pod(status))).toEqual(want);
  });

  it('a terminating pod is not ready even while its Ready condition says so', () => {
    const p = pod({ phase: 'Running', conditions: [ready('True')] }, { deletionTimestamp: '2026-01-01T00:00:00Z' });
    expect(podStatus(p)).toEqual(waiting('Waiting for pod "web-0" to be ready: Terminating...'));
  });

  it('waits for the kubelet to observe an in-place spec change (PodObservedGenerationTracking)', () => {
    const p = pod({ phase: 'Running', observedGeneration: 1, conditions: [ready('True')] }, { generation: 2 });
    expect(podStatus(p)).toEqual(waiting('Waiting for pod "web-0" spec update to be observed...'));
  });

  it('is ready once the new generation is observed', () => {
    const p = pod({ phase: 'Running', observedGeneration: 2, conditions: [ready('True')] }, { generation: 2 });
    expect(podStatus(p)).toEqual(done('pod "web-0" is ready'));
  });

  it('a terminal phase is final whatever the generation', () => {
    const p = pod({ phase: 'Succeeded', observedGeneration: 1 }, { generation: 2 });
    expect(podStatus(p)).toEqual(done('pod "web-0" succeeded'));
  });
});
