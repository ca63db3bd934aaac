import { describe, expect, it } from 'vitest';
import { isAlarming } from '../../../src/diagnose/alarming.js';

const pod = (status: Record<string, unknown>) => ({ kind: 'Pod', metadata: { name: 'p' }, status });
const waiting = (reason: string) => ({ name: 'app', state: { waiting: { reason } } });
const terminated = (exitCode: number, reason = 'Error') => ({ name: 'app', state: { terminated: { exitCode, reason } } });
const running = { name: 'app', state: { running: { startedAt: '2026-01-01T00:00:00Z' } } };

describe('isAlarming: which changes the wait diagnoses at once', () => {
  it.each([
    ['a pod being scheduled', pod({ phase: 'Pending' }), false],
    ['containers being created', pod({ phase: 'Pending', containerStatuses: [waiting('ContainerCreating')] }), false],
    [
      'an app container waiting for its init containers',
      pod({ initContainerStatuses: [running], containerStatuses: [waiting('PodInitializing')] }),
      false,
    ],
    ['a running container', pod({ phase: 'Running', containerStatuses: [running] }), false],
    ['an init container that finished', pod({ initContainerStatuses: [terminated(0, 'Completed')], containerStatuses: [running] }), false],
    ['a crash loop', pod({ containerStatuses: [waiting('CrashLoopBackOff')] }), true],
    ['an image that cannot be pulled', pod({ containerStatuses: [waiting('ErrImagePull')] }), true],
    ['a missing Secret or ConfigMap', pod({ containerStatuses: [waiting('CreateContainerConfigError')] }), true],
    ['a first crash, restarted at once', pod({ containerStatuses: [terminated(1)] }), true],
    ['an OOM kill', pod({ containerStatuses: [terminated(137, 'OOMKilled')] }), true],
    ['a failing init container', pod({ initContainerStatuses: [terminated(127)] }), true],
    ['a failed pod (evicted)', pod({ phase: 'Failed', reason: 'Evicted' }), true],
    ['a Warning event', { kind: 'Event', type: 'Warning', reason: 'FailedScheduling' }, true],
    ['a Normal event', { kind: 'Event', type: 'Normal', reason: 'Scheduled' }, false],
    ['a ReplicaSet', { kind: 'ReplicaSet', status: { replicas: 1 } }, false],
    ['nothing', null, false],
  ])('%s', (_name, obj, want) => {
    expect(isAlarming(obj)).toBe(want);
  });
});
