// The scheduler's NodeAffinity filter, operator by operator: a wrong answer here predicts "no node fits" for a pod the
// scheduler would place (or the reverse).
import { describe, expect, it } from 'vitest';
import { describeNodeSelection, nodeSelectorMatches } from '../../../src/k8s/node-affinity.js';
import type { Node, PodSpec } from '../../../src/k8s/objects.js';

const node: Node = { metadata: { name: 'worker-2', labels: { pool: 'gpu', zone: 'b', cores: '16', neg: '-3' } } };
const required = (...terms: Record<string, unknown>[]): PodSpec => ({
  affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: terms } } },
});
const expr = (key: string, operator: string, values?: unknown[]) => ({
  matchExpressions: [{ key, operator, ...(values ? { values } : {}) }],
});

describe('matchExpressions operators', () => {
  it.each([
    ['zone In [b]', expr('zone', 'In', ['a', 'b']), true],
    ['zone In [a]', expr('zone', 'In', ['a']), false],
    ['missing In [b]', expr('missing', 'In', ['b']), false],
    ['zone NotIn [a]', expr('zone', 'NotIn', ['a']), true],
    ['zone NotIn [b]', expr('zone', 'NotIn', ['b']), false],
    ['missing NotIn [a]', expr('missing', 'NotIn', ['a']), true],
    ['zone Exists', expr('zone', 'Exists'), true],
    ['missing Exists', expr('missing', 'Exists'), false],
    ['zone DoesNotExist', expr('zone', 'DoesNotExist'), false],
    ['missing DoesNotExist', expr('missing', 'DoesNotExist'), true],
    ['cores Gt 8', expr('cores', 'Gt', ['8']), true],
    ['cores Gt 16', expr('cores', 'Gt', ['16']), false],
    ['cores Gt 32', expr('cores', 'Gt', ['32']), false],
    ['cores Lt 32', expr('cores', 'Lt', ['32']), true],
    ['cores Lt 16', expr('cores', 'Lt', ['16']), false],
    ['cores Lt 8', expr('cores', 'Lt', ['8']), false],
    ['neg Lt 0', expr('neg', 'Lt', ['0']), true],
    ['neg Gt -4', expr('neg', 'Gt', ['-4']), true],
    ['cores Gt 8 and 9 (two values)', expr('cores', 'Gt', ['8', '9']), false],
    ['cores Gt nothing', expr('cores', 'Gt', []), false],
    ['cores Gt x', expr('cores', 'Gt', ['x']), false],
    ['cores Gt 1x', expr('cores', 'Gt', ['1x']), false],
    ['cores Gt x1', expr('cores', 'Gt', ['x1']), false],
    ['missing Gt 1', expr('missing', 'Gt', ['1']), false],
    ['zone (not a number) Gt 1', expr('zone', 'Gt', ['1']), false],
    ['zone Near b (unknown operator)', expr('zone', 'Near', ['b']), false],
  ])('%s -> %s', (_name, term, matches) => {
    expect(nodeSelectorMatches(node, required(term))).toBe(matches);
  });

  it('compares integer labels beyond 2^53 exactly', () => {
    const big: Node = { metadata: { labels: { n: '9007199254740993' } } };
    expect(nodeSelectorMatches(big, required(expr('n', 'Gt', ['9007199254740992'])))).toBe(true);
    expect(nodeSelectorMatches(big, required(expr('n', 'Lt', ['9007199254740994'])))).toBe(true);
  });

  it('reads non-text values as no values', () => {
    expect(nodeSelectorMatches(node, required({ matchExpressions: [{ key: 'zone', operator: 'In', values: 'b' }] }))).toBe(false);
    expect(nodeSelectorMatches(node, required({ matchExpressions: [{ key: 'zone', operator: 'NotIn', values: 'b' }] }))).toBe(true);
  });
});

