// What the API server refused in the dry run, and what the gate's own credentials may not do, as the findings the
// deploy would end with.
import { describe, expect, it } from 'vitest';
import { accessCheck, accessKey, accessNeeds, type AccessAnswer } from '../../../src/plan/checks/access.js';
import { immutableStatefulSetField } from '../../../src/plan/checks/immutable.js';
import { objectRefusalCheck, podAdmissionCheck, rbacDenial } from '../../../src/plan/checks/refusals.js';
import type { DryRunObject } from '../../../src/plan/types.js';
import { context, facts, NS, planned, workload } from './fixtures.js';

function dryRun(o: Partial<DryRunObject> & { kind: string; name: string }): DryRunObject {
  return {
    apiVersion: o.kind === 'ConfigMap' ? 'v1' : 'apps/v1',
    namespace: NS,
    manifest: { apiVersion: 'apps/v1', kind: o.kind, metadata: { name: o.name } },
    live: null,
    after: null,
    warnings: [],
    ...o,
  };
}

describe('objectRefusalCheck', () => {
  it.each([
    [
      'an admission webhook',
      403,
      'admission webhook "policy.acme.dev" denied the request: replicas above 5 need an exception',
      {
        category: 'apply-refused',
        reason: 'Refused',
        hint: 'Change the object to satisfy admission webhook "policy.acme.dev" (its message above says what it rejects), or ask its owners for an exception.',
      },
    ],
    [
      'a ValidatingAdmissionPolicy',
      422,
      "Deployment.apps \"api\" is invalid: : ValidatingAdmissionPolicy 'max-replicas' with binding 'max-replicas' denied request: at most 3",
      {
        category: 'apply-refused',
        reason: 'Invalid',
        hint: expect.stringMatching(/^Change the object to satisfy ValidatingAdmissionPolicy max-replicas/),
      },
    ],
    [
      'an immutable field',
      422,
      'Deployment.apps "api" is invalid: spec.selector: Invalid value: {"matchLabels":{"app":"x"}}: field is immutable',
      {
        category: 'apply-refused',
        hint: `spec.selector cannot change on an existing Deployment: revert it, or delete the Deployment first (kubectl delete deployment api -n ${NS} --cascade=orphan keeps its pods) so the deploy creates it anew.`,
      },
    ],
    [
      'a field another manager owns',
      409,
      'Apply failed with 1 conflict: conflict with "helm" using apps/v1: .spec.replicas',
      {
        category: 'apply-refused',
        reason: 'Conflict',
        hint: "Fix the manifest as the API server's message above says; nothing after this object would be applied.",
      },
    ],
    [
      'RBAC',
      403,
      'deployments.apps "api" is forbidden: User "system:serviceaccount:shop:gate" cannot patch resource "deployments" in API group "apps" in the namespace "shop"',
      {
        category: 'apply-forbidden',
        reason: 'Forbidden',
        hint: expect.stringMatching(/^Grant patch on deployments\.apps in namespace shop to the identity/),
      },
    ],
  ])('%s', (_name, status, message, expected) => {
    const [f] = objectRefusalCheck([dryRun({ kind: 'Deployment', name: 'api', refused: { status, message } })]).findings;
    expect(f).toMatchObject({ ...expected, workload: `Deployment/${NS}/api`, count: '', predicted: true });
    expect(f.message).toContain(message);
  });

  it('a webhook that cannot take a dry run is a note, not a failure', () => {
    const out = objectRefusalCheck([
      dryRun({ kind: 'Deployment', name: 'api', refused: { status: 400, message: 'admission webhook "x" does not support dry run' } }),
    ]);
    expect(out.findings).toEqual([]);
    expect(out.notes).toEqual([`Deployment ${NS}/api could not be dry-run: admission webhook "x" does not support dry run`]);
  });

  it('names the StatefulSet field an older API server does not (its "updates to statefulset spec" message)', () => {
    const live = {
      kind: 'StatefulSet',
      spec: {
        serviceName: 'db',
        replicas: 1,
        volumeClaimTemplates: [
          { metadata: { name: 'data' }, spec: { resources: { requests: { storage: '1Gi' } }, volumeMode: 'Filesystem' } },
        ],
      },
    };
    const grow = {
      kind: 'StatefulSet',
      spec: {
        serviceName: 'db',
        replicas: 3,
        volumeClaimTemplates: [{ metadata: { name: 'data' }, spec: { resources: { requests: { storage: '2Gi' } } } }],
      },
    };
    expect(immutableStatefulSetField(live, grow)).toBe('spec.volumeClaimTemplates');
    // Defaults the live object carries and the manifest leaves out are not a change; replicas may change.
    expect(
      immutableStatefulSetField(live, {
        ...grow,
        spec: {
          ...grow.spec,
          volumeClaimTemplates: live.spec.volumeClaimTemplates.map((t) => ({ ...t, spec: { resources: t.spec.resources } })),
        },
      }),
    ).toBeNull();
    const message =
      "StatefulSet.apps \"db\" is invalid: spec: Forbidden: updates to statefulset spec for fields other than 'replicas', 'template' are forbidden";
    const [f] = objectRefusalCheck([
      dryRun({ kind: 'StatefulSet', name: 'db', live, manifest: grow, refused: { status: 422, message } }),
    ]).findings;
    expect(f.hint).toMatch(/^spec\.volumeClaimTemplates cannot change on an existing StatefulSet/);
  });

  it('reads verb and resource from an RBAC refusal only', () => {
    expect(rbacDenial('User "u" cannot list resource "pods" in API group "" in the namespace "x"')).toEqual({
      verb: 'list',
      resource: 'pods',
    });
    expect(rbacDenial('pods "x" is forbidden: exceeded quota: q')).toBeNull();
  });
});

