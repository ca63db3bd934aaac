// The kind table is what every stage asks about a kind: where it lives in the API, which snapshot collection holds
// it, whether it keeps a history to roll back to and whether it can be scaled to zero.
import { describe, expect, it } from 'vitest';
import {
  COLLECTION_NAMES,
  collectionOfKind,
  emptySnapshot,
  isRollbackable,
  isWorkloadKind,
  parseWorkloadId,
  workloadId,
  WORKLOAD_KINDS,
  WORKLOADS,
} from '../../../src/k8s/kinds.js';
import { COLLECTIONS } from '../../../src/k8s/kinds.js';

describe('WORKLOADS', () => {
  it.each([
    ['Deployment', 'apps/v1', 'deployments', 'ReplicaSet', true, true],
    ['StatefulSet', 'apps/v1', 'statefulSets', 'ControllerRevision', true, true],
    ['DaemonSet', 'apps/v1', 'daemonSets', 'ControllerRevision', false, true],
    ['Job', 'batch/v1', 'jobs', null, false, false],
    ['Pod', 'v1', 'pods', null, false, false],
    ['ReplicationController', 'v1', 'replicationControllers', null, true, false],
  ] as const)(
    '%s: %s, collection %s, history %s, scalable %s, rollbackable %s',
    (kind, apiVersion, collection, history, scalable, rollbackable) => {
      expect(isWorkloadKind(kind)).toBe(true);
      expect(WORKLOADS[kind]).toEqual({ apiVersion, collection, history, scalable });
      expect(isRollbackable(kind)).toBe(rollbackable);
      expect(collectionOfKind(kind)).toBe(collection);
    },
  );

  it('knows exactly these six kinds, in this order', () => {
    expect(WORKLOAD_KINDS).toEqual(['Deployment', 'StatefulSet', 'DaemonSet', 'Job', 'Pod', 'ReplicationController']);
  });

  it.each(['ReplicaSet', 'CronJob', 'deployment', '', 'toString', 'hasOwnProperty', undefined, 7, null])(
    '%j is not a workload kind',
    (kind) => {
      expect(isWorkloadKind(kind)).toBe(false);
    },
  );
});

describe('COLLECTIONS', () => {
  it.each([
    ['deployments', 'Deployment', 'apps/v1'],
    ['statefulSets', 'StatefulSet', 'apps/v1'],
    ['daemonSets', 'DaemonSet', 'apps/v1'],
    ['jobs', 'Job', 'batch/v1'],
    ['pods', 'Pod', 'v1'],
    ['replicaSets', 'ReplicaSet', 'apps/v1'],
    ['controllerRevisions', 'ControllerRevision', 'apps/v1'],
    ['events', 'Event', 'v1'],
    ['nodes', 'Node', 'v1'],
    ['pvcs', 'PersistentVolumeClaim', 'v1'],
    ['replicationControllers', 'ReplicationController', 'v1'],
  ] as const)('%s holds %s objects read as %s', (collection, kind, apiVersion) => {
    expect(COLLECTIONS[collection]).toEqual({ kind, apiVersion });
    expect(collectionOfKind(kind)).toBe(collection);
  });

  it('has eleven collections, and an empty snapshot holds an empty list for each', () => {
    expect(COLLECTION_NAMES).toHaveLength(11);
    const snapshot = emptySnapshot();
    expect(Object.keys(snapshot).sort()).toEqual([...COLLECTION_NAMES].sort());
    for (const name of COLLECTION_NAMES) expect(snapshot[name]).toEqual([]);
    // Each call gives fresh lists: a caller may push into one.
    expect(emptySnapshot().pods).not.toBe(snapshot.pods);
  });

  it.each(['Service', 'CronJob', 'Events', ''])('no collection holds %j', (kind) => {
    expect(collectionOfKind(kind)).toBeUndefined();
  });
});

describe('workloadId and parseWorkloadId', () => {
  it.each([
    [{ kind: 'Deployment', namespace: 'shop', name: 'web' }, 'Deployment/shop/web'],
    [{ kind: 'Pod', namespace: '', name: 'lonely' }, 'Pod//lonely'],
    [{ kind: 'Job', namespace: 'ci', name: 'a/b' }, 'Job/ci/a/b'],
  ] as const)('%j <-> %s', (ref, id) => {
    expect(workloadId(ref)).toBe(id);
    expect(parseWorkloadId(id)).toEqual(ref);
  });

  it.each(['Deployment/shop', 'Deployment', 'Service/shop/web', 'ReplicaSet/shop/web-1', '', 'shop/web'])('%j is no workload id', (id) => {
    expect(parseWorkloadId(id)).toBeNull();
  });
});
