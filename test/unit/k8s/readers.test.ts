// The small readers every rule leans on: a field of the wrong type reads as absent (Go's zero value), owner
// references decide who controls what, and names, revisions and pressure conditions read as kubectl reads them.
import { describe, expect, it } from 'vitest';
import {
  conditionIsTrue,
  conditionOf,
  findCondition,
  int,
  joinReason,
  nameOf,
  optionalInt,
  record,
  records,
  text,
  timeOf,
} from '../../../src/k8s/fields.js';
import {
  controllerKindOf,
  hasNoController,
  isControlledBy,
  isOwnedBy,
  nameOf as objectName,
  sameNamespace,
} from '../../../src/k8s/owners.js';
import { nodePoolOf, pressureConditionOf } from '../../../src/k8s/nodes.js';
import { hpasScaling, hpaTarget } from '../../../src/k8s/hpa.js';
import { rollingFenceposts, scaledValue } from '../../../src/k8s/int-or-percent.js';
import { annotatedRevision, historyRevision, parseGoInt64, readRevision } from '../../../src/k8s/revision.js';
import type { KubeObject } from '../../../src/k8s/objects.js';

describe('field readers', () => {
  it.each([
    [{ a: 1 }, { a: 1 }],
    [[1], {}],
    [null, {}],
    ['x', {}],
    [undefined, {}],
  ])('record(%j) = %j', (value, want) => {
    expect(record(value)).toEqual(want);
  });

  it('records reads a list of mappings, anything else as none', () => {
    expect(records([{ a: 1 }, 'x', null])).toEqual([{ a: 1 }, {}, {}]);
    expect(records({ a: 1 })).toEqual([]);
  });

  it.each([
    [3, 3, 3],
    [0, 0, 0],
    [-2, -2, -2],
    [Number.NaN, 0, undefined],
    [Number.POSITIVE_INFINITY, 0, undefined],
    ['3', 0, undefined],
    [null, 0, undefined],
    [undefined, 0, undefined],
  ])('int(%s) = %s, optionalInt = %s', (value, asInt, asOptional) => {
    expect(int(value)).toBe(asInt);
    expect(optionalInt(value)).toBe(asOptional);
  });

  it('text and nameOf read strings only', () => {
    expect(text('a')).toBe('a');
    expect(text(1)).toBe('');
    expect(nameOf({ metadata: { name: 'web' } })).toBe('web');
    expect(nameOf({ metadata: { name: 7 } })).toBe('');
    expect(nameOf(null)).toBe('');
  });

  it('finds the first condition of a type, and tells whether it is True', () => {
    const status = {
      conditions: [
        { type: 'Available', status: 'False', reason: 'first' },
        { type: 'Available', status: 'True', reason: 'second' },
        { type: 'Progressing', status: 'True' },
      ],
    };
    expect(findCondition(status, 'Available')?.reason).toBe('first');
    expect(conditionIsTrue(status, 'Available')).toBe(false);
    expect(conditionIsTrue(status, 'Progressing')).toBe(true);
    expect(conditionIsTrue(status, 'Ready')).toBe(false);
    expect(findCondition({ conditions: 'x' }, 'Ready')).toBeUndefined();
    expect(conditionOf(status.conditions, 'Progressing')).toEqual({ type: 'Progressing', status: 'True' });
    expect(conditionOf(undefined, 'Progressing')).toBeUndefined();
  });

  it('joins the non-empty parts of a reason', () => {
    expect(joinReason('ProgressDeadlineExceeded', 'took too long')).toBe('ProgressDeadlineExceeded: took too long');
    expect(joinReason('', 'only the message')).toBe('only the message');
    expect(joinReason('OnlyReason', '')).toBe('OnlyReason');
  });

  it.each([
    ['2024-05-01T10:00:00Z', Date.UTC(2024, 4, 1, 10)],
    ['', null],
    [null, null],
    [undefined, null],
    ['not a time', null],
  ])('timeOf(%j) = %j', (value, ms) => {
    expect(timeOf(value)).toBe(ms);
  });
});