describe('podAdmissionCheck', () => {
  const refused = (message: string, live: unknown = null) =>
    planned(workload({ container: { image: 'ghcr.io/acme/api:2.0.0' } }), live, { state: 'refused', message });

  it('classifies a refused pod as the deploy classifies FailedCreate', () => {
    const [f] = podAdmissionCheck(
      context([refused('pods "api-plan-x" is forbidden: violates PodSecurity "restricted:latest": runAsNonRoot != true')]),
    ).findings;
    expect(f).toMatchObject({ category: 'admission-denied', reason: 'FailedCreate', count: '3/3 pods' });
    expect(f.message).toBe(
      'A pod of the new template is refused by the API server (dry run): violates PodSecurity "restricted:latest": runAsNonRoot != true',
    );
    expect(f.hint).toMatch(/^Change the pod template's securityContext to meet PodSecurity restricted:latest/);
  });

  it('ignores what will not stop the rollout: the default ServiceAccount not made yet, one made by this deploy, a quota the rollout frees', () => {
    const sa = { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'payments', namespace: NS } };
    const quotaRefusal = 'pods "api-plan-x" is forbidden: exceeded quota: pods, requested: pods=1, used: pods=2, limited: pods=2';
    const live = workload({ replicas: 3 });
    const out = podAdmissionCheck(
      context(
        [
          refused('pods "a" is forbidden: error looking up service account shop/default: serviceaccount "default" not found'),
          refused('pods "a" is forbidden: error looking up service account shop/payments: serviceaccount "payments" not found'),
          refused(quotaRefusal, live),
        ],
        facts(),
        [sa],
      ),
    );
    expect(out).toEqual({ findings: [], notes: [] });
    // Without the quotas to count the rollout with, the refusal of a changed workload is a note; of a new one, a failure.
    expect(podAdmissionCheck(context([refused(quotaRefusal, live)], facts({ quotas: {} }))).notes[0]).toMatch(
      /whether the rollout fits was not checked$/,
    );
    expect(podAdmissionCheck(context([refused(quotaRefusal)], facts())).findings.map((f) => f.category)).toEqual(['quota-exceeded']);
  });

  it('without a pod preview, a PodSecurity warning counts only when the namespace enforces that level', () => {
    const warned = { ...planned(workload()), warnings: ['would violate PodSecurity "restricted:latest": runAsNonRoot != true'] };
    const ns = (labels: Record<string, string>) => ({
      [`Namespace//${NS}`]: { apiVersion: 'v1', kind: 'Namespace', metadata: { name: NS, labels } },
    });
    expect(
      podAdmissionCheck(context([warned], facts({ objects: ns({ 'pod-security.kubernetes.io/enforce': 'restricted' }) }))).findings.map(
        (f) => f.category,
      ),
    ).toEqual(['admission-denied']);
    expect(podAdmissionCheck(context([warned], facts({ objects: ns({ 'pod-security.kubernetes.io/warn': 'restricted' }) })))).toEqual({
      findings: [],
      notes: [],
    });
    expect(podAdmissionCheck(context([warned], facts())).notes[0]).toMatch(/whether the namespace enforces it could not be read$/);
  });
});

