// The kubelet resolves env from Secrets and ConfigMaps before it creates a container (kubelet_pods.go
// makeEnvironmentVariables) and fails with CreateContainerConfigError, message `secret "x" not found` (its secret
// manager's NotFound for resource "secret"), `couldn't find key k in Secret ns/x`, or the ConfigMap variants. A KWOK
// stage cannot read the API, so this helper checks, then writes the kubelet's first status: ContainerCreating when
// everything resolves (the healthy stage takes it from there) or the error, re-checked every 10 s like the kubelet's
// pod worker.
import crypto from 'node:crypto';
import { request } from './http.mjs';
import { normalizedImage } from './messages.mjs';

const RECHECK_MS = 10_000;

/** The Secret/ConfigMap reads of each container, in the kubelet's order (init containers, envFrom, then env). */
export function configReads(pod) {
  const out = [];
  for (const list of ['initContainers', 'containers']) {
    for (const c of pod.spec[list] ?? []) {
      const reads = [];
      for (const f of c.envFrom ?? []) {
        if (f.configMapRef) reads.push({ kind: 'configmap', name: f.configMapRef.name, optional: f.configMapRef.optional === true });
        if (f.secretRef) reads.push({ kind: 'secret', name: f.secretRef.name, optional: f.secretRef.optional === true });
      }
      for (const e of c.env ?? []) {
        const ref = e.valueFrom?.configMapKeyRef ?? e.valueFrom?.secretKeyRef;
        if (!ref) continue;
        reads.push({
          kind: e.valueFrom.configMapKeyRef ? 'configmap' : 'secret',
          name: ref.name,
          key: ref.key,
          optional: ref.optional === true,
        });
      }
      if (reads.some((r) => !r.optional)) out.push({ list, name: c.name, reads });
    }
  }
  return out;
}

/** The kubelet's error for one container, or null; `lookup(kind, name)` returns the object or null. */
export async function configError(namespace, reads, lookup) {
  for (const r of reads) {
    const obj = await lookup(r.kind, r.name);
    if (!obj) {
      if (r.optional) continue;
      return `${r.kind} "${r.name}" not found`;
    }
    if (r.key === undefined) continue;
    const has = r.kind === 'secret' ? r.key in (obj.data ?? {}) : r.key in (obj.data ?? {}) || r.key in (obj.binaryData ?? {});
    if (!has && !r.optional) return `couldn't find key ${r.key} in ${r.kind === 'secret' ? 'Secret' : 'ConfigMap'} ${namespace}/${r.name}`;
  }
  return null;
}

const sha = (s) => crypto.createHash('sha256').update(s).digest('hex');
const rfc3339 = (d) => d.toISOString().replace(/\.\d{3}Z$/, 'Z');

function containerStatus(pod, c, state, extra = {}) {
  const base = { name: c.name, image: c.image, imageID: '', lastState: {}, ready: false, restartCount: 0, started: false, state };
  if (!extra.running) return base;
  const img = normalizedImage(c.image);
  const id = `containerd://${sha(`${pod.metadata.uid}/${c.name}/0`)}`;
  return { ...base, image: img, imageID: `${img.replace(/:[^/:]+$/, '')}@sha256:${sha(img)}`, containerID: id, ...extra.fields };
}

/** The status patch the kubelet writes first: `errors` maps "list/name" to an error message. */
export function firstStatus(pod, errors, now) {
  const t = rfc3339(now);
  const gen = pod.metadata.generation ?? 1;
  const init = pod.spec.initContainers ?? [];
  const failedInit = init.findIndex((c) => errors.has(`initContainers/${c.name}`));
  const initDone = init.length === 0 || (failedInit < 0 && errors.size > 0);
  const waitingFor = (c, list) => {
    const error = errors.get(`${list}/${c.name}`);
    return error ? { waiting: { reason: 'CreateContainerConfigError', message: error } } : null;
  };
  const initContainerStatuses = init.map((c, i) => {
    if (initDone)
      return containerStatus(
        pod,
        c,
        {
          terminated: {
            exitCode: 0,
            reason: 'Completed',
            startedAt: t,
            finishedAt: t,
            containerID: `containerd://${sha(`${pod.metadata.uid}/${c.name}/0`)}`,
          },
        },
        { running: true, fields: { ready: true } },
      );
    if (i === failedInit) return containerStatus(pod, c, waitingFor(c, 'initContainers'));
    return containerStatus(pod, c, { waiting: { reason: 'PodInitializing' } });
  });
  const containerStatuses = [...pod.spec.containers]
    .sort((a, b) => (a.name < b.name ? -1 : 1))
    .map((c) => {
      if (!initDone) return containerStatus(pod, c, { waiting: { reason: 'PodInitializing' } });
      if (errors.size === 0) return containerStatus(pod, c, { waiting: { reason: 'ContainerCreating' } });
      return containerStatus(
        pod,
        c,
        waitingFor(c, 'containers') ?? { running: { startedAt: t } },
        errors.has(`containers/${c.name}`) ? {} : { running: true, fields: { ready: true, started: true } },
      );
    });
  const unready = pod.spec.containers.filter((c) => !containerStatuses.find((s) => s.name === c.name).ready).map((c) => c.name);
  const cond = (type, status, reason, message) => ({ type, status, lastTransitionTime: t, observedGeneration: gen, reason, message });
  const notReady = unready.length
    ? ['False', 'ContainersNotReady', `containers with unready status: [${unready.join(' ')}]`]
    : ['True', null, null];
  return {
    status: {
      phase: 'Pending',
      observedGeneration: gen,
      conditions: [
        cond('PodReadyToStartContainers', 'True', null, null),
        initDone
          ? cond('Initialized', 'True', null, null)
          : cond(
              'Initialized',
              'False',
              'ContainersNotInitialized',
              `containers with incomplete status: [${init.map((c) => c.name).join(' ')}]`,
            ),
        cond('ContainersReady', ...notReady),
        cond('Ready', ...notReady),
      ],
      hostIP: '127.0.0.1',
      hostIPs: [{ ip: '127.0.0.1' }],
      startTime: pod.status?.startTime ?? t,
      containerStatuses,
      ...(init.length ? { initContainerStatuses } : {}),
    },
  };
}

