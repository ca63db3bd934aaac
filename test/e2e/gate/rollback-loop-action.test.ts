// Issue 20 through the Action bundle (dist/index.js, run the way the runner runs it, INPUT_* and GITHUB_* variables):
// the deploy after a rollback and after `kubectl set image` by hand just works, the job summary lists the takeover,
// an HPA warning lands on the manifest line, and `kubectl rollout history` shows the run's change-cause (issue 17).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { kubectl } from '../support/kube.js';
import { deployment, kubeconfigPath, projectRoot, testClient, useNamespace, writeManifests } from './harness.js';
import type { Workload } from '../../../src/k8s/objects.js';

const client = testClient();
const ns = useNamespace(client, 'loop-action');
const BAD = { 'kwok.kube-deploy-gate.dev/scenario': 'image-not-found' };

interface ActionRun {
  code: number;
  outputs: Record<string, string>;
  summary: string;
  stdout: string;
}

/** One workflow run: `sha` and `runId` name the commit and the run, as the runner's GITHUB_* variables do. */
function runAction(manifests: string, run: { sha: string; runId: number }, inputs: Record<string, string> = {}): Promise<ActionRun> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kdg-action-'));
  const outputFile = path.join(dir, 'output');
  const summaryFile = path.join(dir, 'summary');
  fs.writeFileSync(outputFile, '');
  fs.writeFileSync(summaryFile, '');
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    GITHUB_OUTPUT: outputFile,
    GITHUB_STEP_SUMMARY: summaryFile,
    GITHUB_EVENT_NAME: 'push',
    GITHUB_REPOSITORY: 'acme/shop',
    GITHUB_RUN_ID: String(run.runId),
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_WORKFLOW: 'deploy',
    GITHUB_JOB: 'gate',
    GITHUB_SHA: run.sha,
    GITHUB_ACTOR: 'octocat',
    RUNNER_TEMP: dir,
  };
  const all = {
    manifests,
    namespace: ns.name,
    kubeconfig: fs.readFileSync(kubeconfigPath, 'utf8'),
    timeout: '40s',
    'pr-comment': 'false',
    ...inputs,
  };
  for (const [k, v] of Object.entries(all)) env[`INPUT_${k.toUpperCase()}`] = v;
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(projectRoot, 'dist/index.js')], { env });
    let stdout = '';
    child.stdout.on('data', (c) => (stdout += c));
    child.stderr.on('data', (c) => (stdout += c));
    child.on('close', (code) => {
      const outputs: Record<string, string> = {};
      const text = fs.readFileSync(outputFile, 'utf8');
      for (const m of text.matchAll(/^(.+?)<<(ghadelimiter_[\w-]+)\n([\s\S]*?)\n\2$/gm)) outputs[m[1]] = m[3];
      resolve({ code: code ?? -1, outputs, summary: fs.readFileSync(summaryFile, 'utf8'), stdout });
    });
  });
}

const cause = (sha: string, runId: number) =>
  `kube-deploy-gate: acme/shop@${sha.slice(0, 7)} run https://github.com/acme/shop/actions/runs/${runId} by octocat`;
const manifest = (name: string, tag: string, extra: Parameters<typeof deployment>[1] = {}) =>
  writeManifests({ [`${name}.yaml`]: deployment(name, { image: `ghcr.io/acme/${name}:${tag}`, replicas: 1, ...extra }) });

