// Issue 20 through the CLI bundle (dist/cli.js, built by `npm run build`): the deploy after the gate's rollback and
// after a person's kubectl fix just works, reports the takeover in JSON and text, and a field another apply owner
// holds stops the deploy (exit 2) before anything is written. Issue 17: --change-cause in `kubectl rollout history`.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { kubectl } from '../support/kube.js';
import { deployment, kubeconfigPath, projectRoot, testClient, useNamespace, writeManifests } from './harness.js';

const client = testClient();
const ns = useNamespace(client, 'loop-cli');
const BAD = { 'kwok.kube-deploy-gate.dev/scenario': 'image-not-found' };
const imageField = '.spec.template.spec.containers[name="app"].image';

function cli(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  // No GITHUB_* variables: outside a workflow the change-cause is the command line or --change-cause.
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('GITHUB_')));
  const child = spawn(process.execPath, [path.join(projectRoot, 'dist/cli.js'), ...args], { env });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c) => (stdout += c));
  child.stderr.on('data', (c) => (stderr += c));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
}

const deploy = (dir: string, ...extra: string[]) =>
  cli(['deploy', '-f', dir, '-n', ns.name, '--kubeconfig', kubeconfigPath, '--timeout', '40s', ...extra]);
const manifest = (name: string, tag: string, annotations?: Record<string, string>) =>
  writeManifests({ [`${name}.yaml`]: deployment(name, { image: `ghcr.io/acme/${name}:${tag}`, replicas: 1, annotations }) });

async function history(name: string): Promise<string> {
  return kubectl(['rollout', 'history', `deployment/${name}`, '-n', ns.name]);
}

describe('the CLI bundle', () => {
  it('v1, v2 broken and rolled back, v3: exit 1 then exit 0 with nothing forced; --change-cause in rollout history', async () => {
    const v1 = await deploy(manifest('api', '1'), '--change-cause', 'release 1 (ticket SHOP-1)');
    expect(v1.code, v1.stderr).toBe(0);
    const v2 = await deploy(manifest('api', '2', BAD), '-o', 'json', '--change-cause', 'release 2');
    expect(v2.code, v2.stderr).toBe(1);
    const r2 = JSON.parse(v2.stdout);
    expect(r2.rollback.workloads[0]).toMatchObject({
      toRevision: 1,
      done: true,
      message: 'rolled back to the template of revision 1, now revision 3',
      changeCause: 'release 1 (ticket SHOP-1)',
    });
    const v3 = await deploy(manifest('api', '3'), '-o', 'json');
    expect(v3.code, v3.stderr).toBe(0);
    const r3 = JSON.parse(v3.stdout);
    expect(r3).toMatchObject({ verdict: 'healthy', error: null, takeovers: [], leftOut: [] });
    // Without --change-cause and outside GitHub Actions: the command line, as kubectl --record wrote it.
    const rows = (await history('api')).split('\n').filter((l) => /^\d/.test(l));
    expect(rows).toEqual([
      expect.stringMatching(/^2\s+release 2$/),
      expect.stringMatching(/^3\s+release 1 \(ticket SHOP-1\)$/),
      expect.stringMatching(/^4\s+kube-deploy-gate deploy -f \S+ -n loop-cli-\S+ --kubeconfig \S+ --timeout 40s -o json$/),
    ]);
  });

  it('after kubectl rollout undo by hand: exit 0, the takeover in the JSON and in the text report', async () => {
    expect((await deploy(manifest('web', '1'))).code).toBe(0);
    expect((await deploy(manifest('web', '2'))).code).toBe(0);
    await kubectl(['rollout', 'undo', 'deployment/web', '-n', ns.name]);
    const r = await deploy(manifest('web', '3'), '-o', 'json', '--no-annotate');
    expect(r.code, r.stderr).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.takeovers).toEqual([
      {
        object: `Deployment/${ns.name}/web`,
        field: imageField,
        found: 'ghcr.io/acme/web:1',
        manager: 'kubectl',
        operation: 'Update',
        subresource: null,
        time: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/),
        applied: 'ghcr.io/acme/web:3',
      },
    ]);
    expect(r.stderr).toContain(`Deployment ${ns.name}/web: took over ${imageField} from "kubectl" (Update at `);

    await kubectl(['set', 'image', 'deployment/web', 'app=ghcr.io/acme/web:3-hotfix', '-n', ns.name]);
    const text = await deploy(manifest('web', '4'), '--no-annotate');
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toMatch(
      new RegExp(
        `\\n  took over Deployment/${ns.name}/web \\.spec\\.template\\.spec\\.containers\\[name="app"\\]\\.image: "ghcr\\.io/acme/web:3-hotfix" set by "kubectl-set" \\(Update at [\\dT:-]+Z\\) -> "ghcr\\.io/acme/web:4"\\n`,
      ),
    );
  });

  it('a field another server-side apply manager holds: exit 2, the manager named, nothing written', async () => {
    expect((await deploy(manifest('owned', '1'))).code).toBe(0);
    await client.apply(
      {
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        metadata: { name: 'owned', namespace: ns.name },
        spec: { template: { spec: { containers: [{ name: 'app', image: 'ghcr.io/acme/owned:flux' }] } } },
      },
      'kustomize-controller',
      true,
    );
    const generation = (await client.get('apps/v1', 'Deployment', ns.name, 'owned'))?.metadata?.generation;
    const r = await deploy(manifest('owned', '2'), '-o', 'json');
    expect(r.code).toBe(2);
    const json = JSON.parse(r.stdout);
    expect(json.verdict).toBe('error');
    expect(json.error).toMatch(
      /is held by "kustomize-controller" \(Apply at [\dT:-]+Z\), another declarative owner: it is "ghcr\.io\/acme\/owned:flux"/,
    );
    expect((await client.get('apps/v1', 'Deployment', ns.name, 'owned'))?.metadata?.generation).toBe(generation);
  });
});
