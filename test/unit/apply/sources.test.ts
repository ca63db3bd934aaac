import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { displayUrl, expandManifestSources, splitList } from '../../../src/apply/sources.js';

/** The files only: most cases below take no URLs. */
const expandManifestPaths = (patterns: string[], cwd = process.cwd()): string[] =>
  expandManifestSources(patterns, cwd).flatMap((s) => (s.kind === 'file' ? [s.path] : []));
import { applyGroup, groupForApply } from '../../../src/apply/order.js';

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kdg-src-'));
  for (const f of ['app/b.yaml', 'app/a.yml', 'app/notes.txt', 'app/sub/c.json', 'empty/.keep', 'single.yaml']) {
    fs.mkdirSync(path.dirname(path.join(dir, f)), { recursive: true });
    fs.writeFileSync(path.join(dir, f), '');
  }
});

describe('expandManifestPaths', () => {
  it('reads folders recursively in name order, manifests only', () => {
    expect(expandManifestPaths(['app'], dir).map((f) => path.relative(dir, f))).toEqual(['app/a.yml', 'app/b.yaml', 'app/sub/c.json']);
  });
  it('expands globs and removes duplicates', () => {
    expect(expandManifestPaths(['app/*.y*ml', 'app/a.yml', 'single.yaml'], dir).map((f) => path.relative(dir, f))).toEqual([
      'app/a.yml',
      'app/b.yaml',
      'single.yaml',
    ]);
  });
  it.each([
    [[], /no manifests given/],
    [['nope/*.yaml'], /the glob "nope\/\*.yaml" matched no manifest files/],
    [['missing.yaml'], /manifest path "missing.yaml" does not exist/],
    [['empty'], /the folder "empty" holds no .yaml, .yml or .json files/],
  ])('refuses %j', (patterns, message) => {
    expect(() => expandManifestPaths(patterns as string[], dir)).toThrow(message);
  });
  it('splits multi-line and comma lists, ignoring blanks and comments', () => {
    expect(splitList('a.yaml\n\n# note\n b/ , c/*.yaml\r\n')).toEqual(['a.yaml', 'b/', 'c/*.yaml']);
  });
});

describe('manifest URLs', () => {
  const shown = (patterns: string[], allowHttp = false) =>
    expandManifestSources(patterns, dir, { allowHttp }).map((s) => (s.kind === 'file' ? path.relative(dir, s.path) : s.shown));

  it('keeps files and URLs in the order given, each once', () => {
    expect(shown(['https://example.com/a.yaml', 'single.yaml', 'https://example.com/a.yaml'])).toEqual([
      'https://example.com/a.yaml',
      'single.yaml',
    ]);
  });
  it('a line that is a URL is one entry, commas and all', () => {
    expect(splitList('https://example.com/m.yaml?paths=a,b\nx.yaml, y.yaml')).toEqual([
      'https://example.com/m.yaml?paths=a,b',
      'x.yaml',
      'y.yaml',
    ]);
  });
  it('refuses plain http unless allowed, and any other scheme', () => {
    expect(() => shown(['http://example.com/a.yaml'])).toThrow(
      /^manifest http:\/\/example.com\/a.yaml: plain http:\/\/ is refused .*; use https:\/\/, or set allow-http-manifests: true$/,
    );
    expect(shown(['http://example.com/a.yaml'], true)).toEqual(['http://example.com/a.yaml']);
    expect(() => shown(['ftp://example.com/a.yaml'], true)).toThrow(
      /^manifest ftp:\/\/example.com\/a.yaml: only https:\/\/ URLs are fetched/,
    );
  });
  it('names a URL without its credentials', () => {
    expect(displayUrl(new URL('https://deploy:hunter2@raw.example.com/k8s/app.yaml?ref=main&token=ghp_abc'))).toBe(
      'https://***@raw.example.com/k8s/app.yaml?ref=main&token=***',
    );
  });
});

describe('apply order', () => {
  it('puts namespaces and CRDs first, configuration next, workloads last', () => {
    const items = ['Deployment', 'ConfigMap', 'Namespace', 'CustomResourceDefinition', 'Service', 'Job'].map((kind) => ({
      object: { kind },
    }));
    expect(groupForApply(items).map((g) => g.map((i) => i.object.kind))).toEqual([
      ['Namespace', 'CustomResourceDefinition'],
      ['ConfigMap', 'Service'],
      ['Deployment', 'Job'],
    ]);
    expect(applyGroup('Widget')).toBe(1);
  });
});

// Issue 22 item 8: a comma inside a brace glob belongs to the glob.
describe('splitList and brace globs', () => {
  it('keeps k8s/{a,b}.yaml whole and still splits the commas between entries', () => {
    expect(splitList('k8s/{a,b}.yaml, base/, overlays/{dev,prod/{x,y}}/*.yaml\nextra.yaml')).toEqual([
      'k8s/{a,b}.yaml',
      'base/',
      'overlays/{dev,prod/{x,y}}/*.yaml',
      'extra.yaml',
    ]);
  });

  it('expands a brace glob to its files', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kdg-brace-'));
    for (const f of ['a.yaml', 'b.yaml', 'c.yaml']) fs.writeFileSync(path.join(dir, f), 'x: 1\n');
    expect(expandManifestPaths(splitList('{a,b}.yaml'), dir).map((f) => path.basename(f))).toEqual(['a.yaml', 'b.yaml']);
  });
});
