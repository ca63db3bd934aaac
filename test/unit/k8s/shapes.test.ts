// A hand-edited dump with a field of the wrong type is named by its field and both types, for every part of every
// shape the diagnosis reads, instead of failing inside a rule.
import { describe, expect, it } from 'vitest';
import { shapeProblem } from '../../../src/k8s/shapes.js';

const container = (over: Record<string, unknown>) => ({ spec: { containers: [{ name: 'app', ...over }] } });
const podSpec = (over: Record<string, unknown>) => ({ spec: over });

describe('shapeProblem', () => {
  it.each([
    ['Pod', { metadata: [] }, 'metadata must be a mapping, not a list'],
    [
      'Pod',
      { metadata: { ownerReferences: [{ controller: 'yes' }] } },
      'metadata.ownerReferences[0].controller must be a boolean, not the string "yes"',
    ],
    ['Pod', { metadata: { labels: { app: 1 } } }, 'metadata.labels.app must be a string, not the number 1'],
    ['Pod', { metadata: { generation: '2' } }, 'metadata.generation must be a number, not the string "2"'],
    [
      'Pod',
      { status: { conditions: [{ type: 'Ready', status: true }] } },
      'status.conditions[0].status must be a string, not the boolean true',
    ],
    [
      'Pod',
      { status: { containerStatuses: [{ name: 'a' }, { restartCount: '3' }] } },
      'status.containerStatuses[1].restartCount must be a number, not the string "3"',
    ],
    [
      'Pod',
      { status: { initContainerStatuses: [{ state: 'running' }] } },
      'status.initContainerStatuses[0].state must be a mapping, not the string "running"',
    ],
    [
      'Pod',
      container({ resources: { limits: { cpu: true } } }),
      'spec.containers[0].resources.limits.cpu must be a quantity (such as "500m" or 2), not the boolean true',
    ],
    [
      'Pod',
      container({ resources: { requests: { memory: {} } } }),
      'spec.containers[0].resources.requests.memory must be a quantity (such as "500m" or 2), not a mapping',
    ],
    [
      'Pod',
      container({ volumeMounts: [{ name: 'v', readOnly: 'true' }] }),
      'spec.containers[0].volumeMounts[0].readOnly must be a boolean, not the string "true"',
    ],
    [
      'Pod',
      container({ volumeMounts: [{ mountPath: 1 }] }),
      'spec.containers[0].volumeMounts[0].mountPath must be a string, not the number 1',
    ],
    ['Pod', container({ startupProbe: 'x' }), 'spec.containers[0].startupProbe must be a mapping, not the string "x"'],
    ['Pod', container({ livenessProbe: [] }), 'spec.containers[0].livenessProbe must be a mapping, not a list'],
    ['Pod', container({ restartPolicy: 1 }), 'spec.containers[0].restartPolicy must be a string, not the number 1'],
    ['Pod', container({ command: 'run' }), 'spec.containers[0].command must be a list, not the string "run"'],
    ['Pod', container({ env: [{ name: 'A', value: 1 }] }), 'spec.containers[0].env[0].value must be a string, not the number 1'],
    ['Pod', podSpec({ initContainers: [{ image: 5 }] }), 'spec.initContainers[0].image must be a string, not the number 5'],
    [
      'Pod',
      podSpec({ tolerations: [{ key: 'k', tolerationSeconds: '30' }] }),
      'spec.tolerations[0].tolerationSeconds must be a number, not the string "30"',
    ],
    ['Pod', podSpec({ tolerations: [{ effect: 1 }] }), 'spec.tolerations[0].effect must be a string, not the number 1'],
    ['Pod', podSpec({ volumes: [{ name: 1 }] }), 'spec.volumes[0].name must be a string, not the number 1'],
    ['Pod', podSpec({ imagePullSecrets: [{ name: 1 }] }), 'spec.imagePullSecrets[0].name must be a string, not the number 1'],
    ['Pod', podSpec({ schedulingGates: [{ name: 1 }] }), 'spec.schedulingGates[0].name must be a string, not the number 1'],
    ['Pod', podSpec({ readinessGates: [{ conditionType: 1 }] }), 'spec.readinessGates[0].conditionType must be a string, not the number 1'],
    ['Pod', podSpec({ priorityClassName: 1 }), 'spec.priorityClassName must be a string, not the number 1'],
    ['Pod', podSpec({ nodeSelector: { pool: 2 } }), 'spec.nodeSelector.pool must be a string, not the number 2'],
    ['Pod', podSpec({ containers: { name: 'app' } }), 'spec.containers must be a list, not a mapping'],
    [
      'Deployment',
      { spec: { template: { metadata: { labels: { app: 1 } } } } },
      'spec.template.metadata.labels.app must be a string, not the number 1',
    ],
    [
      'Deployment',
      { spec: { template: { spec: { containers: [{ image: 1 }] } } } },
      'spec.template.spec.containers[0].image must be a string, not the number 1',
    ],
    ['Deployment', { spec: { strategy: 'x' } }, 'spec.strategy must be a mapping, not the string "x"'],
    ['Deployment', { spec: { minReadySeconds: '10' } }, 'spec.minReadySeconds must be a number, not the string "10"'],
    ['StatefulSet', { status: { readyReplicas: '1' } }, 'status.readyReplicas must be a number, not the string "1"'],
    ['DaemonSet', { status: { conditions: {} } }, 'status.conditions must be a list, not a mapping'],
    ['ReplicaSet', { spec: { replicas: '3' } }, 'spec.replicas must be a number, not the string "3"'],
    ['Job', { spec: { backoffLimit: '6' } }, 'spec.backoffLimit must be a number, not the string "6"'],
    ['Job', { spec: { template: { spec: { containers: 'x' } } } }, 'spec.template.spec.containers must be a list, not the string "x"'],
    ['Job', { status: { succeeded: '1' } }, 'status.succeeded must be a number, not the string "1"'],
    ['ControllerRevision', { revision: '1' }, 'revision must be a number, not the string "1"'],
    ['ControllerRevision', { data: 'x' }, 'data must be a mapping, not the string "x"'],
    ['ControllerRevision', { metadata: { name: 1 } }, 'metadata.name must be a string, not the number 1'],
    ['Event', { involvedObject: { name: 1 } }, 'involvedObject.name must be a string, not the number 1'],
    ['Event', { count: '2' }, 'count must be a number, not the string "2"'],
    ['Node', { spec: { taints: [{ key: 'k', effect: 1 }] } }, 'spec.taints[0].effect must be a string, not the number 1'],
    ['Node', { spec: { unschedulable: 'yes' } }, 'spec.unschedulable must be a boolean, not the string "yes"'],
    ['Node', { status: { allocatable: { cpu: [] } } }, 'status.allocatable.cpu must be a quantity (such as "500m" or 2), not a list'],
    [
      'Node',
      { status: { capacity: { pods: false } } },
      'status.capacity.pods must be a quantity (such as "500m" or 2), not the boolean false',
    ],
    ['PersistentVolumeClaim', { status: { phase: 1 } }, 'status.phase must be a string, not the number 1'],
    ['PersistentVolumeClaim', { spec: 'x' }, 'spec must be a mapping, not the string "x"'],
    ['PersistentVolumeClaim', { metadata: { namespace: 1 } }, 'metadata.namespace must be a string, not the number 1'],
    ['Pod', 'x', 'the object must be a mapping, not the string "x"'],
    ['Pod', [1], 'the object must be a mapping, not a list'],
    ['Pod', { spec: { nodeName: ['a'] } }, 'spec.nodeName must be a string, not a list'],
    ['Pod', { spec: { nodeName: { a: 1 } } }, 'spec.nodeName must be a string, not a mapping'],
    ['Pod', { spec: { nodeName: false } }, 'spec.nodeName must be a string, not the boolean false'],
  ])('%s %j: %s', (kind, obj, problem) => {
    expect(shapeProblem(kind, obj)).toBe(problem);
  });

  it('cuts a long wrong value to 40 characters of JSON', () => {
    expect(shapeProblem('Pod', { spec: { nodeName: 1 }, metadata: {} })).toBe('spec.nodeName must be a string, not the number 1');
    expect(shapeProblem('Event', { count: 'a'.repeat(100) })).toBe(`count must be a number, not the string "${'a'.repeat(39)}`);
  });

  it.each([
    [
      'Pod',
      {
        metadata: { name: 'web', creationTimestamp: null },
        spec: { containers: [{ name: 'a', resources: { limits: { cpu: 1, memory: '1Gi' } } }] },
      },
    ],
    ['Pod', { spec: { containers: [null], nodeName: null }, status: null }],
    ['Pod', { spec: { somethingNew: 42, containers: [{ name: 'a', futureField: [1] }] } }],
    ['Node', { status: { allocatable: { cpu: '4', pods: 110 } } }],
    ['Service', { spec: 'anything' }],
    ['Pod', null],
    ['Pod', undefined],
  ])('%s %j fits', (kind, obj) => {
    expect(shapeProblem(kind, obj)).toBeNull();
  });
});
