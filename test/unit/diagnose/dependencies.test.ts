// Which Services of the deploy a container's configuration names: the deploy's Services that lead to its workloads,
// its ConfigMaps and Secrets as text, the Service names as host tokens, and when a Service's backend came up.
import { describe, expect, it } from 'vitest';
import { namedServices, upSince } from '../../../src/diagnose/dependencies.js';
import { runContextOf } from '../../../src/diagnose/run-context.js';
import { ago, NOW, pod, running } from './fixtures.js';

const NS = 'shop';
const service = (name: string, selector?: Record<string, string>, namespace = NS) => ({
  apiVersion: 'v1',
  kind: 'Service',
  metadata: { name, namespace },
  spec: { ...(selector ? { selector } : {}), ports: [{ port: 5432 }] },
});
const workload = (kind: string, name: string, labels: Record<string, string>) => ({
  apiVersion: kind === 'Pod' ? 'v1' : 'apps/v1',
  kind,
  metadata: { name, namespace: NS, ...(kind === 'Pod' ? { labels } : {}) },
  spec: kind === 'Pod' ? { containers: [] } : { selector: { matchLabels: labels }, template: { metadata: { labels }, spec: {} } },
});
const configMap = (name: string, data: Record<string, string>) => ({
  apiVersion: 'v1',
  kind: 'ConfigMap',
  metadata: { name, namespace: NS },
  data,
});
const secret = (name: string, data: Record<string, string>, stringData: Record<string, string> = {}) => ({
  apiVersion: 'v1',
  kind: 'Secret',
  metadata: { name, namespace: NS },
  data: Object.fromEntries(Object.entries(data).map(([k, v]) => [k, Buffer.from(v).toString('base64')])),
  stringData,
});

const DB = [service('db', { app: 'db' }), workload('StatefulSet', 'db', { app: 'db', tier: 'data' })];

describe('runContextOf: Services and configuration', () => {
  it('knows each Service that selects the pods of a workload of the deploy, and the workload behind it', () => {
    const run = runContextOf([
      ...DB,
      service('cache', { app: 'redis' }),
      workload('Deployment', 'redis', { app: 'redis' }),
      service('external'), // no selector: endpoints kept by hand, or an ExternalName
      service('elsewhere', { app: 'not-in-this-deploy' }),
      service('other-ns', { app: 'db' }, 'billing'),
      service('lone', { app: 'lone' }),
      workload('Pod', 'lone', { app: 'lone' }),
    ]);
    expect(run.services.map((s) => [s.namespace, s.name, s.workload, s.selector])).toEqual([
      ['shop', 'db', 'StatefulSet shop/db', { app: 'db' }],
      ['shop', 'cache', 'Deployment shop/redis', { app: 'redis' }],
      ['shop', 'lone', 'Pod shop/lone', { app: 'lone' }],
    ]);
  });

  it('reads ConfigMaps as they are and Secrets decoded, stringData winning', () => {
    const run = runContextOf([
      configMap('app', { DB_HOST: 'db' }),
      secret('creds', { url: 'postgres://app:pw@db:5432/shop', user: 'app' }, { user: 'admin' }),
    ]);
    expect(run.config.get('ConfigMap/shop/app')).toEqual({ DB_HOST: 'db' });
    expect(run.config.get('Secret/shop/creds')).toEqual({ url: 'postgres://app:pw@db:5432/shop', user: 'admin' });
  });
});

/** An app pod (labels app=web) whose first container has `container`'s fields. */
function appPod(container: Record<string, unknown>, spec: Record<string, unknown> = {}) {
  return pod({ spec: { containers: [{ name: 'app', image: 'ghcr.io/acme/web:1.4.2', ...container }], ...spec } });
}
const names = (p: unknown, objects: unknown[] = []) =>
  namedServices(p as never, 'app', runContextOf([...DB, ...(objects as never[])])).map((s) => s.name);
const env = (value: string) => ({ env: [{ name: 'DATABASE_URL', value }] });

