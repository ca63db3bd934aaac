// Issue 20 end to end (through runGate): after the gate's own rollback, and after a person's kubectl fix during an
// incident, the next deploy from git just works, and the report says which fields it took back from whom. Another
// declarative owner stops the run before anything is written. Issue 17: the change-cause `kubectl rollout history`
// shows, stamped in the same apply.
import { describe, expect, it } from 'vitest';
import { runUndoCommand } from '../../../src/cli/undo.js';
import type { TraceSource } from '../../../src/apply/trace.js';
import { kubectl, waitFor } from '../support/kube.js';
import { deployment, gate, kubeconfigPath, testClient, useNamespace, writeManifests } from './harness.js';

const client = testClient();
const ns = useNamespace(client, 'loop');

const BAD = { 'kwok.kube-deploy-gate.dev/scenario': 'image-not-found' };
const TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/;

/** The trace of one GitHub run of the Action, for the commit `sha`. */
const run = (sha: string, id: number): TraceSource => ({
  repository: 'acme/shop',
  sha,
  runUrl: `https://github.com/acme/shop/actions/runs/${id}`,
  actor: 'octocat',
});
const causeOf = (sha: string, id: number) =>
  `kube-deploy-gate: acme/shop@${sha.slice(0, 7)} run https://github.com/acme/shop/actions/runs/${id} by octocat`;

const image = (name: string, tag: string) => `ghcr.io/acme/${name}:${tag}`;
const manifest = (name: string, tag: string, extra: Parameters<typeof deployment>[1] = {}) =>
  writeManifests({ [`${name}.yaml`]: deployment(name, { image: image(name, tag), replicas: 1, ...extra }) });
const imageField = '.spec.template.spec.containers[name="app"].image';

async function live(name: string): Promise<any> {
  return client.get('apps/v1', 'Deployment', ns.name, name);
}

/** Owners other than the status writers: "manager/operation[/subresource]". */
async function writers(name: string): Promise<string[]> {
  const d = await live(name);
  return d.metadata.managedFields
    .filter((e: any) => e.subresource !== 'status')
    .map((e: any) => [e.manager, e.operation, e.subresource].filter(Boolean).join('/'))
    .sort();
}

/** `kubectl rollout history` as revision -> CHANGE-CAUSE. */
async function history(kind: string, name: string): Promise<Record<string, string>> {
  const out = await kubectl(['rollout', 'history', `${kind}/${name}`, '-n', ns.name]);
  const rows: Record<string, string> = {};
  for (const line of out.split('\n').slice(2)) {
    const m = /^(\d+)\s+(.*)$/.exec(line.trim());
    if (m) rows[m[1]] = m[2].trim();
  }
  return rows;
}

