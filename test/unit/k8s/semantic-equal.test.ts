// semanticEqual compares over the union of both sides' keys: a field only one side has counts unless it is empty.
import { describe, expect, it } from 'vitest';
import { isEmptyValue, semanticEqual } from '../../../src/k8s/semantic-equal.js';

describe('semanticEqual', () => {
  it.each<[string, unknown, unknown, boolean]>([
    ['the same fields in another order', { a: 1, b: { c: 'x' } }, { b: { c: 'x' }, a: 1 }, true],
    ['a field only the right side has', { a: 1 }, { a: 1, b: 2 }, false],
    ['a field only the left side has', { a: 1, b: 2 }, { a: 1 }, false],
    ['an empty field on one side only', { a: 1, b: {}, c: null }, { a: 1, d: [] }, true],
    ['a nested difference behind equal fields', { a: { b: [1, { c: 2 }] } }, { a: { b: [1, { c: 3 }] } }, false],
    ['arrays in another order', [1, 2], [2, 1], false],
    ['a struct of empty fields and an absent one', { creationTimestamp: null }, undefined, true],
  ])('%s', (_, a, b, equal) => {
    expect(semanticEqual(a, b)).toBe(equal);
    expect(semanticEqual(b, a)).toBe(equal);
  });

  it('counts an object empty only when every own field is empty', () => {
    expect(isEmptyValue({ a: null, b: { c: [] } })).toBe(true);
    expect(isEmptyValue({ a: null, b: { c: [0] } })).toBe(false);
  });
});
