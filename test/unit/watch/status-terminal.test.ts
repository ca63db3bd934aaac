import { describe, expect, it } from 'vitest';
import { isTerminalError, rolloutStatus } from '../../../src/watch/status/index.js';

// Each case runs the real rule, so a change to a rule's text that the recogniser misses fails here.
const deadlineDeployment = {
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'api', generation: 1 },
  spec: { replicas: 1 },
  status: { observedGeneration: 1, conditions: [{ type: 'Progressing', status: 'False', reason: 'ProgressDeadlineExceeded' }] },
};
const revisioned = (revision: string) => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'api', generation: 1, annotations: { 'deployment.kubernetes.io/revision': revision } },
  spec: { replicas: 1 },
  status: { observedGeneration: 1 },
});
const failedJob = (type: string) => ({
  apiVersion: 'batch/v1',
  kind: 'Job',
  metadata: { name: 'migrate' },
  status: {
    conditions: [{ type, status: 'True', reason: 'BackoffLimitExceeded', message: 'Job has reached the specified backoff limit' }],
  },
});
const onDelete = (kind: string) => ({
  apiVersion: 'apps/v1',
  kind,
  metadata: { name: 'x' },
  spec: { updateStrategy: { type: 'OnDelete' } },
});

describe('isTerminalError', () => {
  it.each([
    ['progress deadline exceeded', rolloutStatus(deadlineDeployment)],
    ['job failed', rolloutStatus(failedJob('Failed'))],
    ['job failure decided (FailureTarget)', rolloutStatus(failedJob('FailureTarget'))],
    [
      'job failed without a reason',
      rolloutStatus({
        apiVersion: 'batch/v1',
        kind: 'Job',
        metadata: { name: 'j' },
        status: { conditions: [{ type: 'Failed', status: 'True' }] },
      }),
    ],
    [
      'pod failed',
      rolloutStatus({
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: { name: 'p' },
        status: { phase: 'Failed', reason: 'Evicted', message: 'The node had condition: [DiskPressure]. ' },
      }),
    ],
    ['pod failed without detail', rolloutStatus({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, status: { phase: 'Failed' } })],
    ['DaemonSet OnDelete', rolloutStatus(onDelete('DaemonSet'))],
    ['StatefulSet OnDelete', rolloutStatus(onDelete('StatefulSet'))],
    ['unknown kind', rolloutStatus({ apiVersion: 'v1', kind: 'ConfigMap' })],
    ['invalid revision', rolloutStatus(revisioned('1'), -2)],
    ['a newer rollout replaced the awaited revision', rolloutStatus(revisioned('5'), 4)],
    ['a newer rollout replaced it, with revisions of several digits', rolloutStatus(revisioned('12'), 9)],
  ])('%s is terminal', (_, status) => {
    expect(status.error).not.toBeNull();
    expect(isTerminalError(status)).toBe(true);
  });

  it.each([
    ['the controller has not reached the awaited revision yet', rolloutStatus(revisioned('3'), 4)],
    ['not reached yet, with revisions of several digits', rolloutStatus(revisioned('10'), 12)],
    ['no revision annotation yet', rolloutStatus({ ...revisioned('3'), metadata: { name: 'api', generation: 1 } }, 4)],
    ['a malformed revision annotation', rolloutStatus(revisioned('three'), 4)],
    ['waiting', rolloutStatus({ ...revisioned('1'), status: {} })],
    ['done', rolloutStatus({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, status: { phase: 'Succeeded' } })],
    ['suspended job', rolloutStatus({ apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'j' }, spec: { suspend: true } })],
  ])('%s is not terminal', (_, status) => {
    expect(isTerminalError(status)).toBe(false);
  });

  it('does not mistake a name that merely looks like a verdict', () => {
    const status = rolloutStatus({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'x" failed' }, status: { phase: 'Pending' } });
    expect(status.message).toBe('Waiting for pod "x\\" failed" to be ready: Pending...');
    expect(isTerminalError(status)).toBe(false);
    expect(isTerminalError({ done: false, message: '', error: 'pod "x\\" failed" failed: Evicted' })).toBe(true);
  });
});

describe("isTerminalError recognises the rules' whole texts only", () => {
  it.each([
    'kubectl: no status viewer has been implemented for Widget',
    'the revision must be a positive integer: -1',
    'cannot judge: desired revision (3) is different from the running revision (5)',
    'desired revision (3) is different from the running revision (5), retrying',
  ])('%j is not terminal', (error) => {
    expect(isTerminalError({ done: false, message: '', error })).toBe(false);
  });
});
