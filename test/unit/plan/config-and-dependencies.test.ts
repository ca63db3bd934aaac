// The reference checks: a Secret, ConfigMap, key, ServiceAccount, pull secret or claim the new pods need that will
// not exist. Each predicts the category the deploy would report, or stays silent where it cannot know.
import { describe, expect, it } from 'vitest';
import { configReferenceCheck } from '../../../src/plan/checks/config-refs.js';
import { podDependencyCheck } from '../../../src/plan/checks/pod-dependencies.js';
import { configMap, context, facts, NS, planned, secret, workload } from './fixtures.js';

const envFrom = (kind: 'secretKeyRef' | 'configMapKeyRef', name: string, key: string, optional?: boolean) => ({
  env: [{ name: 'X', valueFrom: { [kind]: { name, key, optional } } }],
});
const absent = (kind: string, name: string) => ({ [`${kind}/${NS}/${name}`]: null });

describe('configReferenceCheck', () => {
  it('a missing Secret read through env: config-missing-ref in the kubelet words the deploy sees', () => {
    const w = planned(workload({ container: envFrom('secretKeyRef', 'db', 'password') }));
    const out = configReferenceCheck(context([w], facts({ objects: absent('Secret', 'db') })));
    expect(out.findings).toEqual([
      expect.objectContaining({
        category: 'config-missing-ref',
        workload: `Deployment/${NS}/api`,
        container: 'app',
        count: '3/3 pods',
        predicted: true,
        fatal: true,
        message: `Secret db does not exist in namespace ${NS} and this deploy does not create it; the new pods read it through env of container app, so the kubelet will fail with secret "db" not found`,
        hint: `Create Secret db in namespace ${NS} before the workload (or fix the name in the pod template; mark it optional: true if the pod can run without it).`,
      }),
    ]);
  });

  it('a missing key: config-missing-key through env, volume-mount-failed through a volume item', () => {
    const w = planned(
      workload({
        container: envFrom('configMapKeyRef', 'cfg', 'LEVEL'),
        podSpec: { volumes: [{ name: 'v', secret: { secretName: 'tls', items: [{ key: 'tls.key', path: 'k' }] } }] },
      }),
    );
    const out = configReferenceCheck(
      context(
        [w],
        facts({
          objects: { [`ConfigMap/${NS}/cfg`]: configMap('cfg', { MODE: 'x' }), [`Secret/${NS}/tls`]: secret('tls', { 'tls.crt': 'x' }) },
        }),
      ),
    );
    expect(out.findings.map((f) => [f.category, f.message])).toEqual([
      [
        'config-missing-key',
        `ConfigMap cfg has no key LEVEL in the cluster (this deploy does not change it); container app reads it through env, so the kubelet will fail with couldn't find key LEVEL in ConfigMap ${NS}/cfg`,
      ],
      [
        'volume-mount-failed',
        `Secret tls has no key tls.key in the cluster (this deploy does not change it); volume v lists it in items, so the kubelet cannot mount it: references non-existent secret key: tls.key`,
      ],
    ]);
  });

  it('the object as this deploy applies it counts (its new keys, stringData too), not the live one', () => {
    const w = planned(workload({ container: envFrom('secretKeyRef', 'db', 'password') }));
    const applied = [{ apiVersion: 'v1', kind: 'Secret', metadata: { name: 'db', namespace: NS }, stringData: { password: 'x' } }];
    expect(configReferenceCheck(context([w], facts({ objects: { [`Secret/${NS}/db`]: secret('db', {}) } }), applied)).findings).toEqual([]);
  });

  it('silent where it cannot know or nothing fails: optional, unreadable, an unchanged template', () => {
    const optional = planned(workload({ container: envFrom('secretKeyRef', 'db', 'password', true) }));
    const unreadable = planned(workload({ name: 'b', container: envFrom('secretKeyRef', 'db', 'password') }));
    const same = workload({ name: 'c', container: envFrom('secretKeyRef', 'gone', 'k') });
    const unchanged = planned(same, same);
    const out = configReferenceCheck(context([optional, unchanged], facts({ objects: absent('Secret', 'db') })));
    expect(out.findings).toEqual([]);
    expect(configReferenceCheck(context([unreadable], facts())).findings).toEqual([]);
  });

  it('a Secret a Certificate, ExternalSecret or SealedSecret of the deploy produces: a note, no failure', () => {
    const refs = ['tls', 'from-vault', 'sealed'].map((n) => ({
      name: n.toUpperCase().replace('-', '_'),
      valueFrom: { secretKeyRef: { name: n, key: 'k' } },
    }));
    const w = planned(workload({ container: { env: refs } }));
    const producers = [
      { apiVersion: 'cert-manager.io/v1', kind: 'Certificate', metadata: { name: 'api-cert', namespace: NS }, spec: { secretName: 'tls' } },
      { apiVersion: 'external-secrets.io/v1beta1', kind: 'ExternalSecret', metadata: { name: 'from-vault', namespace: NS }, spec: {} },
      { apiVersion: 'bitnami.com/v1alpha1', kind: 'SealedSecret', metadata: { name: 'sealed', namespace: NS }, spec: {} },
    ];
    const out = configReferenceCheck(
      context(
        [w],
        facts({ objects: { ...absent('Secret', 'tls'), ...absent('Secret', 'from-vault'), ...absent('Secret', 'sealed') } }),
        producers,
      ),
    );
    expect(out.findings).toEqual([]);
    expect(out.notes).toEqual([
      `Secret ${NS}/tls (read by Deployment ${NS}/api) will be created by Certificate ${NS}/api-cert`,
      `Secret ${NS}/from-vault (read by Deployment ${NS}/api) will be created by ExternalSecret ${NS}/from-vault`,
      `Secret ${NS}/sealed (read by Deployment ${NS}/api) will be created by SealedSecret ${NS}/sealed`,
    ]);
  });

  it('an ExternalSecret with a target name produces that name, not its own', () => {
    const w = planned(workload({ container: envFrom('secretKeyRef', 'from-vault', 'k') }));
    const es = {
      apiVersion: 'external-secrets.io/v1',
      kind: 'ExternalSecret',
      metadata: { name: 'from-vault', namespace: NS },
      spec: { target: { name: 'other' } },
    };
    expect(configReferenceCheck(context([w], facts({ objects: absent('Secret', 'from-vault') }), [es])).findings).toHaveLength(1);
  });

  it('a Job of the deploy, or an init container of the pod (for env), may create it: a note, no failure', () => {
    const job = {
      apiVersion: 'batch/v1',
      kind: 'Job',
      metadata: { name: 'bootstrap', namespace: NS },
      spec: { template: { spec: { containers: [] } } },
    };
    const w = planned(workload({ container: envFrom('secretKeyRef', 'db', 'password') }));
    const withJob = configReferenceCheck(context([w], facts({ objects: absent('Secret', 'db') }), [job]));
    expect(withJob.findings).toEqual([]);
    expect(withJob.notes[0]).toMatch(/Job bootstrap of this deploy may create it, which the plan cannot know: not predicted$/);

    const init = planned(
      workload({
        container: envFrom('secretKeyRef', 'db', 'password'),
        podSpec: { initContainers: [{ name: 'fetch', image: 'vault:1' }] },
      }),
    );
    const withInit = configReferenceCheck(context([init], facts({ objects: absent('Secret', 'db') })));
    expect(withInit.findings).toEqual([]);
    expect(withInit.notes[0]).toMatch(/init container fetch may create it/);

    // A volume is mounted before any init container runs: that one is predicted.
    const volume = planned(
      workload({
        podSpec: { initContainers: [{ name: 'fetch', image: 'vault:1' }], volumes: [{ name: 'v', secret: { secretName: 'db' } }] },
      }),
    );
    expect(configReferenceCheck(context([volume], facts({ objects: absent('Secret', 'db') }))).findings.map((f) => f.category)).toEqual([
      'config-missing-ref',
    ]);
  });
});