describe('owners', () => {
  const owner: KubeObject = { kind: 'ReplicaSet', metadata: { name: 'web-1', uid: 'u1', namespace: 'shop' } };
  const ref = (over: Record<string, unknown>) => ({ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'web-1', uid: 'u1', ...over });
  const owned = (...refs: Record<string, unknown>[]): KubeObject => ({ metadata: { ownerReferences: refs as never } });

  it.each([
    ['the same uid', owned(ref({})), true],
    ['another uid, same name', owned(ref({ uid: 'u2' })), false],
    ['no uid on the reference: kind and name', owned(ref({ uid: undefined })), true],
    ['no uid on the reference, another name', owned(ref({ uid: undefined, name: 'web-2' })), false],
    ['no uid on the reference, another kind', owned(ref({ uid: undefined, kind: 'Deployment' })), false],
    ['no references', {}, false],
  ])('isOwnedBy: %s', (_name, obj, want) => {
    expect(isOwnedBy(obj, owner)).toBe(want);
  });

  it('isOwnedBy falls back to kind and name when the owner has no uid', () => {
    const noUid: KubeObject = { kind: 'ReplicaSet', metadata: { name: 'web-1' } };
    expect(isOwnedBy(owned(ref({ uid: 'anything' })), noUid)).toBe(true);
    expect(isOwnedBy(owned(ref({ name: 'other' })), noUid)).toBe(false);
  });

  it.each([
    ['a controller reference with the uid', owned(ref({ controller: true })), true],
    ['a plain owner reference', owned(ref({ controller: false })), false],
    ['a controller reference with another uid', owned(ref({ controller: true, uid: 'u2' })), false],
    ['the first controller reference decides', owned(ref({ controller: true, uid: 'u2' }), ref({ controller: true })), false],
    ['no references', {}, false],
  ])('isControlledBy: %s', (_name, obj, want) => {
    expect(isControlledBy(obj, owner)).toBe(want);
  });

  it('nothing is controlled by an owner without a uid', () => {
    expect(isControlledBy(owned(ref({ controller: true, uid: undefined })), { metadata: { name: 'web-1' } })).toBe(false);
  });

  it('tells whether an object has a controller, and its kind', () => {
    expect(hasNoController({})).toBe(true);
    expect(hasNoController(owned(ref({ controller: false })))).toBe(true);
    expect(hasNoController(owned(ref({ controller: false }), ref({ controller: true, kind: 'Job' })))).toBe(false);
    expect(controllerKindOf(owned(ref({ controller: false }), ref({ controller: true, kind: 'Job' })))).toBe('Job');
    expect(controllerKindOf(owned(ref({ controller: false })))).toBeNull();
    expect(controllerKindOf({})).toBeNull();
  });

  it('compares namespaces with absent as the empty namespace, and reads names', () => {
    expect(sameNamespace({ metadata: { namespace: 'a' } }, { metadata: { namespace: 'a' } })).toBe(true);
    expect(sameNamespace({ metadata: { namespace: 'a' } }, { metadata: { namespace: 'b' } })).toBe(false);
    expect(sameNamespace({}, { metadata: { namespace: '' } })).toBe(true);
    expect(sameNamespace({}, { metadata: { namespace: 'a' } })).toBe(false);
    expect(sameNamespace({ metadata: { namespace: 'a' } }, {})).toBe(false);
    expect(objectName({ metadata: { name: 'web' } })).toBe('web');
    expect(objectName({})).toBe('');
  });
});

describe('nodes', () => {
  it.each([
    [{ 'cloud.google.com/gke-nodepool': 'pool-a', agentpool: 'other' }, 'pool-a'],
    [{ 'eks.amazonaws.com/nodegroup': 'ng-1' }, 'ng-1'],
    [{ agentpool: 'aks-1' }, 'aks-1'],
    [{ 'karpenter.sh/nodepool': '', agentpool: 'second' }, 'second'],
    [{ zone: 'a' }, null],
  ])('nodePoolOf(%j) = %j', (labels, pool) => {
    expect(nodePoolOf({ metadata: { labels } })).toBe(pool);
  });

  it('a node without labels, or no node, has no pool', () => {
    expect(nodePoolOf({})).toBeNull();
    expect(nodePoolOf(null)).toBeNull();
  });

  it.each([
    ['memory', 'MemoryPressure'],
    ['memory.available', 'MemoryPressure'],
    ['pids', 'PIDPressure'],
    ['pid.available', 'PIDPressure'],
    ['ephemeral-storage', 'DiskPressure'],
    ['nodefs.available', 'DiskPressure'],
    ['nodefs.inodesFree', 'DiskPressure'],
    ['imagefs.available', 'DiskPressure'],
    ['containerfs.available', 'DiskPressure'],
    ['inodes', 'DiskPressure'],
    ['cpu', null],
    ['my-memory', null],
    ['allocatable.pids', null],
    ['total.nodefs', null],
  ])('pressureConditionOf(%j) = %j', (resource, condition) => {
    expect(pressureConditionOf(resource)).toBe(condition);
  });
});

