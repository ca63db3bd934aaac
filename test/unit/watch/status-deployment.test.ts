import { describe, expect, it } from 'vitest';
import { deploymentStatus } from '../../../src/watch/status/index.js';

interface DeploymentCase {
  name: string;
  generation: number;
  specReplicas?: number;
  status: Record<string, unknown>;
  annotations?: Record<string, unknown>;
  revision?: number;
  want: { done: boolean; message: string; error: string | null };
}

function deployment(c: DeploymentCase) {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: {
      namespace: 'bar',
      name: 'foo',
      uid: '8764ae47-9092-11e4-8393-42010af018ff',
      generation: c.generation,
      annotations: c.annotations,
    },
    spec: c.specReplicas === undefined ? {} : { replicas: c.specReplicas },
    status: c.status,
  };
}

const waiting = (message: string) => ({ done: false, message, error: null });
const done = (message: string) => ({ done: true, message, error: null });
const error = (text: string) => ({ done: false, message: '', error: text });

// kubectl's TestDeploymentStatusViewerStatus, every row.
const kubectlTable: DeploymentCase[] = [
  {
    name: 'test1',
    generation: 0,
    specReplicas: 1,
    status: { observedGeneration: 1, replicas: 1, updatedReplicas: 0, availableReplicas: 1, unavailableReplicas: 0 },
    want: waiting('Waiting for deployment "foo" rollout to finish: 0 out of 1 new replicas have been updated...'),
  },
  {
    name: 'test2',
    generation: 1,
    specReplicas: 1,
    status: { observedGeneration: 1, replicas: 2, updatedReplicas: 1, availableReplicas: 2, unavailableReplicas: 0 },
    want: waiting('Waiting for deployment "foo" rollout to finish: 1 old replicas are pending termination...'),
  },
  {
    name: 'test3',
    generation: 1,
    specReplicas: 2,
    status: { observedGeneration: 1, replicas: 2, updatedReplicas: 2, availableReplicas: 1, unavailableReplicas: 1 },
    want: waiting('Waiting for deployment "foo" rollout to finish: 1 of 2 updated replicas are available...'),
  },
  {
    name: 'test4',
    generation: 1,
    specReplicas: 2,
    status: { observedGeneration: 1, replicas: 2, updatedReplicas: 2, availableReplicas: 2, unavailableReplicas: 0 },
    want: done('deployment "foo" successfully rolled out'),
  },
  {
    name: 'test5',
    generation: 2,
    specReplicas: 2,
    status: { observedGeneration: 1, replicas: 2, updatedReplicas: 2, availableReplicas: 2, unavailableReplicas: 0 },
    want: waiting('Waiting for deployment spec update to be observed...'),
  },
];

const rolledOut = { observedGeneration: 3, replicas: 2, updatedReplicas: 2, availableReplicas: 2 };
const deadline = {
  type: 'Progressing',
  status: 'False',
  reason: 'ProgressDeadlineExceeded',
  message: 'ReplicaSet "foo-5d9c7b7f4" has timed out progressing.',
};

