// The category registry is the one place a category is defined; these checks keep it and the README's contract in step.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CATEGORIES, CATEGORY_SPECS, DEFAULT_POLICY, isCategory, severityRank } from '../../../src/diagnose/categories/index.js';
import type { Draft } from '../../../src/diagnose/rules/types.js';

const readme = fs.readFileSync(path.resolve(import.meta.dirname, '..', '..', '..', 'README.md'), 'utf8');

function draftOf(category: (typeof CATEGORIES)[number]): Draft {
  return {
    category,
    pod: { metadata: { name: 'api-1' } },
    container: 'api',
    node: 'worker-2',
    reason: null,
    message: 'm',
    exitCode: 1,
    restarts: 3,
    events: [],
    evidence: {},
    since: null,
    failures: 3,
  };
}

describe('category registry', () => {
  it('lists every category once, worst first, with its rank', () => {
    expect(new Set(CATEGORIES).size).toBe(CATEGORIES.length);
    expect(CATEGORIES.indexOf('quota-exceeded')).toBe(0);
    expect(CATEGORIES.at(-1)).toBe('unknown');
    expect(severityRank('crash-loop')).toBeLessThan(severityRank('image-pull-transient'));
    expect(severityRank('not-a-category')).toBe(CATEGORIES.length);
  });

  it.each(CATEGORIES)('%s: a phrase, a hint naming its evidence, and a policy', (category) => {
    const spec = CATEGORY_SPECS[category];
    expect(spec.phrase.length).toBeGreaterThan(5);
    expect(spec.hint(draftOf(category), { kind: 'Deployment', namespace: 'shop', name: 'api' }).length).toBeGreaterThan(20);
    expect(DEFAULT_POLICY[category]).toBe(spec.policy);
    expect(isCategory(category)).toBe(true);
  });

  it('the README names every category id (the public contract)', () => {
    const missing = CATEGORIES.filter((c) => !readme.includes(`\`${c}\``));
    expect(missing).toEqual([]);
  });
});