describe('access', () => {
  const objects = [
    dryRun({ kind: 'ConfigMap', name: 'cfg', apiVersion: 'v1' }),
    dryRun({ kind: 'Deployment', name: 'api', live: { kind: 'Deployment' } }),
    dryRun({ kind: 'StatefulSet', name: 'db', live: { kind: 'StatefulSet' } }),
  ];
  const needs = accessNeeds(objects, true);

  it('needs get/patch per object, create for new ones, the waits and the revisions', () => {
    const required = needs.filter((n) => n.required).map((n) => `${n.verb} ${n.kind}`);
    expect(required).toEqual(
      expect.arrayContaining([
        'get ConfigMap',
        'patch ConfigMap',
        'create ConfigMap',
        'get Deployment',
        'patch Deployment',
        'list Deployment',
        'watch Deployment',
        'watch StatefulSet',
        'list ControllerRevision',
      ]),
    );
    expect(required).not.toContain('create Deployment');
    expect(needs.filter((n) => !n.required).map((n) => `${n.verb} ${n.kind}`)).toEqual(
      expect.arrayContaining(['list ReplicaSet', 'watch Pod', 'list Event', 'watch Node']),
    );
  });

  it('nothing to review in a namespace the deploy creates with RoleBindings of its own', () => {
    const withBinding = accessNeeds(
      [
        dryRun({ kind: 'Namespace', name: 'team-b', apiVersion: 'v1', namespace: undefined }),
        dryRun({ kind: 'RoleBinding', name: 'gate', apiVersion: 'rbac.authorization.k8s.io/v1', namespace: 'team-b' }),
        dryRun({ kind: 'Deployment', name: 'api', namespace: 'team-b' }),
      ],
      true,
    );
    expect(withBinding.map((n) => `${n.verb} ${n.kind}`)).toEqual([
      'get Namespace',
      'patch Namespace',
      'create Namespace',
      'list Node',
      'watch Node',
    ]);
  });

  it('a denied required verb is apply-forbidden on the object that needs it; a denied optional one a note', () => {
    const answers = new Map<string, AccessAnswer>();
    for (const n of needs) answers.set(accessKey(n), { allowed: true, resource: 'x' });
    answers.set(accessKey({ verb: 'watch', apiVersion: 'apps/v1', kind: 'Deployment', namespace: NS }), {
      allowed: false,
      resource: 'deployments.apps',
    });
    answers.set(accessKey({ verb: 'watch', apiVersion: 'v1', kind: 'Node', namespace: undefined }), { allowed: false, resource: 'nodes' });
    const out = accessCheck(needs, answers);
    expect(out.findings).toHaveLength(1);
    expect(out.findings[0]).toMatchObject({ category: 'apply-forbidden', workload: `Deployment/${NS}/api` });
    expect(out.findings[0].message).toBe(
      `The gate's credentials may not watch deployments.apps in namespace ${NS} (SelfSubjectAccessReview), which the deploy needs to wait for the rollout for Deployment ${NS}/api: it would stop there`,
    );
    expect(out.notes).toEqual([
      "the gate's credentials may not watch nodes (needed for the diagnosis of a failure): the deploy still works, with less detail",
    ]);
  });
});
