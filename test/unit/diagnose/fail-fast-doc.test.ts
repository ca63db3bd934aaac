// docs/fail-fast.md explains, per category, when it is fatal and which transient case shaped the rule. This keeps it
// from drifting: one row per category of the registry, and each row's `when fatal` starts with the registry's policy,
// so changing a policy without the doc (or adding a category without a row) fails here.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CATEGORIES, CATEGORY_SPECS, type CategoryPolicy } from '../../../src/diagnose/categories/index.js';
import { PROBE_SLACK_SECONDS } from '../../../src/diagnose/change/probe-deadline.js';
import { RECENT_MS, REPEATS } from '../../../src/diagnose/recurring.js';
import { CREATING_SLOW_MS } from '../../../src/diagnose/rules/creating.js';
import { TERMINATING_SLACK_MS } from '../../../src/diagnose/rules/pod-phase.js';
import { SCALE_UP_GRACE_SECONDS } from '../../../src/diagnose/rules/scheduling.js';
import { DEFAULT_MIN_READY_MS } from '../../../src/inputs.js';

const DOC = path.resolve(import.meta.dirname, '..', '..', '..', 'docs', 'fail-fast.md');
const HEADER = ['category', 'when fatal', 'why', 'the transient case that shaped it (and how it is told apart)'];

/** The words a `when fatal` cell starts with; the cell may add the rules' refinements after them. */
function describePolicy(policy: CategoryPolicy): string {
  switch (policy.fatal) {
    case 'at-once':
      return 'at once';
    case 'never':
      return 'never';
    case 'after-failures':
      return `after ${policy.failures} failures`;
    case 'after-seconds':
      return `after ${policy.seconds} s`;
  }
}

/** Cells of one Markdown table row; `\|` stays inside a cell. */
function cellsOf(line: string): string[] {
  return line
    .trim()
    .replace(/^\|/, '')
    .replace(/\|$/, '')
    .split(/(?<!\\)\|/)
    .map((c) => c.trim());
}

/** The table whose header is HEADER: its rows as cells. */
function policyTable(markdown: string): string[][] {
  const lines = markdown.split('\n');
  const start = lines.findIndex((l) => l.trim().startsWith('|') && cellsOf(l).join('|') === HEADER.join('|'));
  if (start < 0) throw new Error(`docs/fail-fast.md has no table with the header | ${HEADER.join(' | ')} |`);
  const rows: string[][] = [];
  for (const line of lines.slice(start + 2)) {
    if (!line.trim().startsWith('|')) break;
    rows.push(cellsOf(line));
  }
  return rows;
}

describe('describePolicy', () => {
  it.each<[CategoryPolicy, string]>([
    [{ fatal: 'at-once' }, 'at once'],
    [{ fatal: 'never' }, 'never'],
    [{ fatal: 'after-failures', failures: 2 }, 'after 2 failures'],
    [{ fatal: 'after-seconds', seconds: 120 }, 'after 120 s'],
  ])('%j -> %s', (policy, words) => {
    expect(describePolicy(policy)).toBe(words);
  });
});

describe('docs/fail-fast.md', () => {
  const rows = policyTable(fs.readFileSync(DOC, 'utf8'));
  const idOf = (row: string[]) => /^`([a-z0-9-]+)`$/.exec(row[0] ?? '')?.[1] ?? row[0];

  it('has four cells in every row, none empty', () => {
    const bad = rows.filter((r) => r.length !== HEADER.length || r.some((c) => c === '')).map(idOf);
    expect(bad).toEqual([]);
  });

  it('has exactly one row per category of the registry, and no row for an unknown id', () => {
    const ids = rows.map(idOf);
    const known = new Set<string>(CATEGORIES);
    expect({
      unknown: ids.filter((id) => !known.has(id)),
      repeated: ids.filter((id, i) => ids.indexOf(id) !== i),
      missing: CATEGORIES.filter((c) => !ids.includes(c)),
    }).toEqual({ unknown: [], repeated: [], missing: [] });
  });

  it.each(CATEGORIES)("%s: `when fatal` starts with the registry's policy", (category) => {
    const row = rows.find((r) => idOf(r) === category);
    const words = describePolicy(CATEGORY_SPECS[category].policy);
    // Followed by the end of the cell or punctuation, so "after 60 s" does not match "after 600 s".
    expect(row?.[1]).toMatch(new RegExp(`^${words}(?![\\w])`));
  });

  // The rules' own numbers, where the code exports them: the refinements after the policy quote them.
  it.each<[string, string]>([
    ['unschedulable-resources', `after ${SCALE_UP_GRACE_SECONDS} s when it is larger than every node`],
    ['evicted', `${REPEATS} pods of the new revision within ${RECENT_MS / 60_000} minutes`],
    ['pod-rejected', `${REPEATS} pods of the new revision within ${RECENT_MS / 60_000} minutes`],
    ['readiness-probe-failing', `one timeout and ${PROBE_SLACK_SECONDS} s`],
    ['terminating-stuck', `${TERMINATING_SLACK_MS / 1000} s after its grace period`],
    ['container-creating-slow', `after ${CREATING_SLOW_MS / 1000} s`],
  ])('%s quotes %s', (category, words) => {
    expect(rows.find((r) => idOf(r) === category)?.join(' | ')).toContain(words);
  });

  it("states min-ready's default", () => {
    expect(fs.readFileSync(DOC, 'utf8')).toContain(`The default is \`${DEFAULT_MIN_READY_MS / 1000}s\``);
  });
});
