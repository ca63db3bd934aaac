// A ReplicationController as a workload: its pods are the ones it owns (or its selector claims), diagnosed like a
// ReplicaSet's; and the note for pods that kept an older template, which an RC never replaces.
import { describe, expect, it } from 'vitest';
import { diagnoseWorkload, isDoomed, workloadNotes } from '../../../src/diagnose/index.js';
import { newRevisionOf } from '../../../src/diagnose/new-revision.js';
import { runsTemplate } from '../../../src/diagnose/rules/stale-pods.js';
import { NOW, NS, crashLooping, pod, snapshot, terminated } from './fixtures.js';

const template = (image: string, env: { name: string; value: string }[] = []) => ({
  metadata: { labels: { app: 'legacy' } },
  spec: { containers: [{ name: 'app', image, env }] },
});

function rc(image: string, env: { name: string; value: string }[] = []): any {
  return {
    apiVersion: 'v1',
    kind: 'ReplicationController',
    metadata: { name: 'legacy', namespace: NS, uid: 'uid-rc', generation: 2 },
    spec: { replicas: 2, selector: { app: 'legacy' }, template: template(image, env) },
    status: { replicas: 2, readyReplicas: 2, availableReplicas: 2, observedGeneration: 2 },
  };
}

// A pod the RC created from `image`: what the API server stores (the service account volume mount added).
function rcPod(
  name: string,
  image: string,
  o: { ready?: boolean; containerStatuses?: any[]; env?: { name: string; value: string }[] } = {},
): any {
  const p = pod({ name, ready: o.ready ?? true, containerStatuses: o.containerStatuses });
  return {
    ...p,
    metadata: {
      ...p.metadata,
      labels: { app: 'legacy' },
      ownerReferences: [{ apiVersion: 'v1', kind: 'ReplicationController', name: 'legacy', uid: 'uid-rc', controller: true }],
    },
    spec: {
      ...p.spec,
      containers: [
        {
          name: 'app',
          image,
          env: o.env ?? [],
          resources: { requests: { cpu: '100m' } },
          volumeMounts: [{ name: 'kube-api-access-x', mountPath: '/var/run/secrets/kubernetes.io/serviceaccount' }],
        },
      ],
    },
  };
}