describe('namedServices', () => {
  it.each([
    ['postgres://u:p@db:5432/x', ['db']],
    ['db', ['db']],
    ['db:5432', ['db']],
    ['db.shop', ['db']],
    ['db.shop.svc:5432', ['db']],
    ['jdbc:postgresql://db.shop.svc.cluster.local:5432/x?ssl=true', ['db']],
    ['host=db port=5432', ['db']],
    ['mydb:5432', []],
    ['db-backup:5432', []],
    ['db_host', []],
    ['db.example.com', []],
    ['replica.db.internal', []],
    ['db.billing.svc', []],
    ['', []],
  ])('env value %j names %j', (value, expected) => {
    expect(names(appPod(env(value)))).toEqual(expected);
  });

  it('reads args and command', () => {
    expect(names(appPod({ args: ['--listen=:8080', '--db-host=db'] }))).toEqual(['db']);
    expect(names(appPod({ command: ['/wait-for', 'db.shop.svc:5432', '--', '/app'] }))).toEqual(['db']);
  });

  it('reads the values of the ConfigMaps and Secrets of the deploy it reads through env valueFrom and envFrom', () => {
    const cm = configMap('app-config', { DB_HOST: 'db', LOG: 'info' });
    const creds = secret('db-creds', { url: 'postgres://app:hunter2@db:5432/shop' });
    const keyRef = (key: string, from: string, name: string) => ({ name: 'X', valueFrom: { [from]: { name, key } } });
    expect(names(appPod({ env: [keyRef('DB_HOST', 'configMapKeyRef', 'app-config')] }), [cm])).toEqual(['db']);
    expect(names(appPod({ env: [keyRef('LOG', 'configMapKeyRef', 'app-config')] }), [cm])).toEqual([]);
    expect(names(appPod({ env: [keyRef('url', 'secretKeyRef', 'db-creds')] }), [creds])).toEqual(['db']);
    expect(names(appPod({ envFrom: [{ secretRef: { name: 'db-creds' } }] }), [creds])).toEqual(['db']);
    expect(names(appPod({ envFrom: [{ configMapRef: { name: 'app-config' } }] }), [cm])).toEqual(['db']);
    // Not an object of this deploy: nothing to read.
    expect(names(appPod({ envFrom: [{ configMapRef: { name: 'app-config' } }] }))).toEqual([]);
  });

  it('reads ConfigMaps and Secrets mounted as volumes into this container, not those it does not mount', () => {
    const cm = configMap('app-config', { 'app.yaml': 'database:\n  host: db\n  port: 5432\n' });
    const volumes = [{ name: 'config', configMap: { name: 'app-config' } }];
    expect(names(appPod({ volumeMounts: [{ name: 'config', mountPath: '/etc/app' }] }, { volumes }), [cm])).toEqual(['db']);
    expect(names(appPod({}, { volumes }), [cm])).toEqual([]);
    const projected = [{ name: 'all', projected: { sources: [{ configMap: { name: 'app-config' } }] } }];
    expect(names(appPod({ volumeMounts: [{ name: 'all', mountPath: '/etc/app' }] }, { volumes: projected }), [cm])).toEqual(['db']);
  });

  it("ignores the pod's own Service, and a container that names nothing", () => {
    const own = [service('web', { app: 'web' }), workload('Deployment', 'web', { app: 'web' })];
    expect(names(appPod(env('http://web:8080/callback')), own)).toEqual([]);
    expect(names(appPod({}))).toEqual([]);
  });
});

describe('upSince', () => {
  const [db] = runContextOf(DB).services;
  const dbPod = (name: string, ready: boolean, readyAgo: number, extra: Record<string, unknown> = {}) =>
    pod({
      name,
      ready,
      metadata: { labels: { app: 'db', tier: 'data' }, ownerReferences: [] },
      conditions: [{ type: 'Ready', status: ready ? 'True' : 'False', lastTransitionTime: ago(readyAgo) }],
      containerStatuses: [running('postgres', ready)],
      ...extra,
    });

  it('is the earliest Ready transition among the Ready pods it selects', () => {
    expect(upSince(db, [dbPod('db-0', true, 30), dbPod('db-1', true, 90), dbPod('db-2', false, 200)])).toBe(NOW.getTime() - 90_000);
  });

  it('is null while no selected pod is Ready, or only ones being deleted or in another namespace are', () => {
    expect(upSince(db, [])).toBeNull();
    expect(upSince(db, [dbPod('db-0', false, 5)])).toBeNull();
    expect(upSince(db, [dbPod('db-0', true, 5, { metadata: { labels: { app: 'db' }, deletionTimestamp: ago(1) } })])).toBeNull();
    expect(upSince(db, [dbPod('db-0', true, 5, { metadata: { labels: { app: 'db' }, namespace: 'billing' } })])).toBeNull();
    expect(upSince(db, [pod({ ready: true })])).toBeNull(); // the app's pods: not selected
  });
});