describe('the deploy after a rollback', () => {
  it('v1 healthy, v2 broken and rolled back, v3 healthy: no conflict, nothing to force', async () => {
    const v1 = await gate({ manifests: [manifest('api', '1')], namespace: ns.name, trace: run('1111111aaaa', 1) });
    expect(v1.result.verdict).toBe('healthy');
    const v2 = await gate({
      manifests: [manifest('api', '2', { annotations: BAD })],
      namespace: ns.name,
      timeout: '30s',
      trace: run('2222222bbbb', 2),
    });
    expect(v2.result.verdict).toBe('failed');
    expect(v2.result.rollback!.workloads[0]).toMatchObject({
      fromRevision: 2,
      toRevision: 1,
      newRevision: 3,
      done: true,
      message: 'rolled back to the template of revision 1, now revision 3',
      changeCause: causeOf('1111111aaaa', 1),
    });
    // The rollback was the gate's own apply: no Update entry for anyone to conflict with.
    expect(await writers('api')).toEqual(['kube-deploy-gate/Apply']);

    const v3 = await gate({ manifests: [manifest('api', '3')], namespace: ns.name, trace: run('3333333cccc', 3) });
    expect(v3.result.error).toBeNull();
    expect(v3.result.verdict).toBe('healthy');
    expect(v3.result.takeovers).toEqual([]);
    expect(v3.result.workloads[0]).toMatchObject({ revisionBefore: 3, revisionAfter: 4 });
    expect((await live('api')).spec.template.spec.containers[0].image).toBe(image('api', '3'));
    // Revision 1 became revision 3 when the rollback brought its template back, with its change-cause.
    expect(await history('deployment', 'api')).toEqual({
      '2': causeOf('2222222bbbb', 2),
      '3': causeOf('1111111aaaa', 1),
      '4': causeOf('3333333cccc', 3),
    });
  });

  it('kubectl rollout undo by hand: the next deploy takes the fields back and reports each one', async () => {
    await gate({ manifests: [manifest('undone', '1')], namespace: ns.name, trace: run('aaaaaaa1111', 11) });
    await gate({ manifests: [manifest('undone', '2')], namespace: ns.name, trace: run('bbbbbbb2222', 12) });
    await kubectl(['rollout', 'undo', 'deployment/undone', '-n', ns.name]);
    expect(await writers('undone')).toContain('kubectl/Update');

    const next = await gate({ manifests: [manifest('undone', '3')], namespace: ns.name, trace: run('ccccccc3333', 13) });
    expect(next.result.error).toBeNull();
    expect(next.result.verdict).toBe('healthy');
    const byField = Object.fromEntries(next.result.takeovers!.map((t) => [t.field, t]));
    expect(Object.keys(byField).sort()).toEqual([
      '.metadata.annotations.deploy.kube-deploy-gate.dev/run',
      '.metadata.annotations.kubernetes.io/change-cause',
      imageField,
    ]);
    expect(byField[imageField]).toMatchObject({
      object: `Deployment/${ns.name}/undone`,
      found: image('undone', '1'),
      manager: 'kubectl',
      operation: 'Update',
      subresource: null,
      applied: image('undone', '3'),
    });
    expect(byField[imageField].time).toMatch(TIME);
    // Undo restored revision 1's change-cause; the deploy replaced it with its own.
    expect(byField['.metadata.annotations.kubernetes.io/change-cause']).toMatchObject({
      found: causeOf('aaaaaaa1111', 11),
      applied: causeOf('ccccccc3333', 13),
    });
    expect(next.log.join('\n')).toContain(`took over ${imageField} from "kubectl" (Update at `);
    expect(await writers('undone')).toEqual(['kube-deploy-gate/Apply']);
  });

  it('kubectl set image by hand: the same, from "kubectl-set"', async () => {
    await gate({ manifests: [manifest('hotfix', '1')], namespace: ns.name });
    await kubectl(['set', 'image', 'deployment/hotfix', `app=${image('hotfix', '1-hotfix')}`, '-n', ns.name]);
    const next = await gate({ manifests: [manifest('hotfix', '2')], namespace: ns.name });
    expect(next.result.verdict).toBe('healthy');
    expect(next.result.takeovers).toEqual([
      {
        object: `Deployment/${ns.name}/hotfix`,
        field: imageField,
        found: image('hotfix', '1-hotfix'),
        manager: 'kubectl-set',
        operation: 'Update',
        subresource: null,
        time: expect.stringMatching(TIME),
        applied: image('hotfix', '2'),
      },
    ]);
    expect((await live('hotfix')).spec.template.spec.containers[0].image).toBe(image('hotfix', '2'));
  });

  it('a rollback restores the template, not the scale; the next deploy takes back a count scaled by hand', async () => {
    expect((await gate({ manifests: [manifest('scaled', '1')], namespace: ns.name })).result.verdict).toBe('healthy');
    const broken = gate({
      manifests: [manifest('scaled', '2', { annotations: BAD })],
      namespace: ns.name,
      timeout: '8s',
      extra: { 'fail-fast': 'false' },
    });
    // During the wait (once v2 is applied) someone scales by hand: kubectl scale writes through /scale.
    await waitFor('v2 applied', async () => (await live('scaled')).spec.template.spec.containers[0].image === image('scaled', '2'), 8000);
    await kubectl(['scale', 'deployment/scaled', '--replicas=3', '-n', ns.name]);
    const run2 = await broken;
    expect(run2.result.verdict).toBe('timeout');
    expect(run2.result.rollback!.workloads[0]).toMatchObject({ toRevision: 1, done: true });
    const rolled = await live('scaled');
    expect(rolled.spec.replicas).toBe(3);
    expect(rolled.spec.template.spec.containers[0].image).toBe(image('scaled', '1'));

    const next = await gate({ manifests: [manifest('scaled', '3')], namespace: ns.name });
    expect(next.result.verdict).toBe('healthy');
    expect(next.result.takeovers).toEqual([
      {
        object: `Deployment/${ns.name}/scaled`,
        field: '.spec.replicas',
        found: 3,
        manager: 'kubectl',
        operation: 'Update',
        subresource: 'scale',
        time: null,
        applied: 1,
      },
    ]);
    expect((await live('scaled')).spec.replicas).toBe(1);
  });

  it('the undo command keeps kubectl output, names the change-cause, and the next deploy takes its fields back', async () => {
    await gate({ manifests: [manifest('undo-cli', '1')], namespace: ns.name, trace: run('ddddddd4444', 21) });
    await gate({ manifests: [manifest('undo-cli', '2')], namespace: ns.name, trace: run('eeeeeee5555', 22) });
    const out: string[] = [];
    const err: string[] = [];
    const code = await runUndoCommand(['deployment/undo-cli', '-n', ns.name, '--kubeconfig', kubeconfigPath], {
      stdout: (t) => out.push(t),
      stderr: (t) => err.push(t),
    });
    expect(code).toBe(0);
    expect(out).toEqual(['deployment.apps/undo-cli rolled back\n']);
    expect(err).toEqual([`revision 1: ${causeOf('ddddddd4444', 21)}\n`]);
    expect(await writers('undo-cli')).toContain('kube-deploy-gate/Update');

    const next = await gate({ manifests: [manifest('undo-cli', '3')], namespace: ns.name, trace: run('fffffff6666', 23) });
    expect(next.result.verdict).toBe('healthy');
    expect(next.result.takeovers!.find((t) => t.field === imageField)).toMatchObject({
      found: image('undo-cli', '1'),
      manager: 'kube-deploy-gate',
      operation: 'Update',
      applied: image('undo-cli', '3'),
    });
  });
});

