// An app that fails until its database (a Service of the same deploy) is up: provisional while the database has no
// Ready pod or came up after the app's last exit, its category's own policy once the database has been up; a failure
// that names no such Service is judged exactly as before.
import { describe, expect, it } from 'vitest';
import { diagnoseWorkload, isDoomed } from '../../../src/diagnose/index.js';
import { judgeWindow, openWindow } from '../../../src/diagnose/stability.js';
import { EMPTY_RUN, runContextOf } from '../../../src/diagnose/run-context.js';
import { NOW, ago, crashLooping, deployment, event, pod, running, snapshot, terminated, waiting } from './fixtures.js';

const SECRET_URL = 'postgres://app:hunter2@db:5432/shop';

function statefulSet(name: string, containers: unknown[]): any {
  return {
    apiVersion: 'apps/v1',
    kind: 'StatefulSet',
    metadata: { name, namespace: 'shop', uid: `sts-${name}`, generation: 1 },
    spec: {
      replicas: 1,
      selector: { matchLabels: { app: name } },
      template: { metadata: { labels: { app: name } }, spec: { containers } },
    },
    status: { observedGeneration: 1, replicas: 1, updateRevision: `${name}-r1`, currentRevision: `${name}-r1` },
  };
}
const service = (name: string) => ({
  apiVersion: 'v1',
  kind: 'Service',
  metadata: { name, namespace: 'shop' },
  spec: { selector: { app: name } },
});
const DB = statefulSet('db', [{ name: 'postgres', image: 'postgres:17' }]);
const CREDS = {
  apiVersion: 'v1',
  kind: 'Secret',
  metadata: { name: 'db-creds', namespace: 'shop' },
  data: { url: Buffer.from(SECRET_URL).toString('base64') },
};
const RUN = runContextOf([CREDS, service('db'), DB, deployment()]);

/** The StatefulSet's pod `name`-0: Ready since `readyAgo` seconds, or not Ready (null), or waiting as `status` says. */
function stsPod(name: string, readyAgo: number | null, status?: unknown): any {
  return pod({
    name: `${name}-0`,
    ready: readyAgo !== null,
    metadata: {
      labels: { app: name, 'controller-revision-hash': `${name}-r1` },
      ownerReferences: [{ apiVersion: 'apps/v1', kind: 'StatefulSet', name, uid: `sts-${name}`, controller: true }],
    },
    conditions: [{ type: 'Ready', status: readyAgo !== null ? 'True' : 'False', lastTransitionTime: ago(readyAgo ?? 60) }],
    containerStatuses: [status ?? running('postgres', readyAgo !== null)],
  });
}
const dbUp = (readyAgo: number) => stsPod('db', readyAgo);
const dbDown = () => stsPod('db', null, waiting('postgres', 'ContainerCreating', undefined));

const APP = [
  {
    name: 'app',
    image: 'ghcr.io/acme/web:1.4.2',
    env: [{ name: 'DATABASE_URL', valueFrom: { secretKeyRef: { name: 'db-creds', key: 'url' } } }],
  },
];

/** A pod of the app in CrashLoopBackOff after its third exit, `exitAgo` seconds ago. */
function crashingApp(exitAgo = 5, o: Parameters<typeof pod>[0] = {}): any {
  return pod({ spec: { containers: APP }, containerStatuses: [crashLooping('app', terminated(1, 'Error', undefined, exitAgo), 3)], ...o });
}
const world = (...pods: unknown[]) => snapshot({ statefulSets: [DB], pods: pods as never[] });

