// The IO edge of the wait for objects that are not workloads: one list+watch per kind and namespace (cluster-scoped
// kinds once), their namespaces' events for the diagnosis on top, and the StorageClasses once when a claim is
// waited for (the rules stay pure: status/generic/pvc.ts). A kind that cannot be watched (RBAC, or its CRD gone) is
// not waited for, with a warning naming the permission; it never fails the deploy by itself.
import type { KubeClient } from '../kube/client.js';
import { COLLECTIONS } from '../k8s/kinds.js';
import type { KubeObject } from '../k8s/objects.js';
import { describeError } from '../errors.js';
import type { Judge } from './judge.js';
import type { LiveStore } from './live-store.js';
import { GenericStore } from './generic-store.js';
import { genericTargets, groupOf, kindKey, type AppliedRef, type GenericTarget, type WaitFor } from './generic-targets.js';
import { GenericTracker } from './generic-tracker.js';
import type { CollectionSpec } from './watch-plan.js';

export interface GenericWaitOptions {
  judge: Judge;
  failFast: boolean;
  minReadyMs?: number;
  waitForLoadBalancers?: boolean;
  log: (line: string) => void;
  /** The workloads' store: its events collection feeds the diagnosis, and gains the namespaces only objects are in. */
  store: LiveStore;
  /** The workloads' watches, so a namespace's events are watched once. */
  watchedEvents: readonly CollectionSpec[];
  onChange: () => void;
  warn: (warning: string) => void;
}

export interface GenericWait {
  tracker: GenericTracker;
  /** Starts the watches; they end with `signal`. */
  start(signal: AbortSignal): void;
}

interface Collection {
  apiVersion: string;
  kind: string;
  /** "" for a cluster-scoped kind. */
  namespace: string;
}

function collectionsOf(targets: readonly GenericTarget[]): Collection[] {
  const seen = new Map<string, Collection>();
  for (const t of targets)
    seen.set(`${t.apiVersion}/${t.kind}/${t.namespace}`, { apiVersion: t.apiVersion, kind: t.kind, namespace: t.namespace });
  return [...seen.values()];
}

async function listStorageClasses(client: KubeClient, warn: (w: string) => void): Promise<unknown[] | undefined> {
  try {
    return await client.list('storage.k8s.io/v1', 'StorageClass', undefined);
  } catch (e) {
    warn(
      `could not list StorageClasses (${describeError(e).split(':')[0]}): a claim whose class binds on first consumer is waited for until Bound. Grant list on storageclasses (storage.k8s.io) to tell`,
    );
    return undefined;
  }
}

export async function prepareGenericWait(
  client: KubeClient,
  targets: readonly GenericTarget[],
  options: GenericWaitOptions,
): Promise<GenericWait | null> {
  const judge = options.judge.objects;
  if (targets.length === 0 || !judge) return null;
  const storageClasses = targets.some((t) => t.kind === 'PersistentVolumeClaim' && t.apiVersion === 'v1')
    ? await listStorageClasses(client, options.warn)
    : undefined;
  const objects = new GenericStore(options.onChange);
  const tracker = new GenericTracker(
    targets,
    { find: (t) => objects.find(t) as KubeObject | undefined, events: () => options.store.list('events') },
    {
      judge,
      statusOptions: { waitForLoadBalancers: options.waitForLoadBalancers ?? false, ...(storageClasses ? { storageClasses } : {}) },
      failFast: options.failFast,
      firstStatusMs: options.minReadyMs ?? 0,
      log: options.log,
    },
  );
  const start = (signal: AbortSignal) => {
    for (const c of collectionsOf(targets)) watchCollection(client, c, objects, tracker, options, signal);
    watchEvents(client, targets, options, signal);
  };
  return { tracker, start };
}

function watchCollection(
  client: KubeClient,
  c: Collection,
  objects: GenericStore,
  tracker: GenericTracker,
  options: GenericWaitOptions,
  signal: AbortSignal,
): void {
  const where = c.namespace ? ` in ${c.namespace}` : '';
  const refused = (e: Error) => {
    if (signal.aborted || client.http.runSignal?.aborted) return;
    const dropped = tracker.drop((t) => t.apiVersion === c.apiVersion && t.kind === c.kind && t.namespace === c.namespace);
    if (dropped === 0) return;
    void client
      .resource(c.apiVersion, c.kind)
      .then((r) => r.plural)
      .catch(() => `${c.kind.toLowerCase()}s`)
      .then((plural) => {
        const group = groupOf(c.apiVersion) || 'core';
        options.warn(
          `could not watch ${c.kind}s${where} (${e.message.split(':')[0]}): ${dropped} not waited for. Grant list and watch on ${plural} (${group})${where}, or leave ${c.kind} out of wait-for`,
        );
        options.onChange();
      });
  };
  client
    .watchCollection(
      c.apiVersion,
      c.kind,
      c.namespace || undefined,
      objects.watcher(c.apiVersion, c.kind, c.namespace, refused),
      signal,
      {},
      options.log,
    )
    .catch(refused);
}

/** Events only enrich the findings: a refused watch costs a warning, nothing else. */
function watchEvents(client: KubeClient, targets: readonly GenericTarget[], options: GenericWaitOptions, signal: AbortSignal): void {
  const watched = new Set(options.watchedEvents.filter((s) => s.collection === 'events').map((s) => s.namespace));
  const namespaces = new Set(targets.map((t) => t.namespace).filter((ns) => ns !== '' && !watched.has(ns)));
  const { apiVersion, kind } = COLLECTIONS.events;
  for (const namespace of namespaces) {
    const warn = (e: Error) => {
      if (!signal.aborted) options.warn(`could not watch events in ${namespace} (${e.message.split(':')[0]}): findings are thinner`);
    };
    const watcher = options.store.watcher('events', namespace, { apiVersion, kind }, warn);
    client.watchCollection(apiVersion, kind, namespace, watcher, signal, {}, options.log).catch(warn);
  }
}

/** The applied objects to wait for (generic-targets.ts), asking discovery (cached since the apply) which kinds report a status. */
export async function resolveGenericTargets(
  client: KubeClient,
  objects: readonly AppliedRef[],
  waitFor: WaitFor,
): Promise<GenericTarget[]> {
  if (waitFor.mode === 'workloads') return [];
  const withStatus = new Set<string>();
  const kinds = new Map(objects.map((o) => [kindKey(o.apiVersion ?? '', o.kind), o]));
  await Promise.all(
    [...kinds].map(async ([key, o]) => {
      const info = await client.resource(o.apiVersion ?? '', o.kind).catch(() => null);
      if (info?.hasStatus) withStatus.add(key);
    }),
  );
  return genericTargets(objects, waitFor, (key) => withStatus.has(key));
}