describe('conflicts with another owner', () => {
  const config = (value: string) => `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: web-config}\ndata: {LEVEL: "${value}"}\n`;
  const files = (tag: string, level: string) =>
    writeManifests({ 'config.yaml': config(level), 'web.yaml': deployment('web', { image: image('web', tag), replicas: 1 }) });

  it('another server-side apply manager owning the image stops the run before anything is written, naming it', async () => {
    expect((await gate({ manifests: [files('1', 'info')], namespace: ns.name })).result.verdict).toBe('healthy');
    // A GitOps controller declares the image too (server-side apply, its own field manager).
    const partial = {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'web', namespace: ns.name },
      spec: { template: { spec: { containers: [{ name: 'app', image: image('web', 'gitops') }] } } },
    };
    await client.apply(partial, 'argocd-controller', true);
    const before = await live('web');

    const run2 = await gate({ manifests: [files('2', 'debug')], namespace: ns.name });
    expect(run2.result.verdict).toBe('error');
    expect(run2.result.error).toMatch(
      new RegExp(
        `^Deployment ${ns.name}/web \\(\\S*web\\.yaml, document 1\\): \\.spec\\.template\\.spec\\.containers\\[name="app"\\]\\.image is held by "argocd-controller" \\(Apply at \\d{4}-\\d\\d-\\d\\dT[\\d:]+Z\\), another declarative owner: it is "ghcr\\.io/acme/web:gitops", this deploy sets "ghcr\\.io/acme/web:2"\\n`,
      ),
    );
    expect(run2.result.error).toMatch(/set conflicts: force \(force-conflicts: true\) to take them over\. Nothing was applied\.$/);
    // Nothing was written: not the Deployment, not the ConfigMap applied in the group before it.
    const after = await live('web');
    expect(after.metadata.generation).toBe(before.metadata.generation);
    expect(after.spec.template.spec.containers[0].image).toBe(image('web', 'gitops'));
    expect((await client.get('v1', 'ConfigMap', ns.name, 'web-config'))?.data).toEqual({ LEVEL: 'info' });

    const forced = await gate({ manifests: [files('2', 'debug')], namespace: ns.name, extra: { conflicts: 'force' } });
    expect(forced.result.verdict).toBe('healthy');
    expect(forced.result.takeovers).toEqual([
      expect.objectContaining({
        field: imageField,
        manager: 'argocd-controller',
        operation: 'Apply',
        found: image('web', 'gitops'),
        applied: image('web', '2'),
      }),
    ]);
  });

  it('conflicts: stop refuses a field changed by hand too, naming manager, operation and time', async () => {
    await gate({ manifests: [manifest('strict', '1')], namespace: ns.name });
    await kubectl(['set', 'image', 'deployment/strict', `app=${image('strict', 'hand')}`, '-n', ns.name]);
    const r = await gate({ manifests: [manifest('strict', '2')], namespace: ns.name, extra: { conflicts: 'stop' } });
    expect(r.result.verdict).toBe('error');
    expect(r.result.error).toMatch(
      /is held by "kubectl-set" \(Update at \d{4}-[\d-]+T[\d:]+Z\), an imperative change: it is "ghcr\.io\/acme\/strict:hand"/,
    );
    expect(r.result.error).toMatch(/conflicts: stop refuses every conflict/);
    expect((await live('strict')).spec.template.spec.containers[0].image).toBe(image('strict', 'hand'));
  });
});