const ourTable: DeploymentCase[] = [
  {
    name: 'progress deadline exceeded is an error',
    generation: 3,
    specReplicas: 2,
    status: { ...rolledOut, availableReplicas: 0, conditions: [deadline] },
    want: error('deployment "foo" exceeded its progress deadline'),
  },
  {
    name: 'the deadline reason counts whatever the condition status',
    generation: 3,
    specReplicas: 2,
    status: { ...rolledOut, conditions: [{ ...deadline, status: 'True' }] },
    want: error('deployment "foo" exceeded its progress deadline'),
  },
  {
    name: 'a stale deadline is ignored until the new generation is observed',
    generation: 4,
    specReplicas: 2,
    status: { ...rolledOut, conditions: [deadline] },
    want: waiting('Waiting for deployment spec update to be observed...'),
  },
  {
    name: 'a progressing condition with another reason is no error',
    generation: 3,
    specReplicas: 2,
    status: {
      ...rolledOut,
      conditions: [
        { type: 'Available', status: 'False', reason: 'ProgressDeadlineExceeded' },
        { type: 'Progressing', status: 'True', reason: 'NewReplicaSetAvailable' },
      ],
    },
    want: done('deployment "foo" successfully rolled out'),
  },
  {
    name: 'only the first Progressing condition counts, as in kubectl',
    generation: 3,
    specReplicas: 2,
    status: { ...rolledOut, conditions: [{ type: 'Progressing', status: 'True', reason: 'ReplicaSetUpdated' }, deadline] },
    want: done('deployment "foo" successfully rolled out'),
  },
  {
    name: 'without spec.replicas the updated-count rule is skipped',
    generation: 1,
    status: { observedGeneration: 1, replicas: 0, updatedReplicas: 0, availableReplicas: 0 },
    want: done('deployment "foo" successfully rolled out'),
  },
  {
    name: 'an empty status on a fresh object waits for the controller',
    generation: 1,
    specReplicas: 1,
    status: {},
    want: waiting('Waiting for deployment spec update to be observed...'),
  },
  {
    name: 'scaled to zero with old pods still terminating',
    generation: 2,
    specReplicas: 0,
    status: { observedGeneration: 2, replicas: 3, updatedReplicas: 0, availableReplicas: 3 },
    want: waiting('Waiting for deployment "foo" rollout to finish: 3 old replicas are pending termination...'),
  },
  {
    name: 'revision matches',
    generation: 3,
    specReplicas: 2,
    status: rolledOut,
    annotations: { 'deployment.kubernetes.io/revision': '4' },
    revision: 4,
    want: done('deployment "foo" successfully rolled out'),
  },
  {
    name: 'revision 0 means any revision',
    generation: 3,
    specReplicas: 2,
    status: rolledOut,
    annotations: { 'deployment.kubernetes.io/revision': 'garbage' },
    revision: 0,
    want: done('deployment "foo" successfully rolled out'),
  },
  {
    name: 'revision differs',
    generation: 3,
    specReplicas: 2,
    status: rolledOut,
    annotations: { 'deployment.kubernetes.io/revision': '3' },
    revision: 4,
    want: error('desired revision (4) is different from the running revision (3)'),
  },
  {
    name: 'a missing revision annotation reads as revision 0',
    generation: 3,
    specReplicas: 2,
    status: rolledOut,
    revision: 1,
    want: error('desired revision (1) is different from the running revision (0)'),
  },
  {
    name: 'a malformed revision annotation',
    generation: 3,
    specReplicas: 2,
    status: rolledOut,
    annotations: { 'deployment.kubernetes.io/revision': 'v2' },
    revision: 2,
    want: error('cannot get the revision of deployment "foo": strconv.ParseInt: parsing "v2": invalid syntax'),
  },
  {
    name: 'an empty revision annotation',
    generation: 3,
    specReplicas: 2,
    status: rolledOut,
    annotations: { 'deployment.kubernetes.io/revision': '' },
    revision: 2,
    want: error('cannot get the revision of deployment "foo": strconv.ParseInt: parsing "": invalid syntax'),
  },
  {
    name: 'an out-of-range revision annotation',
    generation: 3,
    specReplicas: 2,
    status: rolledOut,
    annotations: { 'deployment.kubernetes.io/revision': '9223372036854775808' },
    revision: 2,
    want: error('cannot get the revision of deployment "foo": strconv.ParseInt: parsing "9223372036854775808": value out of range'),
  },
  {
    name: 'a signed revision annotation parses like Go',
    generation: 3,
    specReplicas: 2,
    status: rolledOut,
    annotations: { 'deployment.kubernetes.io/revision': '+7' },
    revision: 7,
    want: done('deployment "foo" successfully rolled out'),
  },
  {
    name: 'a hand-written numeric revision annotation means the same number',
    generation: 3,
    specReplicas: 2,
    status: rolledOut,
    annotations: { 'deployment.kubernetes.io/revision': 4 },
    revision: 4,
    want: done('deployment "foo" successfully rolled out'),
  },
  {
    name: 'a revision annotation of another type reads as empty',
    generation: 3,
    specReplicas: 2,
    status: rolledOut,
    annotations: { 'deployment.kubernetes.io/revision': true },
    revision: 4,
    want: error('cannot get the revision of deployment "foo": strconv.ParseInt: parsing "": invalid syntax'),
  },
  {
    name: 'the revision is checked before the generation',
    generation: 9,
    specReplicas: 2,
    status: rolledOut,
    annotations: { 'deployment.kubernetes.io/revision': '5' },
    revision: 6,
    want: error('desired revision (6) is different from the running revision (5)'),
  },
];

describe('deploymentStatus: kubectl rollout_status_test.go', () => {
  it.each(kubectlTable)('$name', (c) => {
    expect(deploymentStatus(deployment(c), c.revision)).toEqual(c.want);
  });
});

describe('deploymentStatus: conditions, replicas and --revision', () => {
  it.each(ourTable)('$name', (c) => {
    expect(deploymentStatus(deployment(c), c.revision)).toEqual(c.want);
  });
});
