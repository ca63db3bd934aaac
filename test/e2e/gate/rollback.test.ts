// Issue 7 end to end: a failed run rolls back every workload it changed to the revision that ran before, waits for
// it, and reports it; unchanged workloads are never touched; first deploys follow on-first-deploy-failure.
import { describe, expect, it } from 'vitest';
import { runUndoCommand } from '../../../src/cli/undo.js';
import { deployment, gate, kubeconfigPath, testClient, useNamespace, writeManifests } from './harness.js';
import type { Pod, Workload } from '../../../src/k8s/objects.js';

const client = testClient();
const ns = useNamespace(client, 'rollback');

const BAD = { 'kwok.kube-deploy-gate.dev/scenario': 'image-not-found' };

async function liveImages(selector: string): Promise<string[]> {
  const pods = await client.list<Pod>('v1', 'Pod', ns.name, { labelSelector: selector });
  return pods.filter((p) => !p.metadata?.deletionTimestamp).map((p) => p.spec?.containers?.[0].image ?? '');
}

describe('rollback', () => {
  it('rolls a Deployment with a wrong image tag back to the revision that ran before', async () => {
    const v1 = writeManifests({ 'api.yaml': deployment('api', { image: 'ghcr.io/acme/api:1.4.2' }) });
    expect((await gate({ manifests: [v1], namespace: ns.name })).result.verdict).toBe('healthy');
    const v2 = writeManifests({ 'api.yaml': deployment('api', { image: 'ghcr.io/acme/api:1.4.3', annotations: BAD }) });
    const run = await gate({ manifests: [v2], namespace: ns.name, timeout: '20s' });
    expect(run.result.verdict).toBe('failed');
    expect(run.result.findings.map((f) => [f.category, f.fatal])).toEqual([['image-not-found', true]]);
    expect(run.result.rollback).toMatchObject({ attempted: true });
    expect(run.result.rollback!.workloads[0]).toMatchObject({
      kind: 'Deployment',
      name: 'api',
      fromRevision: 2,
      toRevision: 1,
      newRevision: 3,
      done: true,
      message: 'rolled back to the template of revision 1, now revision 3',
    });
    expect(new Set(await liveImages('app=api'))).toEqual(new Set(['ghcr.io/acme/api:1.4.2']));
  });

  it('rolls back every changed workload when one fails and leaves an unchanged one alone', async () => {
    const healthy = {
      'a.yaml': deployment('svc-a', { image: 'ghcr.io/acme/a:1' }),
      'b.yaml': deployment('svc-b', { image: 'ghcr.io/acme/b:1' }),
      'c.yaml': deployment('svc-c', { image: 'ghcr.io/acme/c:1' }),
    };
    expect((await gate({ manifests: [writeManifests(healthy)], namespace: ns.name })).result.verdict).toBe('healthy');
    const next = {
      ...healthy,
      'a.yaml': deployment('svc-a', { image: 'ghcr.io/acme/a:2' }),
      'b.yaml': deployment('svc-b', { image: 'ghcr.io/acme/b:2', annotations: BAD }),
    };
    const run = await gate({ manifests: [writeManifests(next)], namespace: ns.name, timeout: '20s' });
    const byName = Object.fromEntries(run.result.rollback!.workloads.map((w) => [w.name, w]));
    expect(byName['svc-a']).toMatchObject({ toRevision: 1, done: true });
    expect(byName['svc-b']).toMatchObject({ toRevision: 1, done: true });
    expect(byName['svc-c']).toMatchObject({ done: false, message: 'not rolled back: unchanged by this run' });
    expect(await liveImages('app=svc-a')).toEqual(['ghcr.io/acme/a:1', 'ghcr.io/acme/a:1']);
    const c = await client.get('apps/v1', 'Deployment', ns.name, 'svc-c');
    expect(c?.metadata?.annotations?.['deployment.kubernetes.io/revision']).toBe('1');
  });

  it.each([
    [
      'StatefulSet',
      'ghcr.io/acme/db',
      (image: string, annotations?: Record<string, string>) => ({
        apiVersion: 'apps/v1',
        kind: 'StatefulSet',
        metadata: { name: 'db' },
        spec: {
          serviceName: 'db',
          replicas: 2,
          selector: { matchLabels: { app: 'db' } },
          template: { metadata: { labels: { app: 'db' }, annotations }, spec: { containers: [{ name: 'db', image }] } },
        },
      }),
    ],
    [
      'DaemonSet',
      'ghcr.io/acme/agent',
      (image: string, annotations?: Record<string, string>) => ({
        apiVersion: 'apps/v1',
        kind: 'DaemonSet',
        metadata: { name: 'agent' },
        spec: {
          selector: { matchLabels: { app: 'agent' } },
          template: { metadata: { labels: { app: 'agent' }, annotations }, spec: { containers: [{ name: 'agent', image }] } },
        },
      }),
    ],
  ])('rolls a %s back from its ControllerRevision', async (kind, repo, make) => {
    const v1 = writeManifests({ 'w.yaml': JSON.stringify(make(`${repo}:1`)) });
    expect((await gate({ manifests: [v1], namespace: ns.name })).result.verdict).toBe('healthy');
    const v2 = writeManifests({ 'w.yaml': JSON.stringify(make(`${repo}:2`, BAD)) });
    const run = await gate({ manifests: [v2], namespace: ns.name, timeout: '40s' });
    expect(run.result.verdict).toBe('failed');
    expect(run.result.workloads[0]).toMatchObject({ kind, revisionBefore: 1, revisionAfter: 2 });
    expect(run.result.rollback!.workloads[0]).toMatchObject({ kind, fromRevision: 2, toRevision: 1, attempted: true, done: true });
    // The StatefulSet's new db-1 never became Ready: the forced rollback deleted it and says so.
    expect(run.result.rollback!.workloads[0].deletedPods).toEqual(kind === 'StatefulSet' ? ['db-1'] : undefined);
    const selector = kind === 'StatefulSet' ? 'app=db' : 'app=agent';
    expect(new Set(await liveImages(selector))).toEqual(new Set([`${repo}:1`]));
  });

  it('reports a rollback that itself fails (the old revision cannot run any more either)', async () => {
    // v1 ran on the nodes labelled pool=blue; the label is gone by the time v2 fails, so v1 cannot be scheduled.
    // Recreate: v2 replaced v1's pod, so the rollback needs a new v1 pod (a rolling update would still have it).
    await client.patch('v1', 'Node', undefined, 'worker-3', { metadata: { labels: { pool: 'blue' } } }, 'application/merge-patch+json');
    const make = (image: string, annotations?: Record<string, string>) =>
      JSON.stringify({
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        metadata: { name: 'stranded' },
        spec: {
          replicas: 1,
          strategy: { type: 'Recreate' },
          selector: { matchLabels: { app: 'stranded' } },
          template: {
            metadata: { labels: { app: 'stranded' }, annotations },
            spec: { nodeSelector: annotations ? undefined : { pool: 'blue' }, containers: [{ name: 'app', image }] },
          },
        },
      });
    try {
      expect((await gate({ manifests: [writeManifests({ 'd.yaml': make('ghcr.io/acme/s:1') })], namespace: ns.name })).result.verdict).toBe(
        'healthy',
      );
      await client.patch('v1', 'Node', undefined, 'worker-3', { metadata: { labels: { pool: null } } }, 'application/merge-patch+json');
      const run = await gate({
        manifests: [writeManifests({ 'd.yaml': make('ghcr.io/acme/s:2', BAD) })],
        namespace: ns.name,
        timeout: '10s',
      });
      expect(run.result.verdict).toBe('failed');
      expect(run.result.rollback!.attempted).toBe(true);
      expect(run.result.rollback!.workloads[0]).toMatchObject({ toRevision: 1, done: false });
      // The rollback's own wait ends at its deadline: v1 cannot be scheduled any more.
      expect(run.result.rollback!.workloads[0].message).toMatch(
        /^rollback to the template of revision 1 failed: timeout: Waiting for deployment "stranded" rollout to finish: /,
      );
    } finally {
      await client.patch('v1', 'Node', undefined, 'worker-3', { metadata: { labels: { pool: null } } }, 'application/merge-patch+json');
    }
  });

  it.each([
    ['keep', 'first deploy: kept as is (on-first-deploy-failure: keep)', (d: Workload | null) => expect(d).not.toBeNull()],
    [
      'scale-to-zero',
      'first deploy: scaled to 0 replicas (on-first-deploy-failure: scale-to-zero)',
      (d: Workload | null) => expect(d?.spec?.replicas).toBe(0),
    ],
    [
      'delete',
      'first deploy: deleted (on-first-deploy-failure: delete)',
      (d: Workload | null) => expect(d === null || d.metadata?.deletionTimestamp).toBeTruthy(),
    ],
  ])('first deploy that fails: on-first-deploy-failure=%s', async (policy, message, check) => {
    const name = `first-${policy}`;
    const run = await gate({
      manifests: [writeManifests({ 'd.yaml': deployment(name, { annotations: BAD }) })],
      namespace: ns.name,
      timeout: '8s',
      extra: { 'on-first-deploy-failure': policy },
    });
    expect(run.result.verdict).toBe('failed');
    expect(run.result.findings.map((f) => [f.category, f.fatal])).toEqual([['image-not-found', true]]);
    expect(run.result.rollback!.workloads[0].message).toBe(message);
    check(await client.get<Workload>('apps/v1', 'Deployment', ns.name, name));
  });

  it('refuses to roll back a paused Deployment and says why', async () => {
    const v1 = deployment('paused', { image: 'ghcr.io/acme/p:1' });
    expect((await gate({ manifests: [writeManifests({ 'p.yaml': v1 })], namespace: ns.name })).result.verdict).toBe('healthy');
    const v2 = JSON.parse(deployment('paused', { image: 'ghcr.io/acme/p:2', annotations: BAD }));
    v2.spec.paused = true;
    const run = await gate({ manifests: [writeManifests({ 'p.yaml': JSON.stringify(v2) })], namespace: ns.name, timeout: '5s' });
    expect(run.result.verdict).toBe('timeout');
    expect(run.result.rollback!.workloads[0].message).toMatch(/not rolled back: paused/);
  });

  it('undo CLI: --to-revision, the skip message and the missing-revision error, like kubectl', async () => {
    for (const tag of ['1', '2', '3']) {
      await gate({
        manifests: [writeManifests({ 'u.yaml': deployment('undo-me', { image: `ghcr.io/acme/u:${tag}`, replicas: 1 }) })],
        namespace: ns.name,
      });
    }
    const out: string[] = [];
    const err: string[] = [];
    const io = { stdout: (t: string) => out.push(t), stderr: (t: string) => err.push(t) };
    const base = ['--namespace', ns.name, '--kubeconfig', kubeconfigPath];
    expect(await runUndoCommand(['deployment/undo-me', '--to-revision', '1', ...base], io)).toBe(0);
    expect(out.pop()).toBe('deployment.apps/undo-me rolled back\n');
    const d = await client.get<Workload>('apps/v1', 'Deployment', ns.name, 'undo-me');
    expect(d?.spec?.template?.spec?.containers?.[0].image).toBe('ghcr.io/acme/u:1');
    expect(await runUndoCommand(['deployment/undo-me', '--to-revision', '4', ...base], io)).toBe(0);
    expect(out.pop()).toBe('deployment.apps/undo-me skipped rollback (current template already matches revision 4)\n');
    expect(await runUndoCommand(['deployment/undo-me', '--to-revision', '42', ...base], io)).toBe(1);
    expect(err.pop()).toBe('error: unable to find specified revision 42 in history\n');
  });
});
