// The CLI's offline contracts: status and diagnose on files, help, exit codes.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../src/cli.js';
import { tempDir } from '../../support/temp-dir.js';

async function cli(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, { stdout: (t) => out.push(t), stderr: (t) => err.push(t) });
  return { code, stdout: out.join(''), stderr: err.join('') };
}

function file(name: string, text: string): string {
  const f = path.join(tempDir('kdg-cli'), name);
  fs.writeFileSync(f, text);
  return f;
}

const deployment = (status: Record<string, unknown>, generation = 2) =>
  JSON.stringify({
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web', generation, annotations: { 'deployment.kubernetes.io/revision': '4' } },
    spec: { replicas: 3 },
    status: { observedGeneration: 2, ...status },
  });

describe('status --from-file', () => {
  it.each([
    [
      { replicas: 3, updatedReplicas: 1, availableReplicas: 1 },
      [],
      { done: false, message: 'Waiting for deployment "web" rollout to finish: 1 out of 3 new replicas have been updated...', error: null },
    ],
    [
      { replicas: 3, updatedReplicas: 3, availableReplicas: 3 },
      [],
      { done: true, message: 'deployment "web" successfully rolled out', error: null },
    ],
    [
      { replicas: 3, updatedReplicas: 3, availableReplicas: 3 },
      ['--revision', '5'],
      { done: false, message: '', error: 'desired revision (5) is different from the running revision (4)' },
    ],
    [
      { conditions: [{ type: 'Progressing', status: 'False', reason: 'ProgressDeadlineExceeded' }] },
      [],
      { done: false, message: '', error: 'deployment "web" exceeded its progress deadline' },
    ],
  ])("prints kubectl's verdict as JSON (%j)", async (status, extra, expected) => {
    const r = await cli(['status', '--from-file', file('d.json', deployment(status)), '--output', 'json', ...extra]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual(expected);
  });

  it('reads YAML too', async () => {
    const r = await cli([
      'status',
      '--from-file',
      file(
        'd.yaml',
        'apiVersion: batch/v1\nkind: Job\nmetadata: {name: m}\nspec: {completions: 1}\nstatus: {conditions: [{type: Complete, status: "True"}]}\n',
      ),
      '--output',
      'json',
    ]);
    expect(JSON.parse(r.stdout)).toMatchObject({ done: true, error: null });
  });

  it.each([
    [['status'], /status needs --from-file/],
    [['status', '--from-file', '/nonexistent.yaml'], /cannot read \/nonexistent.yaml/],
    [['status', '--from-file', '/dev/null', '--revision', 'x'], /--revision must be a whole number/],
  ])('refuses %j with exit 2 and one line', async (args, message) => {
    const r = await cli(args);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('diagnose --from-file', () => {
  it('classifies a dump and prints {"findings": [...]}', async () => {
    const pod = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: {
        name: 'api-1',
        namespace: 'shop',
        uid: 'p1',
        labels: { app: 'api' },
        ownerReferences: [{ kind: 'ReplicaSet', name: 'api-7d', uid: 'rs1', controller: true }],
      },
      spec: {
        nodeName: 'worker-1',
        containers: [{ name: 'api', image: 'ghcr.io/acme/api:2', resources: { limits: { memory: '256Mi' } } }],
      },
      status: {
        phase: 'Running',
        conditions: [{ type: 'Ready', status: 'False' }],
        containerStatuses: [
          {
            name: 'api',
            ready: false,
            restartCount: 3,
            state: { waiting: { reason: 'CrashLoopBackOff', message: 'back-off 40s restarting failed container=api pod=api-1_shop(p1)' } },
            lastState: { terminated: { exitCode: 137, reason: 'OOMKilled', finishedAt: '2026-11-23T11:59:50Z' } },
          },
        ],
      },
    };
    const rs = {
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: {
        name: 'api-7d',
        namespace: 'shop',
        uid: 'rs1',
        labels: { app: 'api', 'pod-template-hash': '7d' },
        annotations: { 'deployment.kubernetes.io/revision': '2' },
        ownerReferences: [{ kind: 'Deployment', name: 'api', uid: 'd1', controller: true }],
      },
      spec: {
        replicas: 1,
        selector: { matchLabels: { app: 'api' } },
        template: pod.spec && { metadata: { labels: { app: 'api', 'pod-template-hash': '7d' } }, spec: pod.spec },
      },
    };
    const dep = {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'api', namespace: 'shop', uid: 'd1', generation: 2, annotations: { 'deployment.kubernetes.io/revision': '2' } },
      spec: { replicas: 1, selector: { matchLabels: { app: 'api' } }, template: { metadata: { labels: { app: 'api' } }, spec: pod.spec } },
      status: { observedGeneration: 2, replicas: 1, updatedReplicas: 1 },
    };
    const dump = JSON.stringify({ apiVersion: 'v1', kind: 'List', items: [dep, rs, pod] });
    const r = await cli(['diagnose', '--from-file', file('dump.json', dump), '--now', '2026-11-23T12:00:00Z', '--output', 'json']);
    expect(r.code).toBe(0);
    const { findings } = JSON.parse(r.stdout);
    expect(findings[0]).toMatchObject({
      category: 'oom-killed',
      workload: 'Deployment/shop/api',
      container: 'api',
      node: 'worker-1',
      exitCode: 137,
      fatal: true,
    });
  });
});

describe('shell', () => {
  it('--help on every command exits 0; an unknown command exits 2', async () => {
    for (const c of ['deploy', 'plan', 'status', 'diagnose', 'undo']) expect((await cli([c, '--help'])).code).toBe(0);
    expect((await cli(['--help'])).code).toBe(0);
    expect((await cli(['frobnicate'])).code).toBe(2);
  });

  it('plan that cannot run: exit 2 with the reason, in the JSON shape of a plan', async () => {
    const r = await cli(['plan', '-o', 'json']);
    expect(r.code).toBe(2);
    expect(JSON.parse(r.stdout)).toMatchObject({
      mode: 'plan',
      verdict: 'error',
      findings: [],
      error: expect.stringMatching(/^no manifests given/),
    });
    expect((await cli(['plan', '-f', 'x.yaml', '--rollback-scope', 'all'])).code).toBe(2);
  });
});
