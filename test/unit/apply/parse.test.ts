import { describe, expect, it } from 'vitest';
import { parseManifest } from '../../../src/apply/parse.js';

describe('parseManifest', () => {
  it('reads many documents, skips empty ones and records where each starts', () => {
    const text =
      '---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n---\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: b\n';
    const out = parseManifest('m.yaml', text);
    expect(out.map((o) => o.object.metadata.name)).toEqual(['a', 'b']);
    expect(out.map((o) => o.source.line)).toEqual([2, 8]);
    expect(out[1].source.documentIndex).toBe(2);
  });

  it('unrolls List kinds, nested too', () => {
    const list = {
      apiVersion: 'v1',
      kind: 'List',
      items: [
        { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'a' } },
        { apiVersion: 'v1', kind: 'ServiceList', items: [{ apiVersion: 'v1', kind: 'Service', metadata: { name: 's' } }] },
      ],
    };
    expect(parseManifest('l.json', JSON.stringify(list)).map((o) => `${o.object.kind}/${o.object.metadata.name}`)).toEqual([
      'ConfigMap/a',
      'Service/s',
    ]);
  });

  it.each([
    ['invalid YAML with line and column', 'apiVersion: v1\nkind: [ConfigMap\n', /invalid YAML in f.yaml at line \d+, column \d+/],
    ['a scalar document', 'just a string\n', /document 1 \(line 1\) is not a Kubernetes object .* but a string/],
    ['a list document', '- a\n- b\n', /is not a Kubernetes object .* but a list/],
    ['missing kind', 'apiVersion: v1\nmetadata:\n  name: x\n', /has no kind: every Kubernetes object needs both/],
    ['missing apiVersion and kind', 'metadata:\n  name: x\n', /has no apiVersion and kind/],
    ['missing name', 'apiVersion: v1\nkind: ConfigMap\n', /ConfigMap has no metadata.name/],
    ['generateName', 'apiVersion: v1\nkind: Pod\nmetadata:\n  generateName: x-\n', /uses generateName/],
    ['duplicate keys', 'apiVersion: v1\nkind: ConfigMap\nkind: Secret\nmetadata:\n  name: x\n', /invalid YAML in f.yaml/],
    ['a binary file', 'apiVersion\u0000\u0001', /f.yaml is a binary file/],
  ])('refuses %s', (_name, text, message) => {
    expect(() => parseManifest('f.yaml', text)).toThrow(message);
  });

  it('refuses an object larger than etcd stores, naming it', () => {
    const big = `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: huge\ndata:\n  blob: "${'x'.repeat(5_000_000)}"\n`;
    expect(() => parseManifest('big.yaml', big)).toThrow(/ConfigMap huge is 5\.0 MB; Kubernetes stores objects of at most about 1\.5 MB/);
  });
});
