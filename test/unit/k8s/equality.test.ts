// Semantic equality as Go decodes JSON (absent, null and empty are one value), the template comparison the controllers
// use, the strategic merge that replays a ControllerRevision, and the revision readers built on them.
import { describe, expect, it } from 'vitest';
import { isEmptyValue, semanticEqual } from '../../../src/k8s/semantic-equal.js';
import { equalIgnoreHash, isZeroValue, withoutHashLabel } from '../../../src/k8s/template-equal.js';
import { strategicMerge } from '../../../src/k8s/strategic-merge.js';
import {
  applyRevision,
  controlledRevisions,
  daemonSetRevision,
  matchesRevision,
  revisionHistory,
  revisionNumber,
  statefulSetRevision,
  templatePatch,
} from '../../../src/k8s/controller-revisions.js';
import { workloadRevision } from '../../../src/k8s/history.js';
import { controllerRevision, statefulSet } from '../rollback/fixtures.js';

describe('isEmptyValue and isZeroValue', () => {
  it.each([
    [undefined, true, true],
    [null, true, true],
    [[], true, true],
    [{}, true, true],
    [{ a: null, b: [], c: {} }, true, true],
    ['', false, true],
    [0, false, true],
    [false, false, true],
    [{ a: 0 }, false, true],
    [[0], false, false],
    [[null], false, false],
    ['x', false, false],
    [1, false, false],
    [true, false, false],
    [{ a: 'x' }, false, false],
  ])('%j: empty %s, zero %s', (value, empty, zero) => {
    expect(isEmptyValue(value)).toBe(empty);
    expect(isZeroValue(value)).toBe(zero);
  });
});

describe('semanticEqual', () => {
  it.each([
    ['absent and null', undefined, null, true],
    ['null and an empty list', null, [], true],
    ['an empty map and a map of empties', {}, { a: null }, true],
    ['key order', { a: 1, b: 2 }, { b: 2, a: 1 }, true],
    ['a missing key that is empty', { a: 1, b: [] }, { a: 1 }, true],
    ['a missing key that is not empty', { a: 1, b: [1] }, { a: 1 }, false],
    ['list order', [1, 2], [2, 1], false],
    ['list length', [1, 2], [1, 2, 3], false],
    ['equal lists of objects', [{ a: 1 }, { b: null }], [{ a: 1 }, {}], true],
    ['a list against a map', [1], { 0: 1 }, false],
    ['a map against a list', { 0: 1 }, [1], false],
    ['a list against a scalar', [1], 1, false],
    ['a scalar against a list', 'a', ['a'], false],
    ['a map against a scalar', { a: 1 }, 'x', false],
    ['a scalar against a map', 'x', { a: 1 }, false],
    ['a value against empty', 'x', null, false],
    ['empty against a value', null, 'x', false],
    ['numbers', 1, 1, true],
    ['other numbers', 1, 2, false],
    ['a number and its text', 1, '1', false],
    ['nested difference', { a: { b: [{ c: 1 }] } }, { a: { b: [{ c: 2 }] } }, false],
    ['the zero value is not empty by default', { a: 0 }, {}, false],
  ])('%s', (_name, a, b, want) => {
    expect(semanticEqual(a, b)).toBe(want);
    expect(semanticEqual(b, a)).toBe(want);
  });

  it('counts zeros as empty when asked to (the template comparison)', () => {
    expect(semanticEqual({ a: 0, b: '' }, {}, isZeroValue)).toBe(true);
    expect(semanticEqual([0], [], isZeroValue)).toBe(false);
  });
});

describe('equalIgnoreHash on odd input', () => {
  const template = { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'a', image: 'a:1' }] } };
  it.each([
    ['null and a template', null, template, false],
    ['a template and null', template, null, false],
    ['a template and text', template, 'x', false],
    ['text and a template', 'x', template, false],
    ['a number and a template', 1, template, false],
    ['null and undefined', null, undefined, true],
    ['null and an empty template', null, {}, true],
  ])('%s -> %s', (_name, a, b, want) => {
    expect(equalIgnoreHash(a, b)).toBe(want);
  });

  it('a list of labels is not a template', () => {
    expect(equalIgnoreHash([template], [template])).toBe(true);
    expect(equalIgnoreHash([template], template)).toBe(false);
  });
});

