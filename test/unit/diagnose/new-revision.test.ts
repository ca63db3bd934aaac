import { describe, expect, it } from 'vitest';
import { diagnoseWorkload, isDoomed } from '../../../src/diagnose/index.js';
import { newRevisionOf } from '../../../src/diagnose/new-revision.js';
import { NEW_RS, NOW, OLD_RS, crashLooping, deployment, pod, snapshot, terminated, waiting } from './fixtures.js';

describe('the new revision of a Deployment', () => {
  it("is the ReplicaSet whose template equals the Deployment's, ignoring pod-template-hash", () => {
    expect(newRevisionOf('Deployment', deployment(), snapshot({ replicaSets: [OLD_RS, NEW_RS] })).creator?.metadata?.name).toBe(
      'web-7d9f8c6b5',
    );
  });

  it('does not exist yet when no template matches', () => {
    const d = deployment();
    d.spec = { ...d.spec, template: { ...d.spec.template, spec: { containers: [{ name: 'app', image: 'ghcr.io/acme/web:2.0.0' }] } } };
    expect(newRevisionOf('Deployment', d, snapshot({ replicaSets: [OLD_RS, NEW_RS] })).creator).toBeNull();
  });

  it('old-ReplicaSet pods are never findings, however broken', () => {
    const oldBroken = pod({ name: 'web-5c4b3a291-q8k2s', rs: OLD_RS, containerStatuses: [crashLooping('app', terminated(1, 'Error'), 9)] });
    const newPending = pod({
      name: 'web-7d9f8c6b5-x1',
      containerStatuses: [
        waiting(
          'app',
          'ErrImagePull',
          'rpc error: code = NotFound desc = failed to pull and unpack image "ghcr.io/acme/web:1.4.2": failed to resolve reference "ghcr.io/acme/web:1.4.2": ghcr.io/acme/web:1.4.2: not found',
        ),
      ],
    });
    const findings = diagnoseWorkload(deployment(), snapshot({ pods: [oldBroken, newPending] }), NOW);
    expect(findings.map((f) => [f.category, f.pod])).toEqual([['image-not-found', 'web-7d9f8c6b5-x1']]);
  });

  it('a healthy new revision with a broken old one is not doomed', () => {
    const oldBroken = pod({ name: 'web-5c4b3a291-q8k2s', rs: OLD_RS, containerStatuses: [crashLooping('app', terminated(1, 'Error'), 9)] });
    const snap = snapshot({ pods: [oldBroken, pod({ ready: true })] });
    expect(diagnoseWorkload(deployment(), snap, NOW)).toEqual([]);
    expect(isDoomed(deployment(), snap, NOW)).toBe(false);
  });
});

describe('other kinds', () => {
  function labelled(name: string, labels: Record<string, string>, owner: { kind: string; name: string; uid: string }) {
    const p = pod({ name, containerStatuses: [crashLooping('app', terminated(1, 'Error'), 2)] });
    p.metadata.labels = labels;
    p.metadata.ownerReferences = [{ apiVersion: 'apps/v1', controller: true, ...owner }];
    return p;
  }

  it('StatefulSet: controller-revision-hash equals status.updateRevision', () => {
    const sts = {
      kind: 'StatefulSet',
      metadata: { name: 'db', namespace: 'shop', uid: 'sts' },
      spec: { replicas: 3 },
      status: { updateRevision: 'db-7b9c', currentRevision: 'db-5d2a' },
    };
    const owner = { kind: 'StatefulSet', name: 'db', uid: 'sts' };
    const pods = [
      labelled('db-2', { 'controller-revision-hash': 'db-7b9c' }, owner),
      labelled('db-1', { 'controller-revision-hash': 'db-5d2a' }, owner),
      labelled('db-0', { 'controller-revision-hash': 'db-5d2a' }, owner),
    ];
    expect(newRevisionOf('StatefulSet', sts, snapshot({ pods })).pods.map((p) => p.metadata?.name)).toEqual(['db-2']);
  });

  it('DaemonSet: the newest ControllerRevision, else pod-template-generation', () => {
    const ds = {
      kind: 'DaemonSet',
      metadata: { name: 'agent', namespace: 'shop', uid: 'ds', generation: 4 },
      spec: { selector: { matchLabels: { app: 'agent' } } },
      status: { desiredNumberScheduled: 2 },
    };
    const owner = { kind: 'DaemonSet', name: 'agent', uid: 'ds' };
    const pods = [
      labelled('agent-a', { app: 'agent', 'controller-revision-hash': '6f9d8b7c5', 'pod-template-generation': '4' }, owner),
      labelled('agent-b', { app: 'agent', 'controller-revision-hash': '54c6d9f7b', 'pod-template-generation': '3' }, owner),
    ];
    const revisions = [3, 4].map((revision) => ({
      kind: 'ControllerRevision',
      revision,
      metadata: {
        name: `agent-${revision === 4 ? '6f9d8b7c5' : '54c6d9f7b'}`,
        namespace: 'shop',
        labels: { 'controller-revision-hash': revision === 4 ? '6f9d8b7c5' : '54c6d9f7b' },
        ownerReferences: [{ ...owner, controller: true }],
      },
    }));
    expect(newRevisionOf('DaemonSet', ds, snapshot({ pods, controllerRevisions: revisions })).pods.map((p) => p.metadata?.name)).toEqual([
      'agent-a',
    ]);
    expect(newRevisionOf('DaemonSet', ds, snapshot({ pods })).pods.map((p) => p.metadata?.name)).toEqual(['agent-a']);
  });

  it("Job: pods with the job's controller-uid", () => {
    const job = { kind: 'Job', metadata: { name: 'migrate', namespace: 'shop', uid: 'job-2' }, spec: {} };
    const pods = [
      labelled(
        'migrate-new',
        { 'batch.kubernetes.io/controller-uid': 'job-2', 'batch.kubernetes.io/job-name': 'migrate' },
        { kind: 'Job', name: 'migrate', uid: 'job-2' },
      ),
      labelled(
        'migrate-old',
        { 'batch.kubernetes.io/controller-uid': 'job-1', 'batch.kubernetes.io/job-name': 'migrate' },
        { kind: 'Job', name: 'migrate', uid: 'job-1' },
      ),
    ];
    expect(newRevisionOf('Job', job, snapshot({ pods })).pods.map((p) => p.metadata?.name)).toEqual(['migrate-new']);
  });

  it('a bare Pod is its own revision, and a kind-less listed item is recognised from the snapshot', () => {
    const bare = pod({ name: 'debug', containerStatuses: [crashLooping('app', terminated(1, 'Error'), 2)] });
    bare.metadata.ownerReferences = [];
    const listed = { ...bare, kind: undefined };
    const [f] = diagnoseWorkload(listed, snapshot({ pods: [bare] }), NOW);
    expect(f).toMatchObject({ workload: 'Pod/shop/debug', category: 'crash-loop' });
  });
});
