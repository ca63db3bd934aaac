// Failures the real control plane produces by itself (plus the kubelet's env check): missing Secrets and ConfigMaps
// (CreateContainerConfigError until they exist), a ResourceQuota refusing pods, a Job reaching its backoffLimit, and
// a Deployment passing its progressDeadlineSeconds.
import { afterAll, describe, expect, it } from 'vitest';
import {
  apply,
  condition,
  containerStatus,
  createNamespace,
  deleteNamespace,
  deployment,
  findEvent,
  getJson,
  job,
  kubeletEvent,
  onlyPod,
  podsOf,
  waitFor,
} from '../e2e/support/index.js';

const namespaces: string[] = [];
afterAll(async () => {
  await Promise.all(namespaces.map(deleteNamespace));
});

async function namespace(prefix: string): Promise<string> {
  const ns = await createNamespace(prefix);
  namespaces.push(ns);
  return ns;
}

const configCases = [
  {
    title: 'a Secret that does not exist',
    app: { env: [{ name: 'DB_PASSWORD', valueFrom: { secretKeyRef: { name: 'db-credentials', key: 'password' } } }] },
    fix: { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'db-credentials' }, stringData: { password: 's3cret' } },
    error: () => 'secret "db-credentials" not found',
  },
  {
    title: 'a key missing from an existing Secret',
    app: { env: [{ name: 'DB_PASSWORD', valueFrom: { secretKeyRef: { name: 'db-credentials', key: 'password' } } }] },
    before: { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'db-credentials' }, stringData: { user: 'app' } },
    fix: { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'db-credentials' }, stringData: { user: 'app', password: 's3cret' } },
    error: (ns: string) => `couldn't find key password in Secret ${ns}/db-credentials`,
  },
  {
    title: 'a ConfigMap that does not exist (envFrom)',
    app: { envFrom: [{ configMapRef: { name: 'app-config' } }] },
    fix: { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'app-config' }, data: { LEVEL: 'info' } },
    error: () => 'configmap "app-config" not found',
  },
];

describe.concurrent('the control plane on its own', () => {
  it.each(configCases)('env from $title: CreateContainerConfigError, then Ready once it exists', async ({ app, before, fix, error }) => {
    const ns = await namespace('config');
    if (before) await apply(ns, before);
    await apply(ns, deployment('web', { containers: [{ name: 'app', image: 'ghcr.io/acme/app:1.0.0', ...app }] }));
    const pod = await waitFor(
      'CreateContainerConfigError',
      async () => {
        const p = await onlyPod(ns, 'web');
        return containerStatus(p)?.state?.waiting?.reason === 'CreateContainerConfigError' ? p : undefined;
      },
      20_000,
    );
    expect(pod.status.phase).toBe('Pending');
    expect(containerStatus(pod)).toMatchObject({ ready: false, restartCount: 0, state: { waiting: { message: error(ns) } } });
    await kubeletEvent(pod, 'Warning', 'Failed', `Error: ${error(ns)}`);
    await kubeletEvent(pod, 'Normal', 'Pulled', /^(Successfully pulled image|Container image "ghcr.io\/acme\/app:1.0.0" already present)/);

    // The kubelet retries on its next sync (about 10 s): the same pod starts once the reference resolves.
    await apply(ns, fix);
    const ready = await waitFor(
      'the pod Ready',
      async () => {
        const p = await onlyPod(ns, 'web');
        return condition(p, 'Ready')?.status === 'True' ? p : undefined;
      },
      30_000,
    );
    expect(ready.metadata.uid).toBe(pod.metadata.uid);
    expect(containerStatus(ready)).toMatchObject({ ready: true, restartCount: 0, state: { running: {} } });
  });

  it('a ResourceQuota that refuses pods: FailedCreate on the ReplicaSet, ReplicaFailure on the Deployment', async () => {
    const ns = await namespace('quota');
    await apply(ns, { apiVersion: 'v1', kind: 'ResourceQuota', metadata: { name: 'pod-quota' }, spec: { hard: { pods: '1' } } });
    await waitFor(
      'the quota counted',
      async () => (await getJson(['get', 'resourcequota', 'pod-quota', '-n', ns])).status?.hard?.pods === '1',
      20_000,
    );
    await apply(ns, deployment('web', { replicas: 2 }));
    const rs = await waitFor('the ReplicaSet', async () => (await getJson(['get', 'replicasets', '-n', ns])).items[0], 20_000);
    const refused = await waitFor('FailedCreate', () => findEvent(ns, rs.metadata.name, 'Warning', 'FailedCreate'), 20_000);
    expect(refused.message).toMatch(
      new RegExp(
        `^Error creating: pods "${rs.metadata.name}-[a-z0-9]{5}" is forbidden: exceeded quota: pod-quota, requested: pods=1, used: pods=1, limited: pods=1$`,
      ),
    );
    const failure = await waitFor(
      'ReplicaFailure',
      async () => {
        const d = await getJson(['get', 'deployment', 'web', '-n', ns]);
        return d.status?.conditions?.find((c: any) => c.type === 'ReplicaFailure' && c.status === 'True');
      },
      20_000,
    );
    expect(failure).toMatchObject({ reason: 'FailedCreate', message: refused.message.replace('Error creating: ', '') });
    expect(await podsOf(ns, 'web')).toHaveLength(1);
  });

  it('a Job that reaches its backoffLimit: pods Failed with exit 1, the Job Failed with BackoffLimitExceeded', async () => {
    const ns = await namespace('job');
    await apply(ns, job('migrate', { scenario: 'crash', backoffLimit: 1 }));
    const failed = await waitFor(
      'the Job Failed',
      async () => {
        const j = await getJson(['get', 'job', 'migrate', '-n', ns]);
        return j.status?.conditions?.find((c: any) => c.type === 'Failed' && c.status === 'True');
      },
      45_000,
    );
    expect(failed).toMatchObject({ reason: 'BackoffLimitExceeded', message: 'Job has reached the specified backoff limit' });
    const pods = await podsOf(ns, 'migrate');
    expect(pods).toHaveLength(2);
    for (const pod of pods) {
      expect(pod.status.phase).toBe('Failed');
      expect(containerStatus(pod)).toMatchObject({ restartCount: 0, state: { terminated: { reason: 'Error', exitCode: 1 } } });
      expect(condition(pod, 'Ready')).toMatchObject({ status: 'False', reason: 'PodFailed' });
    }
  });

  it('a Deployment that passes its progressDeadlineSeconds: Progressing=False, ProgressDeadlineExceeded', async () => {
    const ns = await namespace('deadline');
    // A crashing container is Ready for a moment after each start, enough to complete a rollout; a missing image never is.
    await apply(ns, deployment('web', { scenario: 'image-not-found', progressDeadlineSeconds: 8 }));
    const progressing = await waitFor(
      'ProgressDeadlineExceeded',
      async () => {
        const d = await getJson(['get', 'deployment', 'web', '-n', ns]);
        return d.status?.conditions?.find((c: any) => c.type === 'Progressing' && c.reason === 'ProgressDeadlineExceeded');
      },
      40_000,
    );
    const rs = (await getJson(['get', 'replicasets', '-n', ns])).items[0];
    expect(progressing).toMatchObject({ status: 'False', message: `ReplicaSet "${rs.metadata.name}" has timed out progressing.` });
  });
});
