import { describe, expect, it } from 'vitest';
import { compareQuantities, formatQuantity, parseQuantity, quantityToNumber, sameQuantity } from '../../../src/k8s/quantity.js';

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

describe('parseQuantity', () => {
  it.each([
    ['1e-3', 1n, 1000n],
    ['1E+2', 100n, 1n],
    [' 2Gi ', 2n * 1024n ** 3n, 1n],
    ['1.5Ki', 15n * 1024n, 10n],
    ['-250m', -250n, 1000n],
    ['0', 0n, 1n],
    ['7Ei', 7n * 1024n ** 6n, 1n],
    ['3T', 3n * 10n ** 12n, 1n],
    ['1e18', 10n ** 18n, 1n],
  ])('%j = %s / %s', (input, num, den) => {
    expect(parseQuantity(input)).toEqual({ num, den });
  });

  it.each([['1e'], ['1e+'], ['1ee3'], ['Infinity'], [Number.NaN], [Number.POSITIVE_INFINITY], ['--1'], ['1 Gi']])(
    '%j is not a quantity',
    (input) => {
      expect(parseQuantity(input)).toBeNull();
    },
  );
});

describe('quantityToNumber', () => {
  it.each([
    ['250m', 0.25],
    ['1.5Gi', 1.5 * 2 ** 30],
    ['2e-3', 0.002],
    [3, 3],
    ['lots', null],
  ])('%j -> %s', (input, value) => {
    expect(quantityToNumber(input)).toBe(value);
  });
});

describe('formatQuantity', () => {
  it.each([
    ['cpu', 2, '2'],
    ['cpu', 0.25, '250m'],
    ['cpu', 1.5, '1500m'],
    ['memory', 2 ** 30, '1Gi'],
    ['memory', 1.5 * 2 ** 30, '1.5Gi'],
    ['memory', 256 * 2 ** 20, '256Mi'],
    ['memory', 2 ** 20 - 2 ** 10, '1023Ki'],
    ['memory', 1536, '1.5Ki'],
    ['memory', 1023, '1023'],
    ['memory', 0.5, '0.5'],
    ['ephemeral-storage', 10 * 2 ** 30, '10Gi'],
    ['hugepages-2Mi', 2 ** 21, '2Mi'],
    ['pods', 110, '110'],
    ['pods', 1 / 3, '0.333'],
    ['nvidia.com/gpu', 2 ** 30, String(2 ** 30)],
    ['my-memory', 2 ** 30, String(2 ** 30)],
  ])('%s %s -> %s', (resource, value, text) => {
    expect(formatQuantity(resource, value)).toBe(text);
  });
});
