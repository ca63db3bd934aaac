// Least privilege with real RBAC: the documented Role is enough for a full failed deploy with rollback; with less,
// the gate says which permission it lacked (403 naming verb and resource), and without read access to pods or
// events it still gives a verdict and names the permission that would have shown more.
import { describe, expect, it } from 'vitest';
import { deployment, gate, testClient, useNamespace, writeManifests } from './harness.js';
import { bindRole, serverUrl, serviceAccountToken, writeKubeconfig } from './credentials.js';

const client = testClient();
const ns = useNamespace(client, 'rbac');

// The Role documented in README.md, "Permissions".
const DOCUMENTED_ROLE = [
  { apiGroups: ['apps'], resources: ['deployments', 'statefulsets', 'daemonsets'], verbs: ['get', 'list', 'watch', 'create', 'patch'] },
  { apiGroups: ['apps'], resources: ['replicasets', 'controllerrevisions'], verbs: ['get', 'list', 'watch'] },
  { apiGroups: ['batch'], resources: ['jobs'], verbs: ['get', 'list', 'watch', 'create', 'patch'] },
  { apiGroups: [''], resources: ['pods', 'events'], verbs: ['get', 'list', 'watch'] },
  { apiGroups: [''], resources: ['pods/log'], verbs: ['get'] },
  { apiGroups: [''], resources: ['configmaps', 'secrets', 'services', 'serviceaccounts'], verbs: ['get', 'create', 'patch'] },
  { apiGroups: ['autoscaling'], resources: ['horizontalpodautoscalers'], verbs: ['list'] },
];

async function kubeconfigFor(sa: string, rules: unknown[]): Promise<string> {
  await bindRole(client, ns.name, sa, rules);
  return writeKubeconfig(serverUrl(), { token: await serviceAccountToken(client, ns.name, sa) });
}

const BAD = { 'kwok.kube-deploy-gate.dev/scenario': 'image-not-found' };

describe('least privilege (real RBAC on the test cluster)', () => {
  it('the documented Role carries a failed deploy through diagnosis and rollback', async () => {
    const kc = await kubeconfigFor('gate', DOCUMENTED_ROLE);
    const config = 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: shop-config}\ndata: {A: "1"}\n';
    const v1 = writeManifests({ 'c.yaml': config, 'd.yaml': deployment('shop', { image: 'ghcr.io/acme/shop:1' }) });
    const first = await gate({ manifests: [v1], namespace: ns.name, extra: { 'kubeconfig-file': kc } });
    expect(first.result.error).toBeNull();
    expect(first.result.verdict).toBe('healthy');
    const v2 = writeManifests({ 'c.yaml': config, 'd.yaml': deployment('shop', { image: 'ghcr.io/acme/shop:2', annotations: BAD }) });
    const run = await gate({ manifests: [v2], namespace: ns.name, timeout: '30s', extra: { 'kubeconfig-file': kc } });
    expect(run.result.verdict).toBe('failed');
    expect(run.result.findings[0]).toMatchObject({ category: 'image-not-found', workload: `Deployment/${ns.name}/shop` });
    expect(run.result.rollback!.workloads[0]).toMatchObject({ toRevision: 1, done: true });
    // respect-hpa could look for HorizontalPodAutoscalers: the Role lets it.
    expect(run.log.join('\n')).not.toMatch(/could not list HorizontalPodAutoscalers/);
    // Nodes are cluster-scoped and not in the Role: the gate says what it could not see instead of failing.
    expect(run.log.join('\n')).toMatch(/could not watch Nodes .*Grant list and watch on nodes/);
  });

  it('a kind wait-for would wait for that the Role may not watch is not waited for, with the permission named', async () => {
    const kc = await kubeconfigFor('no-watch', DOCUMENTED_ROLE);
    const service = 'apiVersion: v1\nkind: Service\nmetadata: {name: shop-web}\nspec: {selector: {app: shop-web}, ports: [{port: 80}]}\n';
    const run = await gate({
      manifests: [writeManifests({ 's.yaml': service, 'd.yaml': deployment('shop-web', { replicas: 1 }) })],
      namespace: ns.name,
      extra: { 'kubeconfig-file': kc, 'min-ready': '1s' },
    });
    expect(run.result.verdict).toBe('healthy');
    expect(run.result.workloads.map((w) => w.kind)).toEqual(['Deployment']);
    expect(run.warnings, run.warnings.join('\n')).toContain(
      `could not watch Services in ${ns.name} (services is forbidden): 1 not waited for. Grant list and watch on services (core) in ${ns.name}, or leave Service out of wait-for`,
    );
  });

  it('without read access to pods and events it still reaches a verdict and names the missing permission', async () => {
    const rules = DOCUMENTED_ROLE.filter((r) => !r.resources.includes('pods'));
    const kc = await kubeconfigFor('blind', rules);
    const run = await gate({
      manifests: [writeManifests({ 'd.yaml': deployment('blind-app', { annotations: BAD }) })],
      namespace: ns.name,
      timeout: '6s',
      extra: { 'kubeconfig-file': kc, rollback: 'false' },
    });
    expect(run.result.verdict).toBe('timeout');
    expect(run.result.workloads[0].message).toMatch(/Waiting for deployment "blind-app" rollout to finish/);
    expect(run.log.join('\n')).toMatch(/could not watch Pods .*Grant list and watch on pods \(core\) in rbac-/);
    expect(run.log.join('\n')).toMatch(/could not watch Events .*Grant list and watch on events/);
  });

  it.each([
    [
      'patch',
      (r: any) => ({ ...r, verbs: r.verbs.filter((v: string) => v !== 'patch' && v !== 'create') }),
      /cannot patch resource "deployments" in API group "apps".*403 Forbidden/,
    ],
    [
      'get',
      (r: any) => ({ ...r, verbs: r.verbs.filter((v: string) => v !== 'get') }),
      /cannot get resource "deployments" in API group "apps".*403 Forbidden/,
    ],
    [
      'watch',
      (r: any) => ({ ...r, verbs: r.verbs.filter((v: string) => v !== 'watch' && v !== 'list') }),
      /cannot (list|watch) resource "deployments" in API group "apps".*403 Forbidden/,
    ],
  ])('without %s on deployments: one message naming the verb and resource, no verdict guessed', async (verb, change, message) => {
    const rules = DOCUMENTED_ROLE.map((r) => (r.resources.includes('deployments') ? change(r) : r));
    const kc = await kubeconfigFor(`no-${verb}`, rules);
    const run = await gate({
      manifests: [writeManifests({ 'd.yaml': deployment(`no-${verb}`) })],
      namespace: ns.name,
      extra: { 'kubeconfig-file': kc },
    });
    expect(run.result.verdict).toBe('error');
    expect(run.result.error).toMatch(message);
  });
});