describe('a crash loop whose configuration names a Service of the deploy', () => {
  it('waits while the database has no Ready pod, says so, and never quotes the Secret', () => {
    const s = world(crashingApp(), dbDown());
    expect(isDoomed(deployment(), s, NOW, { run: RUN })).toBe(false);
    const [f] = diagnoseWorkload(deployment(), s, NOW, { run: RUN });
    expect(f).toMatchObject({ category: 'crash-loop', fatal: false });
    expect(f.message).toMatch(
      /keeps crashing with exit code 1.*; its configuration names Service db \(StatefulSet shop\/db\), which has no ready pod yet: waiting for it$/,
    );
    expect(JSON.stringify(f)).not.toContain('hunter2');
  });

  it.each([
    ['the database came up after the last exit', false, 5, 3, /which became ready after this exit: waiting for the next start$/],
    ['the database came up less than 2 s before the last exit', false, 5, 6, /which became ready after this exit/],
    ['the app crashed again after the database came up', true, 1, 4, /restarted 3 times$/],
    ['the database was up long before the crash', true, 5, 600, /restarted 3 times$/],
  ])('%s: fatal %s', (_, fatal, exitAgo, readyAgo, message) => {
    const s = world(crashingApp(exitAgo), dbUp(readyAgo));
    expect(isDoomed(deployment(), s, NOW, { run: RUN })).toBe(fatal);
    const [f] = diagnoseWorkload(deployment(), s, NOW, { run: RUN });
    expect(f).toMatchObject({ category: 'crash-loop', fatal });
    expect(f.message).toMatch(message);
  });

  it('a crash that names no Service of the deploy is fatal at once, as before', () => {
    const noService = runContextOf([CREDS, DB, deployment()]);
    for (const run of [noService, EMPTY_RUN]) {
      expect(isDoomed(deployment(), world(crashingApp(), dbDown()), NOW, { run })).toBe(true);
    }
    const app = pod({ containerStatuses: [crashLooping('app', terminated(1, 'Error'), 3)] }); // no env at all
    expect(isDoomed(deployment(), world(app, dbDown()), NOW, { run: RUN })).toBe(true);
  });

  it('does not wait for a database whose own workload is doomed (its image does not exist)', () => {
    const missing = 'rpc error: code = NotFound desc = failed to pull and unpack image "docker.io/library/postgres:99": not found';
    const s = world(crashingApp(), stsPod('db', null, waiting('postgres', 'ErrImagePull', missing)));
    expect(isDoomed(DB, s, NOW, { run: RUN })).toBe(true);
    expect(isDoomed(deployment(), s, NOW, { run: RUN })).toBe(true);
    expect(diagnoseWorkload(deployment(), s, NOW, { run: RUN })[0].message).not.toMatch(/configuration names/);
  });

  it('two workloads that wait for each other are not doomed by it (only the deadline can tell)', () => {
    const named = (other: string) => [{ name: 'app', image: 'a:1', env: [{ name: 'PEER', value: `http://${other}:8080` }] }];
    const a = statefulSet('a', named('b'));
    const b = statefulSet('b', named('a'));
    const run = runContextOf([service('a'), service('b'), a, b]);
    const crashing = (name: string, other: string) => ({
      ...stsPod(name, null, crashLooping('app', terminated(1, 'Error'), 3)),
      spec: { nodeName: 'worker-1', restartPolicy: 'Always', containers: named(other) },
    });
    const s = snapshot({ statefulSets: [a, b], pods: [crashing('a', 'b'), crashing('b', 'a')] });
    expect(isDoomed(a, s, NOW, { run })).toBe(false);
    expect(isDoomed(b, s, NOW, { run })).toBe(false);
  });

  it('a node-concentrated finding waits as the crash it groups', () => {
    const pods = (...extra: unknown[]) => [
      crashingApp(5, { name: 'web-7d9f8c6b5-a', node: 'worker-2' }),
      pod({ name: 'web-7d9f8c6b5-b', ready: true, spec: { containers: APP }, containerStatuses: [running('app', true)] }),
      ...extra,
    ];
    const fatalOf = (run: typeof RUN, ...extra: unknown[]) =>
      diagnoseWorkload(deployment(), world(...pods(...extra)), NOW, { run })
        .map((f) => [f.category, f.fatal])
        .sort();
    expect(fatalOf(RUN, dbDown())).toEqual([
      ['crash-loop', false],
      ['node-concentrated', false],
    ]);
    expect(fatalOf(RUN, dbUp(600))).toEqual([
      ['crash-loop', true],
      ['node-concentrated', true],
    ]);
  });
});

