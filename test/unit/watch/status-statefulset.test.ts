import { describe, expect, it } from 'vitest';
import { statefulSetStatus } from '../../../src/watch/status/index.js';

// kubectl's newStatefulSet(3), as the API would serve it, with the case's strategy, status and generation.
function statefulSet(generation: number, strategy: unknown, status: Record<string, unknown>, replicas: number | null = 3) {
  return {
    apiVersion: 'apps/v1',
    kind: 'StatefulSet',
    metadata: { name: 'foo', namespace: 'default', labels: { a: 'b' }, generation },
    spec: {
      podManagementPolicy: 'OrderedReady',
      selector: { matchLabels: { a: 'b' } },
      template: {
        metadata: { labels: { a: 'b' } },
        spec: {
          containers: [{ name: 'test', image: 'test_image', imagePullPolicy: 'IfNotPresent' }],
          restartPolicy: 'Always',
          dnsPolicy: 'ClusterFirst',
        },
      },
      ...(replicas === null ? {} : { replicas }),
      updateStrategy: strategy,
    },
    status,
  };
}

const rolling = { type: 'RollingUpdate' };
const partitioned = (partition: number) => ({ type: 'RollingUpdate', rollingUpdate: { partition } });

// kubectl's TestStatefulSetStatusViewerStatus, every row.
const kubectlTable = [
  {
    name: 'on delete returns an error',
    generation: 1,
    strategy: { type: 'OnDelete' },
    status: { observedGeneration: 1, replicas: 0, readyReplicas: 1, currentReplicas: 0, updatedReplicas: 0 },
    want: { done: false, message: '', error: 'rollout status is only available for RollingUpdate strategy type' },
  },
  {
    name: 'unobserved update is not complete',
    generation: 2,
    strategy: rolling,
    status: { observedGeneration: 1, replicas: 3, readyReplicas: 3, currentReplicas: 3, updatedReplicas: 0 },
    want: { done: false, message: 'Waiting for statefulset spec update to be observed...', error: null },
  },
  {
    name: 'if all pods are not ready the update is not complete',
    generation: 1,
    strategy: rolling,
    status: { observedGeneration: 2, replicas: 3, readyReplicas: 2, currentReplicas: 3, updatedReplicas: 0 },
    want: { done: false, message: 'Waiting for 1 pods to be ready...', error: null },
  },
  {
    name: 'partition update completes when all replicas above the partition are updated',
    generation: 1,
    strategy: partitioned(2),
    status: { observedGeneration: 2, replicas: 3, readyReplicas: 3, currentReplicas: 2, updatedReplicas: 1 },
    want: { done: true, message: 'partitioned roll out complete: 1 new pods have been updated...', error: null },
  },
  {
    // kubectl's table says done=true here but only asserts "not done when it should not be"; the viewer returns false.
    name: 'partition update is in progress if all pods above the partition have not been updated',
    generation: 1,
    strategy: partitioned(2),
    status: { observedGeneration: 2, replicas: 3, readyReplicas: 3, currentReplicas: 3, updatedReplicas: 0 },
    want: { done: false, message: 'Waiting for partitioned roll out to finish: 0 out of 1 new pods have been updated...', error: null },
  },
  {
    name: 'update completes when all replicas are current',
    generation: 1,
    strategy: rolling,
    status: {
      observedGeneration: 2,
      replicas: 3,
      readyReplicas: 3,
      currentReplicas: 3,
      updatedReplicas: 3,
      currentRevision: 'foo',
      updateRevision: 'foo',
    },
    want: { done: true, message: 'statefulset rolling update complete 3 pods at revision foo...', error: null },
  },
];

const ourTable = [
  {
    name: 'observedGeneration 0 is never observed, even at generation 0',
    generation: 0,
    strategy: rolling,
    replicas: 3,
    status: { readyReplicas: 3 },
    want: { done: false, message: 'Waiting for statefulset spec update to be observed...', error: null },
  },
  {
    name: 'a rolling update in progress names the update revision',
    generation: 2,
    strategy: rolling,
    replicas: 3,
    status: {
      observedGeneration: 2,
      replicas: 3,
      readyReplicas: 3,
      currentReplicas: 2,
      updatedReplicas: 1,
      currentRevision: 'foo-7b9f',
      updateRevision: 'foo-5c6d',
    },
    want: { done: false, message: 'waiting for statefulset rolling update to complete 1 pods at revision foo-5c6d...', error: null },
  },
  {
    name: 'the server-defaulted partition 0 takes the partitioned branch',
    generation: 2,
    strategy: partitioned(0),
    replicas: 3,
    status: {
      observedGeneration: 2,
      replicas: 3,
      readyReplicas: 3,
      currentReplicas: 1,
      updatedReplicas: 2,
      currentRevision: 'foo-7b9f',
      updateRevision: 'foo-5c6d',
    },
    want: { done: false, message: 'Waiting for partitioned roll out to finish: 2 out of 3 new pods have been updated...', error: null },
  },
  {
    name: 'partition 0 finishes once every pod is updated, whatever currentRevision says',
    generation: 2,
    strategy: partitioned(0),
    replicas: 3,
    status: {
      observedGeneration: 2,
      replicas: 3,
      readyReplicas: 3,
      currentReplicas: 0,
      updatedReplicas: 3,
      currentRevision: 'foo-7b9f',
      updateRevision: 'foo-5c6d',
    },
    want: { done: true, message: 'partitioned roll out complete: 3 new pods have been updated...', error: null },
  },
  {
    name: 'an empty rollingUpdate (no partition) is done once ready',
    generation: 1,
    strategy: { type: 'RollingUpdate', rollingUpdate: {} },
    replicas: 3,
    status: { observedGeneration: 1, replicas: 3, readyReplicas: 3, updatedReplicas: 0 },
    want: { done: true, message: 'partitioned roll out complete: 0 new pods have been updated...', error: null },
  },
  {
    name: 'a null rollingUpdate compares revisions',
    generation: 1,
    strategy: { type: 'RollingUpdate', rollingUpdate: null },
    replicas: 3,
    status: {
      observedGeneration: 1,
      replicas: 3,
      readyReplicas: 3,
      currentReplicas: 3,
      updatedReplicas: 3,
      currentRevision: 'r1',
      updateRevision: 'r2',
    },
    want: { done: false, message: 'waiting for statefulset rolling update to complete 3 pods at revision r2...', error: null },
  },
  {
    name: 'without spec.replicas readiness and partition are not checked',
    generation: 1,
    strategy: partitioned(1),
    replicas: null,
    status: { observedGeneration: 1, readyReplicas: 0, updatedReplicas: 0 },
    want: { done: true, message: 'partitioned roll out complete: 0 new pods have been updated...', error: null },
  },
  {
    name: 'no strategy type is refused',
    generation: 1,
    strategy: {},
    replicas: 3,
    status: { observedGeneration: 1 },
    want: { done: false, message: '', error: 'rollout status is only available for RollingUpdate strategy type' },
  },
];

describe('statefulSetStatus: kubectl rollout_status_test.go', () => {
  it.each(kubectlTable)('$name', ({ generation, strategy, status, want }) => {
    expect(statefulSetStatus(statefulSet(generation, strategy, status))).toEqual(want);
  });
});

describe('statefulSetStatus: edges', () => {
  it.each(ourTable)('$name', ({ generation, strategy, status, replicas, want }) => {
    expect(statefulSetStatus(statefulSet(generation, strategy, status, replicas))).toEqual(want);
  });
});