describe('an HPA-managed Deployment', () => {
  const hpa = (name: string) => ({
    apiVersion: 'autoscaling/v2',
    kind: 'HorizontalPodAutoscaler',
    metadata: { name, namespace: ns.name },
    spec: {
      scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name },
      minReplicas: 1,
      maxReplicas: 10,
      metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 80 } } }],
    },
  });
  // The test cluster runs no metrics server, so the HPA controller never rescales: the test writes the count the way
  // the HPA controller does, through the scale subresource as "kube-controller-manager".
  const hpaScales = (name: string, replicas: number) =>
    client.http.request(`/apis/apps/v1/namespaces/${ns.name}/deployments/${name}/scale`, {
      method: 'PATCH',
      query: { fieldManager: 'kube-controller-manager' },
      body: { spec: { replicas } },
      contentType: 'application/merge-patch+json',
    });
  const scaled = (name: string, tag: string, replicas: number) =>
    writeManifests({ [`${name}.yaml`]: deployment(name, { image: image(name, tag), replicas }) });

  it('keeps the HPA replica count through a deploy, and never lets the count fall to the default', async () => {
    expect((await gate({ manifests: [scaled('auto', '1', 3)], namespace: ns.name })).result.verdict).toBe('healthy');
    await client.apply(hpa('auto'), 'e2e', true);

    // The HPA has not changed the count yet, so the gate still owns spec.replicas: leaving it out would let the API
    // server default it to 1. The deploy sends the live count back instead.
    const first = await gate({ manifests: [scaled('auto', '2', 2)], namespace: ns.name });
    expect(first.result.verdict).toBe('healthy');
    expect((await live('auto')).spec.replicas).toBe(3);
    expect(first.result.leftOut).toEqual([
      {
        object: `Deployment/${ns.name}/auto`,
        field: '.spec.replicas',
        owner: `HorizontalPodAutoscaler ${ns.name}/auto`,
        reason: 'hpa',
        live: 3,
        manifest: 2,
      },
    ]);
    expect(first.notices).toEqual([
      {
        message: `Deployment ${ns.name}/auto sets spec.replicas (2) but HorizontalPodAutoscaler ${ns.name}/auto scales it: the deploy leaves spec.replicas to the HPA, which keeps its count (3) (respect-hpa). Remove spec.replicas from the manifest`,
        source: { file: expect.stringMatching(/auto\.yaml$/), documentIndex: 0, line: 1 },
      },
    ]);

    await hpaScales('auto', 5);
    const second = await gate({ manifests: [scaled('auto', '3', 2)], namespace: ns.name });
    expect(second.result.verdict).toBe('healthy');
    const d = await live('auto');
    expect(d.spec.replicas).toBe(5);
    expect(d.spec.template.spec.containers[0].image).toBe(image('auto', '3'));
    expect(second.result.takeovers).toEqual([]);
    expect(await writers('auto')).toEqual(['kube-controller-manager/Update/scale', 'kube-deploy-gate/Apply']);
  });
});

