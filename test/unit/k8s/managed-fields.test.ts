// managedFields as server-side apply keys them: by manager, operation and subresource; which fields an owner holds;
// and the leaves of an object as the plan's diff names them.
import { describe, expect, it } from 'vitest';
import { applyEntryOf, entryOwnsField, findManagedEntry, hasOtherWriters, managedFieldsOf } from '../../../src/k8s/managed-fields.js';
import { emptyOwned, isOwned, ownedFields } from '../../../src/k8s/owned-fields.js';
import { formatPath, listItemSegment, objectLeaves, pathKey } from '../../../src/k8s/object-paths.js';
import type { KubeObject, ManagedFieldsEntry } from '../../../src/k8s/objects.js';

const withEntries = (...entries: ManagedFieldsEntry[]): KubeObject => ({ metadata: { name: 'web', managedFields: entries } });
const gateApply = { manager: 'kube-deploy-gate', operation: 'Apply', apiVersion: 'apps/v1', fieldsType: 'FieldsV1', fieldsV1: {} };

describe('managedFieldsOf and findManagedEntry', () => {
  it('reads the entries, none when absent or not a list', () => {
    expect(managedFieldsOf(withEntries(gateApply))).toEqual([gateApply]);
    expect(managedFieldsOf({ metadata: { managedFields: 'x' as never } })).toEqual([]);
    expect(managedFieldsOf({})).toEqual([]);
    expect(managedFieldsOf(null)).toEqual([]);
    expect(managedFieldsOf(undefined)).toEqual([]);
  });

  it('matches manager, operation and subresource together', () => {
    const id = { manager: 'kube-deploy-gate', operation: 'Apply', subresource: '' };
    const update = { ...gateApply, operation: 'Update' };
    const other = { ...gateApply, manager: 'kubectl' };
    const status = { ...gateApply, subresource: 'status' };
    expect(findManagedEntry(withEntries(update, other, status), id)).toBeUndefined();
    expect(findManagedEntry(withEntries(update, other, status, gateApply), id)).toBe(gateApply);
    expect(findManagedEntry(withEntries(status), { ...id, subresource: 'status' })).toBe(status);
    expect(applyEntryOf(withEntries(update, gateApply), 'kube-deploy-gate')).toBe(gateApply);
    expect(applyEntryOf(withEntries(update), 'kube-deploy-gate')).toBeUndefined();
  });

  it("prefers the entry of the asked apiVersion, else the owner's first entry", () => {
    const v1 = { ...gateApply, apiVersion: 'apps/v1' };
    const beta = { ...gateApply, apiVersion: 'apps/v1beta2' };
    const id = { manager: 'kube-deploy-gate', operation: 'Apply', subresource: '' };
    expect(findManagedEntry(withEntries(beta, v1), id, 'apps/v1')).toBe(v1);
    expect(findManagedEntry(withEntries(beta, v1), id, 'apps/v1beta2')).toBe(beta);
    expect(findManagedEntry(withEntries(beta, v1), id, 'apps/v2')).toBe(beta);
    expect(findManagedEntry(withEntries(beta, v1), id)).toBe(beta);
    const unversioned = { ...beta, apiVersion: undefined };
    expect(findManagedEntry(withEntries(unversioned, v1), id, 'apps/v2')).toBe(unversioned);
  });
});

describe('entryOwnsField', () => {
  const entry = { ...gateApply, fieldsV1: { 'f:spec': { 'f:replicas': {}, 'f:template': { 'f:spec': {} } } } };
  it.each([
    [['spec'], true],
    [['spec', 'replicas'], true],
    [['spec', 'template', 'spec'], true],
    [['spec', 'template', 'metadata'], false],
    [['status'], false],
    [[], true],
  ])('%j -> %s', (names, owns) => {
    expect(entryOwnsField(entry, names)).toBe(owns);
  });

  it('owns nothing without an entry or with another fieldsType', () => {
    expect(entryOwnsField(undefined, ['spec'])).toBe(false);
    expect(entryOwnsField(undefined, [])).toBe(false);
    expect(entryOwnsField({ ...entry, fieldsType: 'FieldsV2' }, ['spec'])).toBe(false);
    expect(entryOwnsField({ ...entry, fieldsType: 'FieldsV2' }, [])).toBe(false);
  });
});

describe('hasOtherWriters', () => {
  it.each([
    ['only our apply', [gateApply], false],
    [
      'our apply and a status writer',
      [gateApply, { manager: 'kube-controller-manager', operation: 'Update', subresource: 'status' }],
      false,
    ],
    ['another manager', [gateApply, { manager: 'kubectl-edit', operation: 'Update' }], true],
    ['our own Update (kubectl patch with our name)', [{ manager: 'kube-deploy-gate', operation: 'Update' }], true],
    ['our apply through the scale subresource', [{ manager: 'kube-deploy-gate', operation: 'Apply', subresource: 'scale' }], true],
    ['another apply', [{ manager: 'argocd', operation: 'Apply' }], true],
    ['nobody', [], false],
  ])('%s -> %s', (_name, entries, other) => {
    expect(hasOtherWriters(withEntries(...(entries as ManagedFieldsEntry[])), 'kube-deploy-gate')).toBe(other);
  });

  it('an object without managedFields has no other writers', () => {
    expect(hasOtherWriters(null, 'kube-deploy-gate')).toBe(false);
  });
});