/** True when the pod already shows exactly these errors (nothing to write). */
function sameErrors(pod, errors) {
  const shown = new Map();
  for (const list of ['initContainers', 'containers']) {
    for (const st of pod.status?.[list === 'containers' ? 'containerStatuses' : 'initContainerStatuses'] ?? []) {
      if (st.state?.waiting?.reason === 'CreateContainerConfigError') shown.set(`${list}/${st.name}`, st.state.waiting.message);
    }
  }
  return shown.size === errors.size && [...errors].every(([k, v]) => shown.get(k) === v);
}

export function createConfigChecker({ log }) {
  const pending = new Map(); // uid -> { pod, retryAt }
  const busy = new Set();
  const cache = new Map(); // "ns/kind/name" -> { at, obj }

  async function lookup(namespace, kind, name) {
    const key = `${namespace}/${kind}/${name}`;
    const hit = cache.get(key);
    if (hit && Date.now() - hit.at < 1000) return hit.obj;
    const r = await request('GET', `/api/v1/namespaces/${namespace}/${kind === 'secret' ? 'secrets' : 'configmaps'}/${name}`);
    if (r.status !== 200 && r.status !== 404) throw new Error(`GET ${key}: HTTP ${r.status}`);
    const obj = r.status === 200 ? r.body : null;
    cache.set(key, { at: Date.now(), obj });
    if (cache.size > 2000) cache.delete(cache.keys().next().value);
    return obj;
  }

  /** The pod as it is now, if the kubelet would still be trying to create its containers. */
  async function stillWaiting(pod) {
    const r = await request('GET', `/api/v1/namespaces/${pod.metadata.namespace}/pods/${pod.metadata.name}`);
    if (r.status !== 200 || r.body.metadata.uid !== pod.metadata.uid || r.body.metadata.deletionTimestamp) return null;
    const statuses = [...(r.body.status?.initContainerStatuses ?? []), ...(r.body.status?.containerStatuses ?? [])];
    const waiting = statuses.length === 0 || statuses.some((s) => s.state?.waiting?.reason === 'CreateContainerConfigError');
    return r.body.status?.phase === 'Pending' && waiting ? r.body : null;
  }

  async function check(observed, retry = false) {
    const uid = observed.metadata.uid;
    if (busy.has(uid)) return;
    busy.add(uid);
    try {
      const pod = retry ? await stillWaiting(observed) : observed;
      if (!pod) {
        pending.delete(uid);
        return;
      }
      const errors = new Map();
      for (const c of configReads(pod)) {
        const error = await configError(pod.metadata.namespace, c.reads, (kind, name) => lookup(pod.metadata.namespace, kind, name));
        if (error) errors.set(`${c.list}/${c.name}`, error);
      }
      if (retry && errors.size && sameErrors(pod, errors)) {
        pending.set(uid, { pod, retryAt: Date.now() + RECHECK_MS });
        return;
      }
      // The resourceVersion makes the write conditional: if the pod moved on meanwhile (KWOK started it), a real
      // kubelet would not write its first status over a running pod, and neither does this.
      const r = await request('PATCH', `/api/v1/namespaces/${pod.metadata.namespace}/pods/${pod.metadata.name}/status`, {
        body: { metadata: { resourceVersion: pod.metadata.resourceVersion }, ...firstStatus(pod, errors, new Date()) },
        contentType: 'application/strategic-merge-patch+json',
        asNode: pod.spec.nodeName,
      });
      if (r.status === 409) {
        pending.set(uid, { pod, retryAt: Date.now() + 200 });
        return;
      }
      if (r.status !== 200 && r.status !== 404)
        throw new Error(`status of ${pod.metadata.namespace}/${pod.metadata.name}: HTTP ${r.status} ${r.body?.message ?? ''}`);
      if (errors.size && r.status === 200) pending.set(uid, { pod: r.body, retryAt: Date.now() + RECHECK_MS });
      else pending.delete(uid);
    } catch (e) {
      log(e.message);
      pending.set(uid, { pod: observed, retryAt: Date.now() + 1000 });
    } finally {
      busy.delete(uid);
    }
  }

  return {
    /** A pod that reads config and has no status yet: check it now. */
    observe(pod) {
      if (!pod.status?.containerStatuses?.length && configReads(pod).length) void check(pod);
    },
    forget(uid) {
      pending.delete(uid);
    },
    /** Called every second: re-check the pods still failing. */
    tick() {
      const now = Date.now();
      for (const { pod, retryAt } of pending.values()) if (retryAt <= now) void check(pod, true);
    },
  };
}
