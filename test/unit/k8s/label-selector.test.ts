// metav1.LabelSelector matching as the API server applies it.
import { describe, expect, it } from 'vitest';
import { requirementsOf, selectorMatches } from '../../../src/k8s/label-selector.js';

const web = { app: 'web', tier: 'front' };

describe('selectorMatches', () => {
  it.each([
    ['matchLabels, all present', { matchLabels: { app: 'web' } }, web, true],
    ['matchLabels, one differs', { matchLabels: { app: 'web', tier: 'back' } }, web, false],
    ['In', { matchExpressions: [{ key: 'app', operator: 'In', values: ['api', 'web'] }] }, web, true],
    ['In, key missing', { matchExpressions: [{ key: 'team', operator: 'In', values: ['a'] }] }, web, false],
    ['NotIn, other value', { matchExpressions: [{ key: 'app', operator: 'NotIn', values: ['api'] }] }, web, true],
    ['NotIn, key missing', { matchExpressions: [{ key: 'team', operator: 'NotIn', values: ['a'] }] }, web, true],
    ['NotIn, listed value', { matchExpressions: [{ key: 'app', operator: 'NotIn', values: ['web'] }] }, web, false],
    ['Exists', { matchExpressions: [{ key: 'tier', operator: 'Exists' }] }, web, true],
    ['DoesNotExist', { matchExpressions: [{ key: 'tier', operator: 'DoesNotExist' }] }, web, false],
    ['both parts must hold', { matchLabels: { app: 'web' }, matchExpressions: [{ key: 'tier', operator: 'DoesNotExist' }] }, web, false],
    ['an empty selector selects everything', {}, web, true],
    ['an absent selector selects nothing', undefined, web, false],
    ['an unknown operator selects nothing', { matchExpressions: [{ key: 'app', operator: 'Like', values: ['w'] }] }, web, false],
    ['no labels at all', { matchLabels: { app: 'web' } }, undefined, false],
  ])('%s', (_, selector, labels, want) => {
    expect(selectorMatches(selector, labels)).toBe(want);
  });
});

describe('requirementsOf', () => {
  it('reads matchLabels as In requirements of one value, then the expressions', () => {
    expect(requirementsOf({ matchLabels: { app: 'web' }, matchExpressions: [{ key: 'track', operator: 'Exists' }] })).toEqual([
      { key: 'app', operator: 'In', values: ['web'] },
      { key: 'track', operator: 'Exists', values: [] },
    ]);
  });
});