describe('a ReplicationController', () => {
  it('its pods are the ones it owns, or without owner references the ones its selector matches', () => {
    const owned = rcPod('legacy-a', 'legacy:1');
    const orphan = { ...rcPod('legacy-b', 'legacy:1'), metadata: { ...rcPod('legacy-b', 'legacy:1').metadata, ownerReferences: [] } };
    const other = pod({ name: 'web-x' });
    const revision = newRevisionOf('ReplicationController', rc('legacy:1'), snapshot({ pods: [owned, orphan, other] }));
    expect(revision.pods.map((p) => p.metadata?.name)).toEqual(['legacy-a', 'legacy-b']);
    expect(revision).toMatchObject({ creatorKind: 'ReplicationController', desired: 2, olderPods: [] });
  });

  it('its crash-looping pods are findings, and doom it', () => {
    const crashing = (n: string) =>
      rcPod(n, 'legacy:2', { ready: false, containerStatuses: [crashLooping('app', terminated(1, 'Error'), 3)] });
    const snap = snapshot({ pods: [crashing('legacy-a'), crashing('legacy-b')], replicationControllers: [rc('legacy:2')] });
    const findings = diagnoseWorkload(rc('legacy:2'), snap, NOW);
    expect(findings.map((f) => [f.category, f.workload, f.count])).toEqual([
      ['crash-loop', `ReplicationController/${NS}/legacy`, '2/2 pods'],
    ]);
    expect(isDoomed(rc('legacy:2'), snap, NOW)).toBe(true);
  });

  it('a pod runs its template when the containers agree on image, command, args, env, and the labels are there', () => {
    const t = rc('legacy:2', [{ name: 'MODE', value: 'b' }]).spec.template;
    expect(runsTemplate(rcPod('a', 'legacy:2', { env: [{ name: 'MODE', value: 'b' }] }), t)).toBe(true);
    expect(runsTemplate(rcPod('a', 'legacy:1', { env: [{ name: 'MODE', value: 'b' }] }), t)).toBe(false);
    expect(runsTemplate(rcPod('a', 'legacy:2', { env: [{ name: 'MODE', value: 'a' }] }), t)).toBe(false);
    const unlabelled = rcPod('a', 'legacy:2', { env: [{ name: 'MODE', value: 'b' }] });
    expect(runsTemplate({ ...unlabelled, metadata: { ...unlabelled.metadata, labels: {} } }, t)).toBe(false);
  });

  it('notes the pods that kept an older template, never fatal, and says what to do', () => {
    const snap = snapshot({ pods: [rcPod('legacy-b', 'legacy:1'), rcPod('legacy-a', 'legacy:1')] });
    expect(workloadNotes(rc('legacy:2'), snap, NOW)).toEqual([
      expect.objectContaining({
        category: 'pods-not-replaced',
        fatal: false,
        workload: `ReplicationController/${NS}/legacy`,
        count: '2/2 pods',
        message:
          '2 of 2 pods (legacy-a, legacy-b) still run an older pod template: a ReplicationController does not replace its pods when its template changes, so only pods it creates from now on use the new one',
        hint: `Move legacy to a Deployment, which replaces pods when the template changes (kubectl rolling-update, which did it for RCs, was removed in kubectl 1.18). Until then delete the old pods so the ReplicationController recreates them from the new template: kubectl delete pod -n ${NS} legacy-a legacy-b.`,
      }),
    ]);
  });

  it('no note when every pod runs the template, and none for other kinds', () => {
    expect(workloadNotes(rc('legacy:2'), snapshot({ pods: [rcPod('legacy-a', 'legacy:2'), rcPod('legacy-b', 'legacy:2')] }), NOW)).toEqual(
      [],
    );
    expect(workloadNotes({ ...rc('legacy:2'), kind: 'Deployment' }, snapshot({}), NOW)).toEqual([]);
  });
});

describe('pods of an older template', () => {
  it('names three pods, sorted, and counts the rest', () => {
    const pods = ['legacy-e', 'legacy-c', 'legacy-a', 'legacy-d', 'legacy-b'].map((n) => rcPod(n, 'legacy:1'));
    const [note] = workloadNotes(rc('legacy:2'), snapshot({ replicationControllers: [rc('legacy:2')], pods }), NOW);
    expect(note.message).toBe(
      '5 of 5 pods (legacy-a, legacy-b, legacy-c and 2 more) still run an older pod template: a ReplicationController does not replace its pods when its template changes, so only pods it creates from now on use the new one',
    );
  });

  const migrate = (image: string) => [{ name: 'migrate', image }];
  it.each([
    [
      'a container the pod lacks',
      [
        { name: 'app', image: 'legacy:2' },
        { name: 'sidecar', image: 'proxy:1' },
      ],
      migrate('m:1'),
      false,
    ],
    ['an init container that differs', [{ name: 'app', image: 'legacy:2' }], migrate('m:2'), false],
    ['args differ', [{ name: 'app', image: 'legacy:2', args: ['--fast'] }], migrate('m:1'), false],
    ['an empty env is no env', [{ name: 'app', image: 'legacy:2', env: [] }], migrate('m:1'), true],
  ])('runsTemplate: %s', (_, containers, initContainers, want) => {
    const base = rcPod('legacy-a', 'legacy:2');
    const p = { ...base, spec: { ...base.spec, initContainers: migrate('m:1') } };
    expect(runsTemplate(p, { metadata: { labels: { app: 'legacy' } }, spec: { containers, initContainers } })).toBe(want);
  });
});