describe('terms and fields', () => {
  it.each([
    ['metadata.name In', { matchFields: [{ key: 'metadata.name', operator: 'In', values: ['worker-2'] }] }, true],
    ['metadata.name In another', { matchFields: [{ key: 'metadata.name', operator: 'In', values: ['worker-1'] }] }, false],
    ['metadata.name NotIn', { matchFields: [{ key: 'metadata.name', operator: 'NotIn', values: ['worker-1'] }] }, true],
    ['a field other than metadata.name', { matchFields: [{ key: 'metadata.uid', operator: 'NotIn', values: ['x'] }] }, false],
    [
      'expressions AND fields, both true',
      { ...expr('zone', 'In', ['b']), matchFields: [{ key: 'metadata.name', operator: 'In', values: ['worker-2'] }] },
      true,
    ],
    [
      'expressions AND fields, the field false',
      { ...expr('zone', 'In', ['b']), matchFields: [{ key: 'metadata.name', operator: 'In', values: ['x'] }] },
      false,
    ],
    [
      'expressions AND fields, the expression false',
      { ...expr('zone', 'In', ['a']), matchFields: [{ key: 'metadata.name', operator: 'In', values: ['worker-2'] }] },
      false,
    ],
    [
      'two expressions, one false',
      {
        matchExpressions: [
          { key: 'zone', operator: 'In', values: ['b'] },
          { key: 'pool', operator: 'In', values: ['cpu'] },
        ],
      },
      false,
    ],
  ])('%s -> %s', (_name, term, matches) => {
    expect(nodeSelectorMatches(node, required(term))).toBe(matches);
  });

  it('a node without a name or labels fails In and passes NotIn and DoesNotExist', () => {
    const bare: Node = {};
    expect(nodeSelectorMatches(bare, required({ matchFields: [{ key: 'metadata.name', operator: 'In', values: ['x'] }] }))).toBe(false);
    expect(nodeSelectorMatches(bare, required({ matchFields: [{ key: 'metadata.name', operator: 'NotIn', values: ['x'] }] }))).toBe(true);
    expect(nodeSelectorMatches(bare, required(expr('zone', 'DoesNotExist')))).toBe(true);
    expect(nodeSelectorMatches(bare, { nodeSelector: { zone: 'b' } })).toBe(false);
  });

  it('a required affinity without terms matches no node; no required affinity matches every node', () => {
    expect(
      nodeSelectorMatches(node, {
        affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [] } } },
      }),
    ).toBe(false);
    expect(nodeSelectorMatches(node, { affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: {} } } })).toBe(true);
    expect(nodeSelectorMatches(node, undefined)).toBe(true);
  });

  it('nodeSelector and affinity must both match', () => {
    expect(nodeSelectorMatches(node, { nodeSelector: { pool: 'gpu' }, ...required(expr('zone', 'In', ['a'])) })).toBe(false);
    expect(nodeSelectorMatches(node, { nodeSelector: { pool: 'cpu' }, ...required(expr('zone', 'In', ['b'])) })).toBe(false);
    expect(nodeSelectorMatches(node, { nodeSelector: { pool: 'gpu', zone: 'b' }, ...required(expr('zone', 'In', ['b'])) })).toBe(true);
  });
});

describe('describeNodeSelection', () => {
  it.each([
    [{}, ''],
    [undefined, ''],
    [{ nodeSelector: { pool: 'gpu', zone: 'b' } }, 'pool=gpu, zone=b'],
    [required(expr('zone', 'Exists')), 'zone Exists'],
    [
      required({
        matchExpressions: [
          { key: 'zone', operator: 'In', values: ['a', 'b'] },
          { key: 'ssd', operator: 'DoesNotExist' },
        ],
      }),
      'zone In [a b], ssd DoesNotExist',
    ],
    [required(expr('zone', 'In', ['a'])), 'zone In [a]'],
    [required(expr('zone', 'In', ['a']), expr('pool', 'In', ['gpu'])), '(zone In [a]) or (pool In [gpu])'],
    [
      { nodeSelector: { disk: 'ssd' }, ...required({ matchFields: [{ key: 'metadata.name', operator: 'In', values: ['n1'] }] }) },
      'disk=ssd, metadata.name In [n1]',
    ],
  ])('%j -> %j', (spec, text) => {
    expect(describeNodeSelection(spec as PodSpec | undefined)).toBe(text);
  });
});