describe('hpa', () => {
  const hpa = (scaleTargetRef: Record<string, unknown>, namespace: string | null = 'shop'): KubeObject => ({
    metadata: { name: 'web', ...(namespace === null ? {} : { namespace }) },
    spec: { scaleTargetRef },
  });

  it.each([
    [
      { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web' },
      { group: 'apps', kind: 'Deployment', name: 'web', namespace: 'shop' },
    ],
    [
      { apiVersion: 'v1', kind: 'ReplicationController', name: 'rc' },
      { group: '', kind: 'ReplicationController', name: 'rc', namespace: 'shop' },
    ],
    [
      { kind: 'Deployment', name: 'web' },
      { group: '', kind: 'Deployment', name: 'web', namespace: 'shop' },
    ],
    [{ apiVersion: 'apps/v1', kind: 'Deployment' }, null],
    [{ apiVersion: 'apps/v1', name: 'web' }, null],
  ])('hpaTarget(%j) = %j', (ref, target) => {
    expect(hpaTarget(hpa(ref))).toEqual(target);
  });

  it('reads an HPA without a namespace as the empty namespace', () => {
    expect(hpaTarget(hpa({ apiVersion: 'apps/v1', kind: 'Deployment', name: 'web' }, null))?.namespace).toBe('');
  });

  it('finds the HPAs that scale a workload by group, kind, namespace and name', () => {
    const target = { apiVersion: 'apps/v1', kind: 'Deployment', namespace: 'shop', name: 'web' };
    const matching = hpa({ apiVersion: 'apps/v1', kind: 'Deployment', name: 'web' });
    const others = [
      hpa({ apiVersion: 'apps/v1beta2', kind: 'Deployment', name: 'web' }),
      hpa({ apiVersion: 'extensions/v1beta1', kind: 'Deployment', name: 'web' }),
      hpa({ apiVersion: 'apps/v1', kind: 'StatefulSet', name: 'web' }),
      hpa({ apiVersion: 'apps/v1', kind: 'Deployment', name: 'api' }),
      hpa({ apiVersion: 'apps/v1', kind: 'Deployment', name: 'web' }, 'other'),
      hpa({}),
    ];
    const found = hpasScaling(target, [matching, ...others]);
    expect(found).toHaveLength(2);
    expect(found[0]).toBe(matching);
    expect(found[1]).toBe(others[0]);
  });
});

describe('int-or-percent', () => {
  it.each([
    [2, 10, true, 2],
    [2.5, 10, true, null],
    ['25%', 10, true, 3],
    ['25%', 10, false, 2],
    [' 50% ', 3, true, 2],
    ['3', 10, false, 3],
    [' 3 ', 10, false, 3],
    ['3x', 10, false, null],
    ['x3', 10, false, null],
    ['-1', 10, false, null],
    ['25%x', 10, false, null],
    ['x25%', 10, false, null],
    [null, 10, false, null],
    [true, 10, false, null],
  ])('scaledValue(%j of %i, round up %s) = %j', (value, total, roundUp, want) => {
    expect(scaledValue(value, total, roundUp)).toBe(want);
  });

  it.each([
    [{ maxSurge: 0, maxUnavailable: 2 }, 4, { maxSurge: 0, maxUnavailable: 2 }],
    [{ maxSurge: 2, maxUnavailable: 0 }, 4, { maxSurge: 2, maxUnavailable: 0 }],
    [{ maxSurge: 'bad', maxUnavailable: 'bad' }, 4, { maxSurge: 0, maxUnavailable: 1 }],
  ])('rollingFenceposts(%j, %i) = %j: only both zero is corrected', (rollingUpdate, replicas, want) => {
    expect(rollingFenceposts(rollingUpdate, replicas)).toEqual(want);
  });
});

describe('revisions (deploymentutil.Revision)', () => {
  const annotated = (value: unknown) => ({ metadata: { annotations: { 'deployment.kubernetes.io/revision': value } } });

  it.each([
    ['7', { revision: 7 }],
    ['+7', { revision: 7 }],
    ['-3', { revision: -3 }],
    ['9223372036854775807', { revision: Number(9223372036854775807n) }],
    ['-9223372036854775808', { revision: Number(-9223372036854775808n) }],
    ['9223372036854775808', { error: 'strconv.ParseInt: parsing "9223372036854775808": value out of range' }],
    ['-9223372036854775809', { error: 'strconv.ParseInt: parsing "-9223372036854775809": value out of range' }],
    ['seven', { error: 'strconv.ParseInt: parsing "seven": invalid syntax' }],
    ['7 ', { error: 'strconv.ParseInt: parsing "7 ": invalid syntax' }],
    ['', { error: 'strconv.ParseInt: parsing "": invalid syntax' }],
  ])('parseGoInt64(%j) = %j', (value, want) => {
    expect(parseGoInt64(value)).toEqual(want);
  });

  it.each([
    [annotated('4'), { revision: 4 }, 4, 4],
    [annotated(4), { revision: 4 }, 4, 4],
    [annotated(true), { error: 'strconv.ParseInt: parsing "": invalid syntax' }, null, null],
    [annotated('9223372036854775807'), { revision: Number(9223372036854775807n) }, null, null],
    [{ metadata: { annotations: {} } }, { revision: 0 }, 0, null],
    [{ metadata: {} }, { revision: 0 }, 0, null],
    [{}, { revision: 0 }, 0, null],
    [null, { revision: 0 }, 0, null],
  ])('%j: read %j, history %j, annotated %j', (obj, read, history, annotatedValue) => {
    expect(readRevision(obj)).toEqual(read);
    expect(historyRevision(obj)).toBe(history);
    expect(annotatedRevision(obj)).toBe(annotatedValue);
  });
});