describe('the change-cause', () => {
  it('is stamped in the same apply as the change: one new revision per deploy, none for an unchanged one', async () => {
    await gate({ manifests: [manifest('traced', '1')], namespace: ns.name, trace: run('1234567aaaa', 31) });
    await gate({ manifests: [manifest('traced', '2')], namespace: ns.name, trace: run('2345678bbbb', 32) });
    // The same manifests again from another commit (say, only a README changed): nothing rolls out, and revision 2
    // keeps the change-cause of the commit that made it.
    const again = await gate({ manifests: [manifest('traced', '2')], namespace: ns.name, trace: run('3456789cccc', 33) });
    expect(again.result.workloads[0]).toMatchObject({ changed: false, revisionAfter: 2 });
    expect(await history('deployment', 'traced')).toEqual({ '1': causeOf('1234567aaaa', 31), '2': causeOf('2345678bbbb', 32) });
    const rs = await client.list('apps/v1', 'ReplicaSet', ns.name, { labelSelector: 'app=traced' });
    expect(rs).toHaveLength(2);
    const d = await live('traced');
    expect(JSON.parse(d.metadata.annotations['deploy.kube-deploy-gate.dev/run'])).toEqual({
      repository: 'acme/shop',
      commit: '2345678bbbb',
      runUrl: 'https://github.com/acme/shop/actions/runs/32',
      actor: 'octocat',
    });
  });

  it('annotate: false leaves no trace', async () => {
    await gate({ manifests: [manifest('untraced', '1')], namespace: ns.name, trace: run('9999999aaaa', 41), extra: { annotate: 'false' } });
    expect((await live('untraced')).metadata.annotations ?? {}).not.toHaveProperty('kubernetes.io/change-cause');
  });

  it('a StatefulSet: v1, v2 broken and rolled back from its ControllerRevision, v3 clean; rollout history names each', async () => {
    const sts = (tag: string, annotations?: Record<string, string>) =>
      writeManifests({
        'db.yaml': JSON.stringify({
          apiVersion: 'apps/v1',
          kind: 'StatefulSet',
          metadata: { name: 'db' },
          spec: {
            serviceName: 'db',
            replicas: 2,
            selector: { matchLabels: { app: 'db' } },
            template: { metadata: { labels: { app: 'db' }, annotations }, spec: { containers: [{ name: 'db', image: image('db', tag) }] } },
          },
        }),
      });
    expect((await gate({ manifests: [sts('1')], namespace: ns.name, trace: run('5555555aaaa', 51) })).result.verdict).toBe('healthy');
    const broken = await gate({ manifests: [sts('2', BAD)], namespace: ns.name, timeout: '40s', trace: run('6666666bbbb', 52) });
    expect(broken.result.verdict).toBe('failed');
    expect(broken.result.rollback!.workloads[0]).toMatchObject({ toRevision: 1, done: true, changeCause: causeOf('5555555aaaa', 51) });
    const next = await gate({ manifests: [sts('3')], namespace: ns.name, trace: run('7777777cccc', 53) });
    expect(next.result.error).toBeNull();
    expect(next.result.verdict).toBe('healthy');
    expect(next.result.takeovers).toEqual([]);
    const h = await history('statefulset', 'db');
    expect(Object.values(h)).toContain(causeOf('7777777cccc', 53));
    expect(Object.values(h)).toContain(causeOf('6666666bbbb', 52));
  });
});