describe('withoutHashLabel', () => {
  it('drops the hash label, keeps the others, and does not touch its input', () => {
    const template = { metadata: { labels: { app: 'web', 'pod-template-hash': 'abc' }, name: 'x' }, spec: { a: 1 } };
    expect(withoutHashLabel(template)).toEqual({ metadata: { labels: { app: 'web' }, name: 'x' }, spec: { a: 1 } });
    expect(template.metadata.labels['pod-template-hash']).toBe('abc');
  });

  it('drops a label set emptied of the hash, and reads a missing template as empty', () => {
    expect(withoutHashLabel({ metadata: { labels: { 'pod-template-hash': 'abc' } } })).toEqual({ metadata: {} });
    expect(withoutHashLabel({ metadata: { labels: {} } })).toEqual({ metadata: {} });
    expect(withoutHashLabel({ spec: {} })).toEqual({ metadata: {}, spec: {} });
    expect(withoutHashLabel(null)).toEqual({ metadata: {} });
    expect(withoutHashLabel(undefined)).toEqual({ metadata: {} });
  });
});

describe('strategicMerge', () => {
  it.each([
    ['a scalar patch replaces', { a: 1 }, 5, 5],
    ['a list patch replaces', { a: 1 }, [1], [1]],
    ['$patch: replace swaps the object whole, without the directive', { a: 1, b: 2 }, { $patch: 'replace', c: 3 }, { c: 3 }],
    ['$patch: delete deletes', { a: 1 }, { $patch: 'delete' }, undefined],
    ['merges maps key by key', { a: 1, b: { c: 1, d: 2 } }, { b: { d: 3 } }, { a: 1, b: { c: 1, d: 3 } }],
    ['null deletes a key', { a: 1, b: 2 }, { b: null }, { a: 1 }],
    ['a nested delete removes the key', { a: 1, b: { c: 1 } }, { b: { $patch: 'delete' } }, { a: 1 }],
    ['other directives are dropped', { a: 1 }, { $retainKeys: ['a'], b: 2 }, { a: 1, b: 2 }],
    ['a map patch onto a scalar', 7, { a: 1 }, { a: 1 }],
    ['a map patch onto a list', [1], { a: 1 }, { a: 1 }],
    ['a map patch onto null', null, { a: { b: 1 } }, { a: { b: 1 } }],
  ])('%s', (_name, original, patch, want) => {
    expect(strategicMerge(original, patch)).toEqual(want);
  });

  it('leaves its inputs untouched', () => {
    const original = { a: { b: 1 } };
    const patch = { a: { c: 2 } };
    const merged = strategicMerge(original, patch) as { a: Record<string, number> };
    merged.a.b = 9;
    expect(original).toEqual({ a: { b: 1 } });
    expect(patch).toEqual({ a: { c: 2 } });
  });
});

