// The edges of the kstatus port: objects missing one of the numbers a rule compares, conditions without the text a
// rule quotes, list items without apiVersion, and the no-status-yet grace for kinds without a rule.
import { describe, expect, it } from 'vitest';
import { awaitsFirstStatus, objectStatus, type ObjectStatus } from '../../../src/watch/status/generic/index.js';

const options = { waitForLoadBalancers: false };
const current = (message: string): ObjectStatus => ({ state: 'current', message });
const inProgress = (reason: string, message: string): ObjectStatus => ({ state: 'in-progress', reason, message });
const failed = (reason: string, message: string): ObjectStatus => ({ state: 'failed', reason, message });

const at = '2025-03-02T10:15:00Z';
const cond = (type: string, status: string, reason: string, message: string, observedGeneration?: number) => ({
  type,
  status,
  reason,
  message,
  lastTransitionTime: at,
  ...(observedGeneration === undefined ? {} : { observedGeneration }),
});

function widget(metadata: Record<string, unknown>, status?: Record<string, unknown>) {
  return {
    apiVersion: 'example.com/v1',
    kind: 'Widget',
    metadata: { name: 'blue', namespace: 'shop', ...metadata },
    spec: { size: 3 },
    ...(status === undefined ? {} : { status }),
  };
}

const replicaSet = (metadata: Record<string, unknown>, status: Record<string, unknown>) => ({
  apiVersion: 'apps/v1',
  kind: 'ReplicaSet',
  metadata: { name: 'web-7d4b9c', namespace: 'shop', ...metadata },
  spec: { replicas: 2, selector: { matchLabels: { app: 'web' } } },
  status,
});
const twoReady = { replicas: 2, fullyLabeledReplicas: 2, readyReplicas: 2, availableReplicas: 2 };

const table: { name: string; obj: unknown; want: ObjectStatus }[] = [
  {
    name: 'no metadata.generation: an observedGeneration alone says nothing',
    obj: widget({}, { observedGeneration: 3, conditions: [cond('Ready', 'True', 'Ready', 'ok')] }),
    want: current('Resource is Ready'),
  },
  {
    name: 'no metadata.generation: a stamped Ready condition counts',
    obj: widget({}, { conditions: [cond('Ready', 'True', 'Ready', 'ok', 1)] }),
    want: current('Resource is Ready'),
  },
  {
    name: 'Ready without its own observedGeneration counts whatever the generation',
    obj: widget({ generation: 4 }, { conditions: [cond('Ready', 'True', 'Ready', 'ok')] }),
    want: current('Resource is Ready'),
  },
  {
    name: 'Ready stamped with the current generation counts',
    obj: widget({ generation: 4 }, { conditions: [cond('Ready', 'True', 'Ready', 'ok', 4)] }),
    want: current('Resource is Ready'),
  },
  {
    name: 'Ready stamped with an older generation waits',
    obj: widget({ generation: 4 }, { conditions: [cond('Ready', 'True', 'Ready', 'ok', 3)] }),
    want: inProgress('LatestGenerationNotObserved', 'Widget generation is 4, but the Ready condition was observed at generation 3'),
  },
  {
    name: 'Stalled without its own observedGeneration fails',
    obj: widget({ generation: 2 }, { conditions: [cond('Stalled', 'True', 'QuotaExceeded', 'no room')] }),
    want: failed('QuotaExceeded', 'Stalled: QuotaExceeded: no room'),
  },
  {
    name: 'a Ready condition without a status says nothing',
    obj: widget({ generation: 1 }, { conditions: [{ type: 'Ready', reason: 'Pending', lastTransitionTime: at }] }),
    want: current('Resource is current'),
  },
  {
    name: 'a Ready condition with a status kstatus does not know says nothing',
    obj: widget({ generation: 1 }, { conditions: [cond('Ready', 'Maybe', 'Pending', 'later')] }),
    want: current('Resource is current'),
  },
  {
    name: 'a ReplicaSet without metadata.generation has not been seen by the API server yet',
    obj: replicaSet({}, { ...twoReady, observedGeneration: 1 }),
    want: inProgress('NoGeneration', 'ReplicaSet metadata.generation not found'),
  },
  {
    name: 'a ReplicaSet whose controller has not written observedGeneration',
    obj: replicaSet({ generation: 1 }, twoReady),
    want: inProgress('NoObservedGeneration', 'ReplicaSet status.observedGeneration not found'),
  },
  {
    name: 'a PDB not observed yet whose DisruptionAllowed=False is no sync failure waits for observedGeneration',
    obj: {
      apiVersion: 'policy/v1',
      kind: 'PodDisruptionBudget',
      metadata: { name: 'web', namespace: 'shop', generation: 1 },
      spec: { minAvailable: 1 },
      status: { disruptionsAllowed: 0, conditions: [cond('DisruptionAllowed', 'False', 'InsufficientPods', '')] },
    },
    want: inProgress('NoObservedGeneration', 'PodDisruptionBudget status.observedGeneration not found'),
  },
  {
    name: 'a CRD whose names are refused, without a message',
    obj: {
      apiVersion: 'apiextensions.k8s.io/v1',
      kind: 'CustomResourceDefinition',
      metadata: { name: 'widgets.example.com', generation: 1 },
      status: { conditions: [{ type: 'NamesAccepted', status: 'False', reason: 'KindConflict' }] },
    },
    want: failed('KindConflict', 'CRD names are not accepted'),
  },
  {
    name: 'a CRD not established, without a message',
    obj: {
      apiVersion: 'apiextensions.k8s.io/v1',
      kind: 'CustomResourceDefinition',
      metadata: { name: 'widgets.example.com', generation: 1 },
      status: { conditions: [{ type: 'Established', status: 'False', reason: 'NotAccepted' }] },
    },
    want: failed('NotAccepted', 'CRD is not established'),
  },
  {
    name: 'a Service list item without apiVersion still gets the Service rule',
    obj: { kind: 'Service', metadata: { name: 'web' }, spec: { type: 'LoadBalancer' }, status: {} },
    want: inProgress('NoIPAssigned', 'ClusterIP not set. Service type: LoadBalancer'),
  },
  {
    name: 'a kind named like an Object.prototype member has no rule of its own',
    obj: { apiVersion: 'v1', kind: 'toString', metadata: { name: 'x', generation: 1 } },
    want: current('Resource is current'),
  },
];

describe('objectStatus: edges', () => {
  it.each(table)('$name', ({ obj, want }) => {
    expect(objectStatus(obj, options)).toEqual(want);
  });
});

describe('awaitsFirstStatus', () => {
  it.each([
    ['a custom resource without status', widget({ generation: 1 }), true],
    ['a custom resource with an empty status', widget({ generation: 1 }, {}), true],
    ['a custom resource with a status', widget({ generation: 1 }, { phase: 'Provisioning' }), false],
    ['a Service without status (its own rule decides)', { apiVersion: 'v1', kind: 'Service', metadata: { name: 'web' } }, false],
    ['a ConfigMap (always ready)', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cfg' } }, false],
  ])('%s: %s', (_, obj, want) => {
    expect(awaitsFirstStatus(obj)).toBe(want);
  });
});
