// The Kubernetes facts the plan added to src/k8s: field ownership from managedFields, node selection, and
// maxSurge/maxUnavailable arithmetic.
import { describe, expect, it } from 'vitest';
import { emptyOwned, isOwned, ownedFields } from '../../../src/k8s/owned-fields.js';
import { describeNodeSelection, nodeSelectorMatches } from '../../../src/k8s/node-affinity.js';
import { rollingFenceposts, scaledValue } from '../../../src/k8s/int-or-percent.js';
import { formatPath, objectLeaves } from '../../../src/k8s/object-paths.js';

const deployment = {
  metadata: {
    name: 'web',
    labels: { 'app.kubernetes.io/name': 'web' },
    managedFields: [
      {
        manager: 'kube-deploy-gate',
        operation: 'Apply',
        fieldsV1: {
          'f:metadata': { 'f:labels': { 'f:app.kubernetes.io/name': {} } },
          'f:spec': {
            'f:replicas': {},
            'f:template': {
              'f:spec': {
                'f:containers': { 'k:{"name":"app"}': { '.': {}, 'f:name': {}, 'f:image': {}, 'f:args': {} } },
                'f:tolerations': {},
              },
            },
          },
        },
      },
      { manager: 'kube-controller-manager', operation: 'Update', subresource: 'status', fieldsV1: { 'f:status': { 'f:replicas': {} } } },
      { manager: 'hpa', operation: 'Update', fieldsV1: { 'f:spec': { 'f:replicas': {} } } },
    ],
  },
  spec: {
    replicas: 3,
    template: {
      spec: {
        containers: [
          { name: 'sidecar', image: 'envoy:1' },
          { name: 'app', image: 'api:1', args: ['--port', '80'], terminationMessagePath: '/dev/termination-log' },
        ],
        tolerations: [{ key: 'a', operator: 'Exists' }],
      },
    },
  },
};

describe('ownedFields', () => {
  const owned = ownedFields(deployment, 'kube-deploy-gate');
  const leaves = [...objectLeaves(deployment.spec, ['spec']).values()].map((l) => l.path);
  const ownedLeaves = leaves.filter((p) => isOwned(owned, p)).map(formatPath);

  it('owns exactly the applied fields: a keyed container and its fields, atomic lists whole, not the server defaults', () => {
    expect(ownedLeaves).toEqual([
      'spec.replicas',
      'spec.template.spec.containers[app].args',
      'spec.template.spec.containers[app].image',
      'spec.template.spec.containers[app].name',
      'spec.template.spec.tolerations[0].key',
      'spec.template.spec.tolerations[0].operator',
    ]);
  });

  it('reads only Apply entries of the manager (another manager, an Update or a subresource never counts)', () => {
    expect(isOwned(ownedFields(deployment, 'hpa'), ['spec', 'replicas'])).toBe(false);
    expect(isOwned(ownedFields(deployment, 'nobody'), ['spec', 'replicas'])).toBe(false);
    expect(ownedFields(null, 'x')).toEqual(emptyOwned());
  });

  it('keeps dotted keys as one segment', () => {
    expect(isOwned(owned, ['metadata', 'labels', 'app.kubernetes.io/name'])).toBe(true);
    expect(formatPath(['metadata', 'labels', 'app.kubernetes.io/name'])).toBe('metadata.labels[app.kubernetes.io/name]');
  });
});

describe('nodeSelectorMatches', () => {
  const node = { metadata: { name: 'worker-2', labels: { pool: 'gpu', zone: 'b', cores: '16' } } };
  it.each([
    [{}, true],
    [{ nodeSelector: { pool: 'gpu' } }, true],
    [{ nodeSelector: { pool: 'cpu' } }, false],
    [
      {
        affinity: {
          nodeAffinity: {
            requiredDuringSchedulingIgnoredDuringExecution: {
              nodeSelectorTerms: [{ matchExpressions: [{ key: 'zone', operator: 'In', values: ['a', 'b'] }] }],
            },
          },
        },
      },
      true,
    ],
    [
      {
        affinity: {
          nodeAffinity: {
            requiredDuringSchedulingIgnoredDuringExecution: {
              nodeSelectorTerms: [{ matchExpressions: [{ key: 'zone', operator: 'NotIn', values: ['b'] }] }],
            },
          },
        },
      },
      false,
    ],
    // Terms are ORed, expressions in a term ANDed; an empty term matches nothing.
    [
      {
        affinity: {
          nodeAffinity: {
            requiredDuringSchedulingIgnoredDuringExecution: {
              nodeSelectorTerms: [
                {},
                {
                  matchExpressions: [
                    { key: 'cores', operator: 'Gt', values: ['8'] },
                    { key: 'ssd', operator: 'DoesNotExist' },
                  ],
                },
              ],
            },
          },
        },
      },
      true,
    ],
    [{ affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{}] } } } }, false],
    [
      {
        affinity: {
          nodeAffinity: {
            requiredDuringSchedulingIgnoredDuringExecution: {
              nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: ['worker-2'] }] }],
            },
          },
        },
      },
      true,
    ],
    [
      {
        affinity: {
          nodeAffinity: {
            requiredDuringSchedulingIgnoredDuringExecution: {
              nodeSelectorTerms: [{ matchExpressions: [{ key: 'cores', operator: 'Lt', values: ['x'] }] }],
            },
          },
        },
      },
      false,
    ],
    // Preferred affinity never keeps a pod off a node.
    [
      {
        affinity: {
          nodeAffinity: {
            preferredDuringSchedulingIgnoredDuringExecution: [
              { weight: 1, preference: { matchExpressions: [{ key: 'pool', operator: 'In', values: ['x'] }] } },
            ],
          },
        },
      },
      true,
    ],
  ])('%j -> %s', (spec, matches) => {
    expect(nodeSelectorMatches(node, spec)).toBe(matches);
  });

  it('describes the selection in a few words', () => {
    expect(
      describeNodeSelection({
        nodeSelector: { pool: 'gpu' },
        affinity: {
          nodeAffinity: {
            requiredDuringSchedulingIgnoredDuringExecution: {
              nodeSelectorTerms: [{ matchExpressions: [{ key: 'zone', operator: 'In', values: ['a', 'b'] }] }],
            },
          },
        },
      }),
    ).toBe('pool=gpu, zone In [a b]');
  });
});

describe('rolling fenceposts', () => {
  it.each([
    [undefined, 1, { maxSurge: 1, maxUnavailable: 0 }],
    [undefined, 2, { maxSurge: 1, maxUnavailable: 0 }],
    [undefined, 4, { maxSurge: 1, maxUnavailable: 1 }],
    [undefined, 10, { maxSurge: 3, maxUnavailable: 2 }],
    [{ maxSurge: 0, maxUnavailable: 0 }, 3, { maxSurge: 0, maxUnavailable: 1 }],
    [{ maxSurge: '50%', maxUnavailable: 2 }, 3, { maxSurge: 2, maxUnavailable: 2 }],
  ])('%j of %i replicas', (rollingUpdate, replicas, expected) => {
    expect(rollingFenceposts(rollingUpdate, replicas)).toEqual(expected);
  });

  it('reads plain numbers and refuses other text', () => {
    expect(scaledValue('3', 10, true)).toBe(3);
    expect(scaledValue('x%', 10, true)).toBeNull();
  });
});