describe('the other failures a missing database causes', () => {
  it('an init container that exits until the database answers (init-container-failed)', () => {
    const init = [{ name: 'migrate', image: 'ghcr.io/acme/migrate:1', args: ['--db', 'db.shop.svc:5432'] }];
    const app = pod({
      phase: 'Pending',
      initContainers: init,
      conditions: [
        { type: 'Initialized', status: 'False', reason: 'ContainersNotInitialized', lastTransitionTime: ago(120) },
        { type: 'Ready', status: 'False', reason: 'ContainersNotReady', lastTransitionTime: ago(120) },
      ],
      containerStatuses: [waiting('app', 'PodInitializing', undefined)],
      initContainerStatuses: [crashLooping('migrate', terminated(1, 'Error', undefined, 5), 2)],
    });
    const verdict = (db: unknown) => diagnoseWorkload(deployment(), world(app, db), NOW, { run: RUN })[0];
    expect(verdict(dbDown())).toMatchObject({ category: 'init-container-failed', fatal: false });
    expect(verdict(dbDown()).message).toMatch(/Service db \(StatefulSet shop\/db\), which has no ready pod yet: waiting for it$/);
    expect(verdict(dbUp(600))).toMatchObject({ category: 'init-container-failed', fatal: true });
  });

  it("a Job's container that exits non-zero and is restarted (exited-nonzero, restartPolicy OnFailure); Never is final", () => {
    const job = {
      apiVersion: 'batch/v1',
      kind: 'Job',
      metadata: { name: 'migrate', namespace: 'shop', uid: 'job-uid' },
      spec: { backoffLimit: 2, template: {} },
      status: { active: 1 },
    };
    const jobPod = (restartPolicy: string) => {
      const p = pod({
        name: 'migrate-abcde',
        spec: { restartPolicy, containers: [{ name: 'migrate', image: 'm:1', env: [{ name: 'DB_HOST', value: 'db' }] }] },
        containerStatuses: [{ ...running('migrate', false), restartCount: 1, state: terminated(1, 'Error', 'connection refused') }],
      });
      p.metadata.labels = { 'batch.kubernetes.io/controller-uid': 'job-uid', 'batch.kubernetes.io/job-name': 'migrate' };
      p.metadata.ownerReferences = [{ apiVersion: 'batch/v1', kind: 'Job', name: 'migrate', uid: 'job-uid', controller: true }];
      return p;
    };
    const run = runContextOf([service('db'), DB, job]);
    const verdict = (restartPolicy: string) =>
      diagnoseWorkload(job, snapshot({ jobs: [job], statefulSets: [DB], pods: [jobPod(restartPolicy), dbDown()] }), NOW, { run })[0];
    expect(verdict('OnFailure')).toMatchObject({ category: 'exited-nonzero', fatal: false });
    expect(verdict('Never')).toMatchObject({ category: 'exited-nonzero', fatal: true });
  });

  const probed = [{ ...APP[0], readinessProbe: { httpGet: { path: '/ready', port: 8080 } } }];
  it.each([
    ['no Ready pod', false, dbDown(), /which has no ready pod yet: waiting for it$/],
    ['Ready for 10 s', false, dbUp(10), /which became ready 10 s ago: giving the probe time to pass$/],
    ['Ready for 60 s', true, dbUp(60), /; not ready after 110s; /],
  ])('a readiness probe failing past its allowance, the database %s: fatal %s', (_, fatal, db, message) => {
    const app = pod({ spec: { containers: probed }, containerStatuses: [running('app', false)] });
    const e = event(app, 'Warning', 'Unhealthy', 'Readiness probe failed: HTTP probe failed with statuscode: 503', {
      count: 10,
      container: 'app',
    });
    const [f] = diagnoseWorkload(deployment(), snapshot({ statefulSets: [DB], pods: [app, db], events: [e] }), NOW, { run: RUN });
    expect(f).toMatchObject({ category: 'readiness-probe-failing', fatal });
    expect(f.message).toMatch(message);
  });

  it.each([
    ['no Ready pod', false, dbDown()],
    ['Ready for 20 s', false, dbUp(20)],
    ['Ready for 31 s', true, dbUp(31)],
  ])('a liveness probe that keeps killing the container, the database %s: fatal %s', (_, fatal, db) => {
    const app = crashingApp(5, { containerStatuses: [crashLooping('app', terminated(137, 'Error'), 3)] });
    const events = [
      event(app, 'Warning', 'Unhealthy', 'Liveness probe failed: HTTP probe failed with statuscode: 500', { count: 9, container: 'app' }),
      event(app, 'Normal', 'Killing', 'Container app failed liveness probe, will be restarted', { count: 3, container: 'app' }),
    ];
    const [f] = diagnoseWorkload(deployment(), snapshot({ statefulSets: [DB], pods: [app, db], events }), NOW, { run: RUN });
    expect(f).toMatchObject({ category: 'liveness-probe-failing', fatal });
  });

  it('an OOM kill is not something a missing database causes: fatal as before', () => {
    const app = crashingApp(5, { containerStatuses: [crashLooping('app', terminated(137, 'OOMKilled'), 3)] });
    expect(diagnoseWorkload(deployment(), world(app, dbDown()), NOW, { run: RUN })[0]).toMatchObject({
      category: 'oom-killed',
      fatal: true,
    });
  });
});