describe('ControllerRevisions', () => {
  it.each([
    [3, 3],
    [0, 0],
    [1.5, null],
    [2 ** 53, null],
    ['3', null],
    [undefined, null],
  ])('revisionNumber(%j) = %j', (value, want) => {
    expect(revisionNumber({ revision: value as number })).toBe(want);
  });

  it('stores the template as a $patch: replace and matches it back', () => {
    const sts = statefulSet('nginx:1');
    expect(templatePatch(sts)).toEqual({ spec: { template: { $patch: 'replace', ...sts.spec!.template } } });
    expect(templatePatch({})).toEqual({ spec: { template: { $patch: 'replace' } } });
    expect(matchesRevision(sts, controllerRevision(1, 'nginx:1'))).toBe(true);
    expect(matchesRevision(sts, controllerRevision(2, 'nginx:2'))).toBe(false);
  });

  it('replays a revision onto the object, leaving the rest of it alone', () => {
    const sts = statefulSet('nginx:2');
    const restored = applyRevision(sts, controllerRevision(1, 'nginx:1'));
    expect(restored.spec?.template?.spec?.containers?.[0].image).toBe('nginx:1');
    expect(restored.spec?.replicas).toBe(1);
    expect(restored.metadata?.name).toBe('moons');
    expect(sts.spec?.template?.spec?.containers?.[0].image).toBe('nginx:2');
    expect(applyRevision(sts, { revision: 3 })).toEqual(sts);
  });

  it("builds the history from the object's own revisions, skipping unreadable numbers", () => {
    const sts = statefulSet('nginx:3');
    const revisions = [
      controllerRevision(1, 'nginx:1'),
      controllerRevision(2, 'nginx:2', { ownerUid: 'other' }),
      { ...controllerRevision(3, 'nginx:3'), revision: undefined },
      controllerRevision(4, 'nginx:4'),
    ];
    expect(controlledRevisions(sts, revisions).map((r) => r.metadata?.name)).toEqual(['moons-1', 'moons-3', 'moons-4']);
    const history = revisionHistory(sts, revisions);
    expect([...history.keys()]).toEqual([1, 4]);
    expect(history.get(1)?.spec?.template?.spec?.containers?.[0].image).toBe('nginx:1');
    expect(history.get(4)?.spec?.template?.spec?.containers?.[0].image).toBe('nginx:4');
  });

  it('names the revision of a StatefulSet by its status only once the controller caught up', () => {
    const revisions = [controllerRevision(1, 'nginx:1'), controllerRevision(2, 'nginx:2')];
    const caughtUp = statefulSet('nginx:2', { currentRevision: 'moons-1', updateRevision: 'moons-1' });
    expect(statefulSetRevision(caughtUp, revisions)).toBe(1);
    expect(statefulSetRevision(caughtUp, revisions, 'current')).toBe(1);
    const lagging = { ...caughtUp, status: { ...caughtUp.status, observedGeneration: 0 } };
    expect(statefulSetRevision(lagging, revisions)).toBe(2);
    expect(statefulSetRevision(lagging, revisions, 'current')).toBeNull();
  });

  it('reads no current revision from a StatefulSet that names none, and ignores revisions of others by name', () => {
    const revisions = [controllerRevision(1, 'nginx:1'), controllerRevision(5, 'nginx:1', { ownerUid: 'x', name: 'moons-9' })];
    expect(statefulSetRevision(statefulSet('nginx:1', { updateRevision: 'moons-1' }), revisions, 'current')).toBeNull();
    expect(statefulSetRevision(statefulSet('nginx:1', { currentRevision: 'moons-9' }), revisions, 'current')).toBeNull();
    expect(statefulSetRevision(statefulSet('nginx:1', { updateRevision: 'moons-9' }), revisions)).toBe(1);
  });

  it('a DaemonSet runs the newest revision that stores its template, numbers it cannot read left out', () => {
    const ds = statefulSet('nginx:1', {}, 'DaemonSet');
    const cr = (n: number | undefined, image: string) => ({
      ...controllerRevision(n ?? 0, image, { kind: 'DaemonSet' }),
      revision: n,
    });
    expect(daemonSetRevision(ds, [cr(2, 'nginx:1'), cr(undefined, 'nginx:1'), cr(7, 'nginx:2')])).toBe(2);
    expect(daemonSetRevision(ds, [cr(undefined, 'nginx:1')])).toBeNull();
    expect(workloadRevision('DaemonSet', ds, [cr(2, 'nginx:1')])).toBe(2);
    expect(workloadRevision('Pod', ds, [cr(2, 'nginx:1')])).toBeNull();
  });

  it("reads a StatefulSet's revision by the name in its status, where a DaemonSet takes the newest match", () => {
    // Two revisions store the same template (a rollback to revision 1 and forward again): the status names the one.
    const sts = statefulSet('nginx:1', { updateRevision: 'moons-1' });
    const revisions = [controllerRevision(1, 'nginx:1'), controllerRevision(2, 'nginx:1')];
    expect(workloadRevision('StatefulSet', sts, revisions)).toBe(1);
    expect(statefulSetRevision({ ...sts, status: {} }, revisions)).toBe(2);
  });
});
