import { describe, expect, it } from 'vitest';
import { compareQuantities, parseQuantity, sameQuantity } from '../../../src/k8s/quantity.js';

describe('compareQuantities', () => {
  it.each([
    ['512Mi', '0.5Gi', 0],
    ['1Gi', '1024Mi', 0],
    ['1G', '1000M', 0],
    ['1Gi', '1G', 1],
    ['256Mi', '512Mi', -1],
    ['100m', '0.1', 0],
    ['1', '1000m', 0],
    ['1500m', '1.5', 0],
    ['2', '1999m', 1],
    ['1e3', '1k', 0],
    ['1E3', '1000', 0],
    ['1E', '1000P', 0],
    ['1Ki', '1024', 0],
    ['.5', '500m', 0],
    ['5.', '5', 0],
    ['+1', '1', 0],
    ['-1', '1', -1],
    ['128974848', '123Mi', 0],
    ['129M', '123Mi', 1],
    ['129e6', '129M', 0],
    ['100n', '0.0000001', 0],
    ['1u', '1000n', 0],
    [1, '1000m', 0],
    [0.25, '250m', 0],
  ] as const)('%s vs %s -> %s', (a, b, order) => {
    expect(compareQuantities(a, b)).toBe(order);
  });

  it.each([['lots'], ['1Mb'], [''], ['.'], ['1.2.3'], ['Mi'], [null], [{}]])('%j is not a quantity', (value) => {
    expect(parseQuantity(value)).toBeNull();
    expect(compareQuantities(value, '1')).toBeNull();
  });
});

describe('sameQuantity', () => {
  it.each([
    ['512Mi', '0.5Gi', true],
    ['512Mi', '512M', false],
    ['lots', 'lots', true],
    ['lots', 'more', false],
  ])('%s ~ %s = %s', (a, b, same) => expect(sameQuantity(a, b)).toBe(same));
});
