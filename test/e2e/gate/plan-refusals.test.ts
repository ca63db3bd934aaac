// Issue 18, refusals: what admission, validation and RBAC refuse comes back from the dry run, and the plan predicts
// it. Each is proven by deploying the same manifest: a refusal of the pods fails the deploy with the same category;
// a refusal of the object itself (admission policy, an immutable StatefulSet field, a permission the gate lacks)
// ends the deploy with its error (exit 2) naming the same cause, where the plan had predicted it (exit 1).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitFor } from '../support/kube.js';
import { bindRole, serverUrl, serviceAccountToken, writeKubeconfig } from './credentials.js';
import { testClient, useNamespace, writeManifests } from './harness.js';
import { auditMark, categoriesOf, deploy, deployment, expectNothingWritten, plan, resourceVersions, yamlOf } from './plan-support.js';

const client = testClient();

async function policy(
  name: string,
  namespace: string,
  resources: { group: string; resource: string },
  expression: string,
  message: string,
) {
  await client.apply(
    {
      apiVersion: 'admissionregistration.k8s.io/v1',
      kind: 'ValidatingAdmissionPolicy',
      metadata: { name },
      spec: {
        failurePolicy: 'Fail',
        matchConstraints: {
          resourceRules: [
            { apiGroups: [resources.group], apiVersions: ['v1'], operations: ['CREATE', 'UPDATE'], resources: [resources.resource] },
          ],
        },
        validations: [{ expression, message }],
      },
    },
    'e2e',
    true,
  );
  await client.apply(
    {
      apiVersion: 'admissionregistration.k8s.io/v1',
      kind: 'ValidatingAdmissionPolicyBinding',
      metadata: { name },
      spec: {
        policyName: name,
        validationActions: ['Deny'],
        matchResources: { namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': namespace } } },
      },
    },
    'e2e',
    true,
  );
}

async function deletePolicy(name: string) {
  await client.delete('admissionregistration.k8s.io/v1', 'ValidatingAdmissionPolicyBinding', undefined, name).catch(() => {});
  await client.delete('admissionregistration.k8s.io/v1', 'ValidatingAdmissionPolicy', undefined, name).catch(() => {});
}

describe('admission refuses the new pods', () => {
  const ns = useNamespace(client, 'plan-admit');
  const name = () => `kdg-plan-limits-${ns.name}`;

  beforeAll(async () => {
    await policy(
      name(),
      ns.name,
      { group: '', resource: 'pods' },
      'object.spec.containers.all(c, has(c.resources) && has(c.resources.limits))',
      'every container needs resource limits',
    );
    // The policy takes a moment to reach the API server's admission chain.
    await waitFor(
      'the policy to refuse a pod',
      async () =>
        client
          .create(
            {
              apiVersion: 'v1',
              kind: 'Pod',
              metadata: { generateName: 'probe-', namespace: ns.name },
              spec: { containers: [{ name: 'a', image: 'x:1' }] },
            },
            { dryRun: true },
          )
          .then(() => false)
          .catch((e) => /every container needs resource limits/.test(e.message)),
      30_000,
    );
  });
  afterAll(() => deletePolicy(name()));

  it('a ValidatingAdmissionPolicy on pods: predicted from a pod of the template sent as a dry run; the deploy meets it', async () => {
    const dir = writeManifests({ 'api.yaml': yamlOf(deployment('api')) });
    const before = await resourceVersions(client, ns.name);
    const mark = auditMark();
    const r = await plan(dir, ns.name);
    await expectNothingWritten(client, ns.name, before, mark);
    expect(r.code).toBe(1);
    expect(categoriesOf(r.plan.findings)).toEqual([`Deployment/${ns.name}/api admission-denied`]);
    expect(r.plan.findings[0].message).toMatch(
      /^A pod of the new template is refused by the API server \(dry run\): .*every container needs resource limits/,
    );
    const d = await deploy(dir, ns.name, '30s', ['--no-rollback']);
    expect(d.result.verdict).toBe('failed');
    expect(categoriesOf(d.result.findings)).toEqual([`Deployment/${ns.name}/api admission-denied`]);
    expect(d.result.findings[0].message).toMatch(/every container needs resource limits/);
  });
});

describe('PodSecurity refuses the new pods', () => {
  const ns = useNamespace(client, 'plan-pss');

  it('a namespace enforcing restricted: predicted; the deploy meets it', async () => {
    await client.patch(
      'v1',
      'Namespace',
      undefined,
      ns.name,
      { metadata: { labels: { 'pod-security.kubernetes.io/enforce': 'restricted' } } },
      'application/merge-patch+json',
    );
    const dir = writeManifests({ 'api.yaml': yamlOf(deployment('api')) });
    const r = await plan(dir, ns.name);
    expect(r.code).toBe(1);
    expect(categoriesOf(r.plan.findings)).toEqual([`Deployment/${ns.name}/api admission-denied`]);
    expect(r.plan.findings[0].hint).toMatch(/^Change the pod template's securityContext to meet PodSecurity restricted:latest/);
    const d = await deploy(dir, ns.name, '30s', ['--no-rollback']);
    expect(d.result.verdict).toBe('failed');
    expect(categoriesOf(d.result.findings)).toEqual([`Deployment/${ns.name}/api admission-denied`]);
    expect(d.result.findings[0].hint).toBe(r.plan.findings[0].hint);
  });
});

describe('the API server refuses the object itself', () => {
  const ns = useNamespace(client, 'plan-refuse');
  const name = () => `kdg-plan-replicas-${ns.name}`;
  afterAll(() => deletePolicy(name()));

  it('a ValidatingAdmissionPolicy on Deployments: apply-refused predicted; the deploy stops with the same refusal', async () => {
    await policy(
      name(),
      ns.name,
      { group: 'apps', resource: 'deployments' },
      'object.spec.replicas <= 3',
      'at most 3 replicas in this namespace',
    );
    const dir = writeManifests({ 'api.yaml': yamlOf(deployment('api', { replicas: 5 })) });
    const r = await waitFor(
      'the policy to refuse the dry run',
      async () => {
        const p = await plan(dir, ns.name);
        return p.code === 1 ? p : undefined;
      },
      30_000,
    );
    expect(r.plan.summary.refused).toBe(1);
    expect(categoriesOf(r.plan.findings)).toEqual([`Deployment/${ns.name}/api apply-refused`]);
    expect(r.plan.findings[0].message).toMatch(/at most 3 replicas in this namespace/);
    expect(r.plan.findings[0].hint).toMatch(new RegExp(`^Change the object to satisfy ValidatingAdmissionPolicy ${name()}`));
    const d = await deploy(dir, ns.name, '30s');
    expect(d.code).toBe(2);
    expect(d.result.verdict).toBe('error');
    expect(d.result.error).toMatch(/at most 3 replicas in this namespace/);
  });

  it('a StatefulSet change to an immutable field: apply-refused naming the field; the deploy stops with the same refusal', async () => {
    const db = (serviceName: string, image: string) => ({
      apiVersion: 'apps/v1',
      kind: 'StatefulSet',
      metadata: { name: 'db' },
      spec: {
        serviceName,
        replicas: 1,
        selector: { matchLabels: { app: 'db' } },
        template: { metadata: { labels: { app: 'db' } }, spec: { containers: [{ name: 'db', image }] } },
      },
    });
    const first = await deploy(writeManifests({ 'db.yaml': yamlOf(db('db', 'postgres:16.3')) }), ns.name, '60s');
    expect(first.result.verdict).toBe('healthy');
    const dir = writeManifests({ 'db.yaml': yamlOf(db('db-headless', 'postgres:16.4')) });
    const before = await resourceVersions(client, ns.name);
    const mark = auditMark();
    const r = await plan(dir, ns.name);
    await expectNothingWritten(client, ns.name, before, mark);
    expect(r.code).toBe(1);
    expect(categoriesOf(r.plan.findings)).toEqual([`StatefulSet/${ns.name}/db apply-refused`]);
    expect(r.plan.findings[0].hint).toBe(
      `spec.serviceName cannot change on an existing StatefulSet: revert it, or delete the StatefulSet first (kubectl delete statefulset db -n ${ns.name} --cascade=orphan keeps its pods) so the deploy creates it anew.`,
    );
    const d = await deploy(dir, ns.name, '30s');
    expect(d.code).toBe(2);
    expect(d.result.error).toMatch(/spec\.serviceName: Invalid value: "db-headless": field is immutable/);
  });
});

// The Role documented in README.md, "Permissions" (as rbac.test.ts).
const DOCUMENTED_ROLE = [
  { apiGroups: ['apps'], resources: ['deployments', 'statefulsets', 'daemonsets'], verbs: ['get', 'list', 'watch', 'create', 'patch'] },
  { apiGroups: ['apps'], resources: ['replicasets', 'controllerrevisions'], verbs: ['get', 'list', 'watch'] },
  { apiGroups: ['batch'], resources: ['jobs'], verbs: ['get', 'list', 'watch', 'create', 'patch'] },
  { apiGroups: [''], resources: ['pods', 'events'], verbs: ['get', 'list', 'watch'] },
  { apiGroups: [''], resources: ['pods/log'], verbs: ['get'] },
  { apiGroups: [''], resources: ['configmaps', 'secrets', 'services', 'serviceaccounts'], verbs: ['get', 'create', 'patch'] },
];

describe("the gate's own permissions (SelfSubjectAccessReview, real RBAC)", () => {
  const ns = useNamespace(client, 'plan-rbac');
  const config = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'shop-config' }, data: { A: '1' } };

  async function kubeconfigFor(sa: string, rules: unknown[]): Promise<string> {
    await bindRole(client, ns.name, sa, rules);
    return writeKubeconfig(serverUrl(), { token: await serviceAccountToken(client, ns.name, sa) });
  }

  it('with the documented Role: nothing predicted to fail (exit 0); what it could not check is said', async () => {
    const kc = await kubeconfigFor('documented', DOCUMENTED_ROLE);
    const r = await plan(writeManifests({ 'app.yaml': yamlOf(config, deployment('shop')) }), ns.name, ['--kubeconfig', kc]);
    expect(r.code).toBe(0);
    expect(r.plan.findings).toEqual([]);
    expect(r.plan.notes.join('\n')).toMatch(/the credentials may not create pods, even as a dry run/);
    expect(r.plan.notes.join('\n')).toMatch(/could not list nodes/);
  });

  it.each([
    [
      'patch',
      (r: any) => ({ ...r, verbs: r.verbs.filter((v: string) => v !== 'patch') }),
      /cannot patch resource "deployments" in API group "apps"/,
    ],
    [
      'watch',
      (r: any) => ({ ...r, verbs: r.verbs.filter((v: string) => v !== 'watch') }),
      /cannot watch resource "deployments" in API group "apps"/,
    ],
  ])('without %s on deployments: apply-forbidden predicted; the deploy stops on that verb', async (verb, change, refusal) => {
    const rules = DOCUMENTED_ROLE.map((r) => (r.resources.includes('deployments') ? change(r) : r));
    const kc = await kubeconfigFor(`no-${verb}`, rules);
    const dir = writeManifests({ 'app.yaml': yamlOf(config, deployment(`no-${verb}`)) });
    const r = await plan(dir, ns.name, ['--kubeconfig', kc]);
    expect(r.code).toBe(1);
    expect(categoriesOf(r.plan.findings)).toEqual([`Deployment/${ns.name}/no-${verb} apply-forbidden`]);
    expect(r.plan.findings[0].hint).toMatch(new RegExp(`^Grant ${verb} on deployments\\.apps in namespace ${ns.name} to the identity`));
    const d = await deploy(dir, ns.name, '20s', ['--kubeconfig', kc]);
    expect(d.code).toBe(2);
    expect(d.result.error).toMatch(refusal);
  });
});
