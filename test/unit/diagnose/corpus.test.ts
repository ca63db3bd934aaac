// The diagnosis corpus (test/fixtures/corpus) is well-formed: every dump has an expectation and every expectation a
// dump, each dump parses as a kubectl dump and names its sources, and the expected findings use known category IDs (or
// the planned ones the expected file lists) for workloads the dump contains. The score itself is scripts/score-corpus.mjs.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { CATEGORIES, snapshotFromDump } from '../../../src/diagnose/index.js';
import { CATEGORY_SPECS } from '../../../src/diagnose/categories/index.js';

const dir = path.resolve(import.meta.dirname, '../../fixtures/corpus');

interface Expected {
  workload: string;
  category: string;
  fatal: boolean;
  node?: string;
}

interface CorpusCase {
  name: string;
  family: string;
  k8s: string;
  provider: string;
  now: string;
  expect?: Expected[];
  allow?: Expected[];
  expectNone?: boolean;
}

const expectedFile = parse(fs.readFileSync(path.join(dir, 'expected.yaml'), 'utf8')) as {
  plannedCategories: string[];
  families: Record<string, string>;
  cases: CorpusCase[];
};
const cases = expectedFile.cases;
const known = new Set<string>([...CATEGORIES, ...expectedFile.plannedCategories]);

function workloadsIn(text: string): Set<string> {
  const s = snapshotFromDump(text);
  const ids = new Set<string>();
  const add = (kind: string, items: readonly unknown[]) => {
    for (const item of items as { metadata?: { name?: string; namespace?: string; ownerReferences?: { controller?: boolean }[] } }[]) {
      if (kind === 'Pod' && (item.metadata?.ownerReferences ?? []).some((r) => r.controller)) continue;
      ids.add(`${kind}/${item.metadata?.namespace ?? ''}/${item.metadata?.name ?? ''}`);
    }
  };
  add('Deployment', s.deployments);
  add('StatefulSet', s.statefulSets);
  add('DaemonSet', s.daemonSets);
  add('Job', s.jobs);
  add('Pod', s.pods);
  return ids;
}

describe('the diagnosis corpus', () => {
  it('has at least 60 cases, one dump for each expectation and one expectation for each dump', () => {
    const dumps = fs
      .readdirSync(dir)
      .filter((f) => f.endsWith('.yaml') && f !== 'expected.yaml')
      .map((f) => f.replace(/\.yaml$/, ''))
      .sort();
    expect(cases.length).toBeGreaterThanOrEqual(60);
    expect(cases.map((c) => c.name).sort()).toEqual(dumps);
    expect(new Set(cases.map((c) => c.name)).size).toBe(cases.length);
  });

  it('covers every existing category and every family', () => {
    const used = new Set(cases.flatMap((c) => (c.expect ?? []).map((e) => e.category)));
    // The plan-only categories (the apply itself refused) and the wait-only ones (objects a dump does not hold, notes
    // on a waited workload) never come out of a dump of pods.
    const offline = (category: (typeof CATEGORIES)[number]) => !CATEGORY_SPECS[category].planOnly && !CATEGORY_SPECS[category].waitOnly;
    expect(CATEGORIES.filter((category) => !used.has(category) && offline(category))).toEqual([]);
    for (const family of Object.keys(expectedFile.families)) expect(cases.some((c) => c.family === family)).toBe(true);
  });

  describe.each(cases)('$name', (c) => {
    const text = fs.readFileSync(path.join(dir, `${c.name}.yaml`), 'utf8');

    it('names its case, Kubernetes version, provider and sources in its header', () => {
      const header = text.slice(0, text.indexOf('\napiVersion:'));
      expect(header).toContain(`# Corpus case ${c.name} (family: ${c.family}). Kubernetes ${c.k8s}, ${c.provider}`);
      expect(header).toMatch(/# Message texts and where they come from:\n#\s+- \S/);
      expect(header).toContain(`--now ${c.now}`);
    });

    it('has a valid expectation for workloads in the dump', () => {
      expect(Object.keys(expectedFile.families)).toContain(c.family);
      expect(c.k8s).toMatch(/^1\.3[0-7]$/);
      expect(Number.isNaN(new Date(c.now).getTime())).toBe(false);
      expect(Boolean(c.expectNone)).toBe(!c.expect?.length);
      const workloads = workloadsIn(text);
      for (const e of [...(c.expect ?? []), ...(c.allow ?? [])]) {
        expect(known, `category ${e.category}`).toContain(e.category);
        expect(typeof e.fatal).toBe('boolean');
        expect(workloads, `workload ${e.workload}`).toContain(e.workload);
      }
      for (const a of c.allow ?? []) expect(a.fatal).toBe(false);
    });
  });
});
