import { describe, expect, it } from 'vitest';
import { parseWarningHeaders } from '../../../src/kube/warnings.js';

describe('parseWarningHeaders', () => {
  it.each([
    [undefined, []],
    ['299 - "unknown field \\"spec.replica\\""', ['unknown field "spec.replica"']],
    [
      '299 - "unknown field \\"spec.foo\\"", 299 - "duplicate field \\"metadata.name\\""',
      ['unknown field "spec.foo"', 'duplicate field "metadata.name"'],
    ],
    [['299 - "policy/v1beta1 PodDisruptionBudget is deprecated"'], ['policy/v1beta1 PodDisruptionBudget is deprecated']],
    ['199 - "misc"', []],
    ['299 kube-apiserver "a, with comma" "Mon, 01 Jan 2024 00:00:00 GMT"', ['a, with comma']],
  ])('%j', (header, expected) => {
    expect(parseWarningHeaders(header as string | string[] | undefined)).toEqual(expected);
  });
});
