import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { expandManifestPaths, splitList } from '../../../src/apply/sources.js';
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
