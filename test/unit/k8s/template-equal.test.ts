import { describe, expect, it } from 'vitest';
import { equalIgnoreHash } from '../../../src/k8s/template-equal.js';

const template = (over: Record<string, unknown> = {}, labels: Record<string, string> = { app: 'web' }) => ({
  metadata: { labels, creationTimestamp: null },
  spec: { containers: [{ name: 'app', image: 'web:1', resources: {} }], ...over },
});

describe("equalIgnoreHash (the deployment controller's EqualIgnoreHash)", () => {
  it.each([
    ['the same template', template(), template(), true],
    ['only the pod-template-hash label differs', template({}, { app: 'web', 'pod-template-hash': 'abc' }), template(), true],
    ['a zero value against an absent field', template({ hostNetwork: false, priority: 0, serviceAccountName: '' }), template(), true],
    [
      'null and empty objects against absent ones',
      template({ securityContext: {}, volumes: [] }),
      { ...template(), metadata: { labels: { app: 'web' } } },
      true,
    ],
    ['another image', template({ containers: [{ name: 'app', image: 'web:2' }] }), template(), false],
    ['another label than the hash', template({}, { app: 'api' }), template(), false],
    [
      'a container more',
      template({
        containers: [
          { name: 'app', image: 'web:1' },
          { name: 'side', image: 's:1' },
        ],
      }),
      template(),
      false,
    ],
    [
      'containers in another order',
      template({
        containers: [
          { name: 'b', image: 'b' },
          { name: 'a', image: 'a' },
        ],
      }),
      template({
        containers: [
          { name: 'a', image: 'a' },
          { name: 'b', image: 'b' },
        ],
      }),
      false,
    ],
  ])('%s', (_name, a, b, want) => {
    expect(equalIgnoreHash(a, b)).toBe(want);
    expect(equalIgnoreHash(b, a)).toBe(want);
  });

  it('gives the same answer when asked again for the same pair (answers are memoized per object pair)', () => {
    const a = template();
    const b = template({ containers: [{ name: 'app', image: 'web:2' }] });
    expect(equalIgnoreHash(a, b)).toBe(false);
    expect(equalIgnoreHash(a, b)).toBe(false);
    expect(equalIgnoreHash(a, template())).toBe(true);
  });
});