describe('the stability window', () => {
  const REF = { kind: 'Deployment' as const, namespace: 'shop', name: 'web' };
  const at = (seconds: number) => new Date(NOW.getTime() + seconds * 1000);
  /** The app's pod: Ready since `readyAgo` s, after `restarts` restarts, the last exit `exitAgo` s ago. */
  const app = (readyAgo: number, restarts = 0, exitAgo = readyAgo + 1) =>
    pod({
      ready: true,
      spec: { containers: APP },
      conditions: [{ type: 'Ready', status: 'True', lastTransitionTime: ago(readyAgo) }],
      containerStatuses: [
        running('app', true, {
          restartCount: restarts,
          state: { running: { startedAt: ago(readyAgo) } },
          ...(restarts ? { lastState: terminated(1, 'Error', undefined, exitAgo) } : {}),
        }),
      ],
    });

  it('a restart while the database is down starts the pod over instead of breaking the window', () => {
    const window = openWindow('Deployment', deployment(), world(app(5), dbDown()), NOW.getTime());
    // 3 s later: the app crashed (2 s ago) and runs again since 1 s; the database is still down.
    expect(judgeWindow(REF, deployment(), world(app(-2, 1, -1), dbDown()), window, at(3), 10_000, RUN)).toEqual({
      state: 'waiting',
      untilMs: at(12).getTime() + 999, // the Ready stamp is whole seconds
    });
    // The database came up after that exit; the app has stayed Ready 10 s since its restart: it held.
    expect(judgeWindow(REF, deployment(), world(app(-2, 1, -1), dbUp(-5)), window, at(13), 10_000, RUN)).toEqual({
      state: 'stable',
      note: '1/1 new pod restarted while Service db (StatefulSet shop/db) was not up yet',
    });
  });

  it('a restart once the database has been up breaks it, as it does with no database at all', () => {
    const start = world(app(5), dbUp(600));
    for (const run of [RUN, EMPTY_RUN]) {
      const window = openWindow('Deployment', deployment(), start, NOW.getTime());
      const verdict = judgeWindow(REF, deployment(), world(app(-2, 1, -1), dbUp(600)), window, at(3), 10_000, run);
      expect(verdict.state === 'broken' && verdict.what).toBe('1/1 new pod crashed (exit 1)');
    }
  });
});
