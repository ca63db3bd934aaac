import { describe, expect, it } from 'vitest';
import { daemonSetStatus } from '../../../src/watch/status/index.js';

function daemonSet(generation: number | undefined, status: Record<string, unknown>, strategy: unknown = { type: 'RollingUpdate' }) {
  return {
    apiVersion: 'apps/v1',
    kind: 'DaemonSet',
    metadata: { namespace: 'bar', name: 'foo', uid: '8764ae47-9092-11e4-8393-42010af018ff', generation },
    spec: { updateStrategy: strategy },
    status,
  };
}

// kubectl's TestDaemonSetStatusViewerStatus, every row.
const kubectlTable = [
  {
    name: 'test1',
    generation: 0,
    status: { observedGeneration: 1, updatedNumberScheduled: 0, desiredNumberScheduled: 1, numberAvailable: 0 },
    want: { done: false, message: 'Waiting for daemon set "foo" rollout to finish: 0 out of 1 new pods have been updated...', error: null },
  },
  {
    name: 'test2',
    generation: 1,
    status: { observedGeneration: 1, updatedNumberScheduled: 2, desiredNumberScheduled: 2, numberAvailable: 1 },
    want: { done: false, message: 'Waiting for daemon set "foo" rollout to finish: 1 of 2 updated pods are available...', error: null },
  },
  {
    name: 'test3',
    generation: 1,
    status: { observedGeneration: 1, updatedNumberScheduled: 2, desiredNumberScheduled: 2, numberAvailable: 2 },
    want: { done: true, message: 'daemon set "foo" successfully rolled out', error: null },
  },
  {
    name: 'test4',
    generation: 2,
    status: { observedGeneration: 1, updatedNumberScheduled: 2, desiredNumberScheduled: 2, numberAvailable: 2 },
    want: { done: false, message: 'Waiting for daemon set spec update to be observed...', error: null },
  },
];

const refusal = { done: false, message: '', error: 'rollout status is only available for RollingUpdate strategy type' };

describe('daemonSetStatus: kubectl rollout_status_test.go', () => {
  it.each(kubectlTable)('$name', ({ generation, status, want }) => {
    expect(daemonSetStatus(daemonSet(generation, status))).toEqual(want);
  });

  // TestDaemonSetStatusViewerStatusWithWrongUpdateStrategyType (kubectl also says done=true; the command exits on the
  // error either way, and our callers only look at done without an error).
  it('refuses the OnDelete strategy', () => {
    expect(daemonSetStatus(daemonSet(undefined, {}, { type: 'OnDelete' }))).toEqual(refusal);
  });
});

describe('daemonSetStatus: edges', () => {
  it.each([
    ['no strategy type at all', {}],
    ['a null updateStrategy', null],
  ])('refuses %s, like Go reading an empty type', (_, strategy) => {
    expect(daemonSetStatus(daemonSet(1, {}, strategy))).toEqual(refusal);
  });

  it('a DaemonSet that schedules no pods is rolled out once observed', () => {
    expect(daemonSetStatus(daemonSet(3, { observedGeneration: 3, desiredNumberScheduled: 0 }))).toEqual({
      done: true,
      message: 'daemon set "foo" successfully rolled out',
      error: null,
    });
  });

  it('refuses the strategy before looking at the generation', () => {
    expect(daemonSetStatus(daemonSet(5, { observedGeneration: 1 }, { type: 'OnDelete' }))).toEqual(refusal);
  });
});
