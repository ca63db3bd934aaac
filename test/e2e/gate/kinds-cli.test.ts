// Issue 17 through the CLI bundle (dist/cli.js, built by `npm run build`): the JSON's workloads list every waited
// object with its kind and kstatus message, the exit code follows the objects' verdicts, --wait-for chooses what is
// waited for, and the summary's workloads table shows each object once.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { deployment, kubeconfigPath, projectRoot, testClient, useNamespace, writeManifests } from './harness.js';

const client = testClient();
const ns = useNamespace(client, 'kinds-cli');
const WIDGETS = 'test.kube-deploy-gate.dev/v1';

function cli(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [path.join(projectRoot, 'dist/cli.js'), ...args]);
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c) => (stdout += c));
  child.stderr.on('data', (c) => (stderr += c));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
}

const deploy = (dir: string, ...extra: string[]) =>
  cli([
    'deploy',
    '-f',
    dir,
    '-n',
    ns.name,
    '--kubeconfig',
    kubeconfigPath,
    '--timeout',
    '40s',
    '--min-ready',
    '1s',
    '-o',
    'json',
    ...extra,
  ]);

const widget = (name: string, behaviour: string) =>
  JSON.stringify({
    apiVersion: WIDGETS,
    kind: 'Widget',
    metadata: { name, annotations: { 'test.kube-deploy-gate.dev/behaviour': behaviour } },
    spec: { size: 1 },
  });
const claim = JSON.stringify({
  apiVersion: 'v1',
  kind: 'PersistentVolumeClaim',
  metadata: { name: 'scratch' },
  spec: { storageClassName: 'missing-class', accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } },
});

describe('the CLI bundle with objects beyond the workloads', () => {
  it('a stalled Widget: exit 1, the Widget in the JSON workloads with its kstatus message, one row in the summary', async () => {
    const dir = writeManifests({ 'app.yaml': deployment('gallery', { replicas: 1 }), 'widget.yaml': widget('gallery-index', 'stall') });
    const summary = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'kdg-kinds-')), 'summary.md');
    const r = await deploy(dir, '--summary-file', summary);
    expect(r.code, r.stderr).toBe(1);
    const json = JSON.parse(r.stdout);
    expect(json.verdict).toBe('failed');
    expect(json.workloads).toEqual([
      expect.objectContaining({ kind: 'Deployment', name: 'gallery', done: true }),
      {
        kind: 'Widget',
        namespace: ns.name,
        name: 'gallery-index',
        changed: true,
        revisionBefore: null,
        revisionAfter: null,
        done: false,
        message: 'Stalled: InvalidSpec: spec.size must be between 1 and 10',
        apiVersion: WIDGETS,
        reason: 'InvalidSpec',
      },
    ]);
    expect(json.findings.map((f: { category: string; workload: string }) => [f.category, f.workload])).toEqual([
      ['object-stalled', `Widget/${ns.name}/gallery-index`],
    ]);
    expect(r.stderr).toContain(`Widget ${ns.name}/gallery-index: Stalled: InvalidSpec: spec.size must be between 1 and 10`);
    const text = fs.readFileSync(summary, 'utf8');
    expect(text).toContain(`## ❌ Deploy failed: \`${ns.name}/gallery-index\` is stalled: its controller reports it cannot make progress`);
    const rows = text.split('\n').filter((l) => l.startsWith('| Widget'));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatch(
      new RegExp(
        `^\\| Widget \`${ns.name}/gallery-index\` \\| changed · ⚠️ not restored by the rollback \\| ❌ object-stalled \\| [\\d.]+m?s \\|$`,
      ),
    );
  });

  it('--wait-for workloads: the same manifests pass (exit 0) and the JSON lists the workloads only', async () => {
    const dir = writeManifests({ 'app.yaml': deployment('gallery', { replicas: 1 }), 'widget.yaml': widget('gallery-index', 'stall') });
    const r = await deploy(dir, '--wait-for', 'workloads');
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).workloads.map((w: { kind: string }) => w.kind)).toEqual(['Deployment']);
  });

  it('--wait-for PersistentVolumeClaim: a claim whose class does not exist fails the run (exit 1) with the PV controller event', async () => {
    const r = await deploy(
      writeManifests({ 'claim.yaml': claim, 'widget.yaml': widget('unwatched', 'reconcile-forever') }),
      '--wait-for',
      'PersistentVolumeClaim',
    );
    expect(r.code, r.stderr).toBe(1);
    const json = JSON.parse(r.stdout);
    expect(json.workloads.map((w: { kind: string; name: string; done: boolean }) => [w.kind, w.name, w.done])).toEqual([
      ['PersistentVolumeClaim', 'scratch', false],
    ]);
    expect(json.findings[0]).toMatchObject({
      category: 'pvc-provisioning-failed',
      fatal: true,
      message:
        'PersistentVolumeClaim scratch is Pending (storageClassName missing-class): storageclass.storage.k8s.io "missing-class" not found',
    });
  });

  it('a --wait-for that is not a kind is refused before anything is applied (exit 2, one JSON document)', async () => {
    const r = await deploy(writeManifests({ 'widget.yaml': widget('never', 'ready') }), '--wait-for', 'cert-manager.io/Certificate');
    expect(r.code).toBe(2);
    expect(JSON.parse(r.stdout)).toMatchObject({
      verdict: 'error',
      error:
        'input wait-for: "cert-manager.io/Certificate" is not a kind (Kind or Kind.group, e.g. Certificate or Certificate.cert-manager.io); or workloads, or all',
    });
    expect(await client.get(WIDGETS, 'Widget', ns.name, 'never')).toBeNull();
  });
});
