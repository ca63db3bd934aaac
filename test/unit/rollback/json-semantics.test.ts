import { describe, expect, it } from 'vitest';
import { semanticEqual } from '../../../src/k8s/semantic-equal.js';
import { strategicMerge } from '../../../src/k8s/strategic-merge.js';

describe('semanticEqual', () => {
  it.each([
    [{ a: 1, b: [1, 2] }, { b: [1, 2], a: 1 }, true],
    [{ a: [] }, {}, true],
    [{ a: null }, { a: {} }, true],
    [{ m: { creationTimestamp: null } }, {}, true],
    [[1, 2], [2, 1], false],
    [{ a: '' }, {}, false],
    [{ a: 0 }, { a: null }, false],
    [{ a: { b: 1 } }, { a: { b: 2 } }, false],
    [[{}], [], false],
  ])('%j vs %j -> %s', (a, b, equal) => {
    expect(semanticEqual(a, b)).toBe(equal);
    expect(semanticEqual(b, a)).toBe(equal);
  });
});

describe('strategicMerge', () => {
  it.each([
    [
      'replaces an object marked $patch: replace',
      { spec: { t: { a: 1, b: 2 }, keep: true } },
      { spec: { t: { $patch: 'replace', c: 3 } } },
      { spec: { t: { c: 3 }, keep: true } },
    ],
    ['merges maps and deletes null fields', { a: { x: 1, y: 2 } }, { a: { y: null, z: 3 } }, { a: { x: 1, z: 3 } }],
    ['replaces lists', { a: [1, 2] }, { a: [3] }, { a: [3] }],
    ['deletes an object marked $patch: delete', { a: { x: 1 }, b: 1 }, { a: { $patch: 'delete' } }, { b: 1 }],
    ['drops other directives', { a: 1 }, { $retainKeys: ['a'], b: 2 }, { a: 1, b: 2 }],
  ])('%s', (_why, original, patch, expected) => {
    const before = structuredClone(original);
    expect(strategicMerge(original, patch)).toEqual(expected);
    expect(original).toEqual(before);
  });
});