describe('ownedFields', () => {
  const obj = (fieldsV1: Record<string, unknown>, spec: Record<string, unknown>, extra: Partial<ManagedFieldsEntry> = {}): KubeObject => ({
    metadata: { managedFields: [{ ...gateApply, ...extra, fieldsV1 }] },
    spec,
  });
  const leaves = (o: KubeObject) =>
    [...objectLeaves(o.spec, ['spec']).values()]
      .filter((l) => isOwned(ownedFields(o, 'kube-deploy-gate'), l.path))
      .map((l) => formatPath(l.path));

  it('owns list items by index, by key and by set value, and only the node itself for "."', () => {
    const spec = { args: ['a', 'b'], ports: [{ port: 80, protocol: 'TCP' }, { port: 81 }], items: [{ x: 1 }, { x: 2 }] };
    const o = obj(
      {
        'f:spec': {
          'f:args': { 'v:"a"': {} },
          'f:ports': { 'k:{"port":80,"protocol":"TCP"}': { '.': {}, 'f:port': {} } },
          'f:items': { 'i:1': {} },
        },
      },
      spec,
    );
    expect(leaves(o)).toEqual(['spec.args', 'spec.items[1].x', 'spec.ports[0].port']);
    const owned = ownedFields(o, 'kube-deploy-gate');
    expect(isOwned(owned, ['spec', 'ports', '[0]'])).toBe(true);
    expect(isOwned(owned, ['spec', 'ports', '[0]', 'protocol'])).toBe(false);
    expect(isOwned(owned, ['spec', 'ports', '[1]'])).toBe(false);
    expect(isOwned(owned, ['spec'])).toBe(false);
  });

  it('skips items the object does not hold, unreadable keys and unknown prefixes', () => {
    const o = obj(
      {
        'f:spec': {
          'f:items': { 'i:5': {}, 'k:{"name":"gone"}': {}, 'k:{bad json': {}, 'x:what': {} },
          'f:args': {},
        },
      },
      { items: [{ name: 'a' }], args: ['x'] },
    );
    expect(leaves(o)).toEqual(['spec.args']);
  });

  it('matches a key by its text, as the server compares them', () => {
    const o = obj({ 'f:spec': { 'f:ports': { 'k:{"port":"80"}': {} } } }, { ports: [{ port: 80, name: 'http' }] });
    expect(leaves(o)).toEqual(['spec.ports[http].name', 'spec.ports[http].port']);
  });

  it('owns the whole object at the root, and nothing through entries that are not its own apply', () => {
    expect(isOwned({ subtrees: new Set([pathKey([])]), exact: new Set() }, ['spec', 'x'])).toBe(true);
    expect(leaves(obj({ 'f:spec': {} }, { a: 1 }, { operation: 'Update' }))).toEqual([]);
    expect(leaves(obj({ 'f:spec': {} }, { a: 1 }, { subresource: 'scale' }))).toEqual([]);
    expect(leaves(obj({ 'f:spec': {} }, { a: 1 }))).toEqual(['spec.a']);
    expect(isOwned(emptyOwned(), [])).toBe(false);
  });

  it('collects into the set it is given', () => {
    const into = emptyOwned();
    ownedFields(obj({ 'f:spec': { 'f:a': {} } }, { a: 1 }), 'kube-deploy-gate', into);
    ownedFields(obj({ 'f:spec': { 'f:b': {} } }, { b: 1 }), 'kube-deploy-gate', into);
    expect(isOwned(into, ['spec', 'a'])).toBe(true);
    expect(isOwned(into, ['spec', 'b'])).toBe(true);
  });
});

describe('object paths', () => {
  it.each([
    [{ name: 'app' }, 3, '[app]'],
    [{ name: '' }, 3, '[3]'],
    [{ name: 7 }, 0, '[0]'],
    ['scalar', 1, '[1]'],
  ])('listItemSegment(%j, %i) = %s', (item, index, segment) => {
    expect(listItemSegment(item, index)).toBe(segment);
  });

  it('keys paths so that a dotted key never equals two segments', () => {
    expect(pathKey(['a.b'])).not.toBe(pathKey(['a', 'b']));
    expect(pathKey(['a', 'b'])).toBe('a\u0000b');
    expect(formatPath(['spec', 'containers', '[app]', 'image'])).toBe('spec.containers[app].image');
    expect(formatPath(['metadata', 'annotations', 'a.b/c'])).toBe('metadata.annotations[a.b/c]');
    expect(formatPath(['[0]', 'x'])).toBe('[0].x');
    expect(formatPath([])).toBe('');
  });

  it('lists leaves: scalars, atomic lists of scalars, empty lists and maps; undefined keys are absent', () => {
    const leaves = objectLeaves({ b: 1, a: { c: null, d: undefined, e: {} }, l: ['x', 1], m: [], n: [{ name: 'k', v: 1 }, 5], z: [[1]] });
    expect([...leaves.values()].map((l) => [formatPath(l.path), l.value])).toEqual([
      ['a.c', null],
      ['a.e', {}],
      ['b', 1],
      ['l', ['x', 1]],
      ['m', []],
      ['n[k].name', 'k'],
      ['n[k].v', 1],
      ['n[1]', 5],
      ['z[0]', [1]],
    ]);
    expect([...objectLeaves({ d: undefined }).values()]).toEqual([{ path: [], value: { d: undefined } }]);
    expect([...objectLeaves(3, ['x']).values()]).toEqual([{ path: ['x'], value: 3 }]);
  });
});
