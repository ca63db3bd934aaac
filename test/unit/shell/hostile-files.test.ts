// Issue 22 items 13-16: hostile or wrong files end in one line that names the file, fast, with exit 2: YAML alias
// bombs, wrong-typed fields, a file with nothing to diagnose.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { runCli } from '../../../src/cli.js';
import { parseManifest } from '../../../src/apply/parse.js';
import { tempDir } from '../../support/temp-dir.js';

async function cli(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, { stdout: (t) => out.push(t), stderr: (t) => err.push(t) });
  return { code, stdout: out.join(''), stderr: err.join('') };
}

function file(name: string, text: string): string {
  const f = path.join(tempDir('kdg-hostile'), name);
  fs.writeFileSync(f, text);
  return f;
}

/** "Billion laughs": 9 levels of 10 aliases each, about 1 KB that expands to 10^9 strings. */
function aliasBomb(prefix = ''): string {
  const lines = [`${prefix}a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol","lol"]`];
  for (let i = 1; i <= 9; i++)
    lines.push(
      `${prefix}a${i}: &a${i} [${Array(10)
        .fill(`*a${i - 1}`)
        .join(',')}]`,
    );
  return `${lines.join('\n')}\n`;
}

const POD = {
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'web-1', namespace: 'shop' },
  spec: { containers: [{ name: 'app', image: 'app:1' }] },
  status: { phase: 'Running', containerStatuses: [{ name: 'app', ready: true, restartCount: 0 }] },
};

describe('YAML alias bombs', () => {
  it('diagnose refuses one in well under a second, naming the file and the document', async () => {
    const dump = file('dump.yaml', `apiVersion: v1\nkind: List\nitems: []\n${aliasBomb()}`);
    expect(fs.statSync(dump).size).toBeLessThan(1500);
    const started = Date.now();
    const r = await cli(['diagnose', '--from-file', dump]);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      new RegExp(
        `${dump.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} is not a kubectl get -o yaml dump: document 1 uses YAML aliases .* write the values out`,
      ),
    );
    expect(r.stderr).not.toMatch(/internal error/);
  });

  it("a manifest with one is refused as the user's input, not an internal error", () => {
    const text = `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\ndata:\n${aliasBomb('  ')}`;
    expect(() => parseManifest('k8s/bomb.yaml', text)).toThrow(
      /^k8s\/bomb\.yaml, document 1 uses YAML aliases \(\*name\) that expand to too much data/,
    );
  });

  it('status refuses one too', async () => {
    const r = await cli(['status', '--from-file', file('obj.yaml', `kind: Deployment\n${aliasBomb()}`)]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/obj\.yaml uses YAML aliases/);
  });

  it('a few ordinary aliases still work', () => {
    const text = 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x, labels: &l {app: web}}\ndata: {a: b}\nx: *l\n';
    expect(parseManifest('k8s/ok.yaml', text)[0].object.x).toEqual({ app: 'web' });
  });
});

describe('diagnose: wrong-typed fields are named, not crashed on', () => {
  it.each([
    [
      { ...POD, status: { ...POD.status, containerStatuses: { name: 'app' } } },
      /Pod shop\/web-1: status.containerStatuses must be a list, not a mapping/,
    ],
    [
      { ...POD, status: { ...POD.status, containerStatuses: [{ name: 'app', restartCount: 'three' }] } },
      /Pod shop\/web-1: status.containerStatuses\[0\].restartCount must be a number, not the string "three"/,
    ],
    [
      { ...POD, metadata: { name: 12345, namespace: 'shop' } },
      /Pod shop\/\(no name\): metadata.name must be a string, not the number 12345/,
    ],
    [{ ...POD, status: { ...POD.status, conditions: 'Ready' } }, /status.conditions must be a list, not the string "Ready"/],
    [
      { ...POD, spec: { containers: [{ name: 'app', env: [{ name: 'A', value: 1 }] }] } },
      /spec.containers\[0\].env\[0\].value must be a string, not the number 1/,
    ],
    [
      { apiVersion: 'v1', kind: 'Node', metadata: { name: 'n1' }, spec: { taints: 'none' } },
      /Node n1: spec.taints must be a list, not the string "none"/,
    ],
  ])('%#', async (obj, message) => {
    const r = await cli(['diagnose', '--from-file', file('dump.yaml', stringify({ apiVersion: 'v1', kind: 'List', items: [obj] }))]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/is not a function|Cannot read properties|internal error/);
  });
});

describe('diagnose: a file with nothing to diagnose', () => {
  it.each([
    ['an empty list', stringify({ apiVersion: 'v1', kind: 'List', items: [] })],
    ['only ConfigMaps', stringify({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'x' } })],
    ['a YAML file that is not Kubernetes at all', 'name: my-app\nversion: 1.2.3\n'],
  ])('%s is exit 2 with what to run instead', async (_name, text) => {
    const r = await cli(['diagnose', '--from-file', file('dump.yaml', text)]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      /dump\.yaml holds no pods and no workloads, so there is nothing to diagnose: dump with kubectl get pods,events/,
    );
  });

  it('workloads without pods: no findings, and the text says the pods are missing', async () => {
    const deployment = {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'web', namespace: 'shop', generation: 1 },
      spec: { replicas: 0 },
      status: { observedGeneration: 1 },
    };
    const r = await cli(['diagnose', '--from-file', file('dump.yaml', stringify(deployment))]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/no findings, but .*dump\.yaml holds no pods: to see the pods' state, dump with kubectl get pods/);
  });

  it('a healthy dump with pods is still fine', async () => {
    const r = await cli(['diagnose', '--from-file', file('dump.yaml', stringify(POD))]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('no findings: every pod of the newest revisions is fine\n');
  });
});
