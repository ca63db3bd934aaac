import { describe, expect, it } from 'vitest';
import { deploymentRolledOut, podInCrashLoop } from '../../../bench/lib/rollout.js';

function deployment(generation: number, replicas: number, status: Record<string, unknown>) {
  return { metadata: { name: 'foo', namespace: 'bar', generation }, spec: { replicas }, status };
}

// kubectl's TestDeploymentStatusViewerStatus rows: only the last one is "successfully rolled out".
describe('deploymentRolledOut: kubectl rollout_status_test.go', () => {
  it.each([
    {
      name: 'no replica updated yet',
      d: deployment(0, 1, { observedGeneration: 1, replicas: 1, updatedReplicas: 0, availableReplicas: 1, unavailableReplicas: 0 }),
      want: false,
    },
    {
      name: 'an old replica pending termination',
      d: deployment(1, 1, { observedGeneration: 1, replicas: 2, updatedReplicas: 1, availableReplicas: 2, unavailableReplicas: 0 }),
      want: false,
    },
    {
      name: '1 of 2 updated replicas available',
      d: deployment(1, 2, { observedGeneration: 1, replicas: 2, updatedReplicas: 2, availableReplicas: 1, unavailableReplicas: 1 }),
      want: false,
    },
    {
      name: 'successfully rolled out',
      d: deployment(1, 2, { observedGeneration: 1, replicas: 2, updatedReplicas: 2, availableReplicas: 2, unavailableReplicas: 0 }),
      want: true,
    },
    {
      name: 'spec update not observed',
      d: deployment(2, 2, { observedGeneration: 1, replicas: 2, updatedReplicas: 2, availableReplicas: 2, unavailableReplicas: 0 }),
      want: false,
    },
    {
      name: 'progress deadline exceeded',
      d: deployment(1, 2, {
        observedGeneration: 1,
        replicas: 2,
        updatedReplicas: 2,
        availableReplicas: 2,
        conditions: [{ type: 'Progressing', status: 'False', reason: 'ProgressDeadlineExceeded' }],
      }),
      want: false,
    },
    { name: 'a brand new object without status', d: { metadata: { generation: 1 }, spec: { replicas: 1 } }, want: false },
    { name: 'scaled to zero', d: deployment(3, 0, { observedGeneration: 3 }), want: true },
  ])('$name -> $want', ({ d, want }) => {
    expect(deploymentRolledOut(d)).toBe(want);
  });
});

describe('podInCrashLoop', () => {
  const waiting = (reason: string) => ({
    state: { waiting: { reason, message: 'back-off 10s restarting failed container=app pod=api-7d9c_ns(uid)' } },
  });
  it.each([
    { name: 'no status yet', pod: {}, want: false },
    { name: 'ContainerCreating', pod: { status: { containerStatuses: [waiting('ContainerCreating')] } }, want: false },
    {
      name: 'terminated with Error (before the back-off)',
      pod: { status: { containerStatuses: [{ state: { terminated: { reason: 'Error', exitCode: 1 } } }] } },
      want: false,
    },
    {
      name: 'CrashLoopBackOff',
      pod: { status: { containerStatuses: [{ state: { running: {} } }, waiting('CrashLoopBackOff')] } },
      want: true,
    },
    {
      name: 'an init container in CrashLoopBackOff',
      pod: { status: { initContainerStatuses: [waiting('CrashLoopBackOff')], containerStatuses: [waiting('PodInitializing')] } },
      want: true,
    },
  ])('$name -> $want', ({ pod, want }) => {
    expect(podInCrashLoop(pod as Parameters<typeof podInCrashLoop>[0])).toBe(want);
  });
});
