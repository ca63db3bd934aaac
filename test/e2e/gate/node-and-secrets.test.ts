// Issue 8: a node lost during the rollout is reported as the node's fault, not the app's; and no secret (a Secret
// manifest's data, the kubeconfig's token) ever reaches a log, the summary, the JSON output or an error.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../src/cli.js';
import { renderSummary } from '../../../src/report/markdown.js';
import { deployment, gate, kubeconfigPath, projectRoot, testClient, useNamespace, writeManifests } from './harness.js';
import { serverUrl, writeKubeconfig } from './credentials.js';

const client = testClient();
const ns = useNamespace(client, 'nodesec');

const nodeScript = (op: string, node: string) =>
  execFileSync(process.execPath, [path.join(projectRoot, 'test/cluster/cluster.mjs'), 'node', op, node], { encoding: 'utf8' });

describe('a node lost during the rollout', () => {
  it('is reported as node-not-ready (the kubelet stopped), not as an app failure', async () => {
    const make = (image: string) => {
      const d = JSON.parse(deployment('pinned', { image, replicas: 2 }));
      d.spec.template.spec.nodeSelector = { 'kubernetes.io/hostname': 'worker-2' };
      return JSON.stringify(d);
    };
    expect((await gate({ manifests: [writeManifests({ 'd.yaml': make('ghcr.io/acme/p:1') })], namespace: ns.name })).result.verdict).toBe(
      'healthy',
    );
    nodeScript('stop', 'worker-2');
    try {
      const run = await gate({
        manifests: [writeManifests({ 'd.yaml': make('ghcr.io/acme/p:2') })],
        namespace: ns.name,
        timeout: '40s',
        extra: { rollback: 'false' },
      });
      // node-not-ready turns fatal after 60 s: the 40 s deadline ends the wait first, with the node named.
      expect(run.result.verdict).toBe('timeout');
      expect(run.result.findings.map((f) => [f.category, f.fatal, f.node])).toEqual([['node-not-ready', false, 'worker-2']]);
    } finally {
      nodeScript('start', 'worker-2');
    }
  });
});

describe('secrets never leak', () => {
  const CANARY = 'canary-s3cr3t-value-8f2b1c';

  it("a Secret manifest's data appears in no log, output, summary or error", async () => {
    const secret = `apiVersion: v1\nkind: Secret\nmetadata: {name: db-creds}\nstringData: {password: ${CANARY}}\n`;
    const app = JSON.parse(deployment('uses-secret', { annotations: { 'kwok.kube-deploy-gate.dev/scenario': 'image-not-found' } }));
    app.spec.template.spec.containers[0].env = [
      { name: 'DB_PASSWORD', valueFrom: { secretKeyRef: { name: 'db-creds', key: 'password' } } },
    ];
    const out: string[] = [];
    const code = await runCli(
      [
        'deploy',
        '-f',
        writeManifests({ 's.yaml': secret, 'd.yaml': JSON.stringify(app) }),
        '-n',
        ns.name,
        '--kubeconfig',
        kubeconfigPath,
        '--timeout',
        '30s',
        '--output',
        'json',
      ],
      { stdout: (t) => out.push(t), stderr: (t) => out.push(t) },
    );
    expect(code).toBe(1);
    const json = JSON.parse(out.find((t) => t.trim().startsWith('{'))!);
    const summary = renderSummary({ result: json, context: { reportId: 'x' } });
    const everything = out.join('') + summary;
    expect(everything).toMatch(/db-creds/);
    expect(everything).not.toContain(CANARY);
    expect(everything).not.toContain(Buffer.from(CANARY).toString('base64'));
  });

  it('an invalid Secret is refused without echoing its data', async () => {
    const bad = `apiVersion: v1\nkind: Secret\nmetadata: {name: broken}\ntype: kubernetes.io/tls\nstringData: {note: ${CANARY}}\n`;
    const run = await gate({ manifests: [writeManifests({ 's.yaml': bad })], namespace: ns.name });
    expect(run.result.verdict).toBe('error');
    expect(run.result.error).toMatch(/Secret .*broken.* is invalid/);
    expect(JSON.stringify(run)).not.toContain(CANARY);
  });

  it('a refused token is masked and never printed', async () => {
    const token = `eyJhbGciOiJSUzI1NiJ9.${CANARY}.sig`;
    const masked: string[] = [];
    const log: string[] = [];
    const { parseInputs } = await import('../../../src/inputs.js');
    const { runGate } = await import('../../../src/gate.js');
    const kc = writeKubeconfig(serverUrl(), { token });
    const inputs = parseInputs(
      (n) =>
        (
          ({ manifests: writeManifests({ 'd.yaml': deployment('x') }), namespace: ns.name, 'kubeconfig-file': kc }) as Record<
            string,
            string
          >
        )[n],
    );
    const run = await runGate(inputs, { log: (l) => log.push(l), maskSecret: (s) => masked.push(s) });
    expect(run.result.error).toMatch(/401 Unauthorized/);
    expect(masked).toContain(token);
    expect(JSON.stringify(run.result) + log.join('\n')).not.toContain(CANARY);
  });
});