describe('the Action bundle', () => {
  it('v1, v2 broken and rolled back, v3 healthy with no force; rollout history names each run', async () => {
    const v1 = await runAction(manifest('api', '1'), { sha: 'a1a1a1a1a1a1', runId: 101 });
    expect(v1.code, v1.stdout).toBe(0);
    const v2 = await runAction(manifest('api', '2', { annotations: BAD }), { sha: 'b2b2b2b2b2b2', runId: 102 });
    expect(v2.code).toBe(1);
    expect(v2.outputs.verdict).toBe('failed');
    expect(v2.summary).toContain(
      `: rolled back to the template of revision 1, now revision 3 (change-cause: \`${cause('a1a1a1a1a1a1', 101)}\`)`,
    );
    const v3 = await runAction(manifest('api', '3'), { sha: 'c3c3c3c3c3c3', runId: 103 });
    expect(v3.code, v3.stdout).toBe(0);
    expect(v3.outputs.verdict).toBe('healthy');
    expect(v3.summary).not.toContain('Field ownership');
    const history = await kubectl(['rollout', 'history', 'deployment/api', '-n', ns.name]);
    expect(history.split('\n').filter((l) => /^\d/.test(l))).toEqual([
      expect.stringMatching(new RegExp(`^2\\s+${cause('b2b2b2b2b2b2', 102)}$`)),
      expect.stringMatching(new RegExp(`^3\\s+${cause('a1a1a1a1a1a1', 101)}$`)),
      expect.stringMatching(new RegExp(`^4\\s+${cause('c3c3c3c3c3c3', 103)}$`)),
    ]);
  });

  it('after kubectl set image by hand: healthy, and the job summary lists the takeover', async () => {
    expect((await runAction(manifest('web', '1'), { sha: 'd4d4d4d4d4d4', runId: 201 })).code).toBe(0);
    await kubectl(['set', 'image', 'deployment/web', 'app=ghcr.io/acme/web:1-hotfix', '-n', ns.name]);
    const r = await runAction(manifest('web', '2'), { sha: 'e5e5e5e5e5e5', runId: 202 });
    expect(r.code, r.stdout).toBe(0);
    expect(r.summary).toContain('### Field ownership');
    expect(r.summary).toMatch(
      new RegExp(
        `\\| Deployment \`${ns.name}/web\` \\| \`\\.spec\\.template\\.spec\\.containers\\[name="app"\\]\\.image\` \\| \`ghcr\\.io/acme/web:1-hotfix\` \\| \`kubectl-set\` \\(Update\\) \\| [\\dT:-]+Z \\| \`ghcr\\.io/acme/web:2\` \\|`,
      ),
    );
  });

  it('an HPA that scales the workload: the warning lands on the manifest line and the count stays', async () => {
    expect((await runAction(manifest('auto', '1', { replicas: 2 }), { sha: 'f6f6f6f6f6f6', runId: 301 })).code).toBe(0);
    await client.apply(
      {
        apiVersion: 'autoscaling/v2',
        kind: 'HorizontalPodAutoscaler',
        metadata: { name: 'auto', namespace: ns.name },
        spec: { scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'auto' }, minReplicas: 1, maxReplicas: 5 },
      },
      'e2e',
      true,
    );
    // No metrics server on the test cluster: write the HPA's count as its controller does, through /scale.
    await client.http.request(`/apis/apps/v1/namespaces/${ns.name}/deployments/auto/scale`, {
      method: 'PATCH',
      query: { fieldManager: 'kube-controller-manager' },
      body: { spec: { replicas: 4 } },
      contentType: 'application/merge-patch+json',
    });
    const r = await runAction(manifest('auto', '2', { replicas: 2 }), { sha: 'a7a7a7a7a7a7', runId: 302 });
    expect(r.code, r.stdout).toBe(0);
    const warning = r.stdout.split('\n').find((l) => l.startsWith('::warning ') && l.includes('HorizontalPodAutoscaler'));
    expect(warning).toMatch(/file=[^,]*auto\.yaml/);
    expect(warning).toMatch(/line=1\b/);
    expect(warning).toContain(`::Deployment ${ns.name}/auto sets spec.replicas (2) but HorizontalPodAutoscaler ${ns.name}/auto scales it`);
    expect(r.summary).toContain(`left to HorizontalPodAutoscaler ${ns.name}/auto, which keeps \`4\` (the manifest says \`2\`)`);
    expect((await client.get<Workload>('apps/v1', 'Deployment', ns.name, 'auto'))?.spec?.replicas).toBe(4);
  });
});