describe('podDependencyCheck', () => {
  it('a missing ServiceAccount: admission-denied with the API server refusal the ReplicaSet would log', () => {
    const w = planned(workload({ podSpec: { serviceAccountName: 'payments' } }));
    const [f] = podDependencyCheck(context([w], facts({ objects: absent('ServiceAccount', 'payments') }))).findings;
    expect(f).toMatchObject({
      category: 'admission-denied',
      reason: 'FailedCreate',
      hint: `Create ServiceAccount payments in namespace ${NS} before the workload, or fix serviceAccountName in the pod template.`,
    });
    expect(f.message).toMatch(/serviceaccount "payments" not found\)$/);
  });

  it('"default" is never predicted missing; one the deploy creates exists', () => {
    const dflt = planned(workload({ podSpec: { serviceAccountName: 'default' } }));
    const own = planned(workload({ name: 'b', podSpec: { serviceAccountName: 'payments' } }));
    const sa = { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'payments', namespace: NS } };
    expect(
      podDependencyCheck(
        context([dflt, own], facts({ objects: { ...absent('ServiceAccount', 'default'), ...absent('ServiceAccount', 'payments') } }), [sa]),
      ).findings,
    ).toEqual([]);
  });

  it('a missing pull secret: image-pull-unauthorized naming the registry; a missing claim: pvc-not-bound', () => {
    const w = planned(
      workload({
        podSpec: {
          imagePullSecrets: [{ name: 'ghcr' }],
          volumes: [
            { name: 'data', persistentVolumeClaim: { claimName: 'uploads' } },
            { name: 'scratch', ephemeral: { volumeClaimTemplate: {} } },
          ],
        },
      }),
    );
    const out = podDependencyCheck(
      context([w], facts({ objects: { ...absent('Secret', 'ghcr'), ...absent('PersistentVolumeClaim', 'uploads') } })),
    );
    expect(out.findings.map((f) => [f.category, f.hint])).toEqual([
      [
        'image-pull-unauthorized',
        'Create the pull secret ghcr (type kubernetes.io/dockerconfigjson, credentials for ghcr.io) in namespace shop, or fix the name in imagePullSecrets.',
      ],
      ['pvc-not-bound', `Create PersistentVolumeClaim uploads in namespace ${NS} or fix claimName in the pod template.`],
    ]);
  });
});
