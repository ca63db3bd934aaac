#!/usr/bin/env node
// The part of the kubelet KWOK does not play, started by `cluster.mjs up` as "kubelet-events": it watches pods and
// nodes and, for pods on nodes KWOK manages, records the kubelet's events (pulls, container starts, failures,
// back-offs, probe failures), serves container logs for the apiserver (the kubelet's containerLogs endpoint),
// resolves Secret/ConfigMap env before a container starts, and re-reports Ready when a node returns. A stopped node (cluster:node stop) gets nothing, as a
// dead kubelet writes nothing.
import { createConfigChecker } from './kubelet/config-check.mjs';
import { inform } from './kubelet/informer.mjs';
import { markedNotReadyByNode, reportReadyAgain } from './kubelet/node-recovery.mjs';
import { serveContainerLogs } from './kubelet/log-server.mjs';
import { clusterPorts } from './ports.mjs';
import { dueProbeFailures, failingProbe, livenessFailuresBeforeKill } from './kubelet/probes.mjs';
import { createRecorder } from './kubelet/recorder.mjs';
import { scenarioOf } from './kubelet/scenario.mjs';
import { RESYNCED, podEvents, resyncEvents } from './kubelet/transitions.mjs';

const log = (line) => console.log(`${new Date().toISOString()} ${line}`);
const recorder = createRecorder({ log });
const config = createConfigChecker({ log });
const pods = new Map(); // uid -> last seen pod
const nodes = new Map(); // name -> { managed, ready }
const images = new Set(); // "node|image" pulled
const probeDone = new Map(); // uid -> { instance, due }
const resyncAt = new Map(); // uid -> ms
const byName = new Map(); // "namespace/name" -> uid

const managed = (name) => nodes.get(name)?.managed === true;
const warn = (e) => log(e.message);

function onPodUnguarded(type, pod, silent = false) {
  const uid = pod.metadata.uid;
  if (type === 'DELETED') {
    for (const m of [pods, probeDone, resyncAt]) m.delete(uid);
    if (byName.get(`${pod.metadata.namespace}/${pod.metadata.name}`) === uid)
      byName.delete(`${pod.metadata.namespace}/${pod.metadata.name}`);
    config.forget(uid);
    return;
  }
  if (!pod.spec.nodeName) return;
  const before = pods.get(uid);
  pods.set(uid, pod);
  byName.set(`${pod.metadata.namespace}/${pod.metadata.name}`, uid);
  if (silent || !managed(pod.spec.nodeName)) return;
  const scenario = scenarioOf(pod);
  const healthyPath = scenario === '' || scenario === 'liveness-once';
  if (healthyPath && pod.status?.phase === 'Pending' && !pod.metadata.deletionTimestamp) config.observe(pod);
  if (scenario === 'liveness') flushLivenessBeforeKill(before, pod);
  for (const intent of podEvents(before, pod, { images, scenario })) recorder.record(pod, intent);
}

/** The kubelet reports every failed probe before it kills; a kill seen between two ticks still gets them. */
function flushLivenessBeforeKill(before, pod) {
  const name = pod.spec.containers[0].name;
  const was = before?.status?.containerStatuses?.find((s) => s.name === name);
  const is = pod.status?.containerStatuses?.find((s) => s.name === name);
  if (!was?.state?.running || is?.state?.running) return;
  const done = probeDone.get(pod.metadata.uid);
  const r = livenessFailuresBeforeKill(before, was.containerID, done && done.instance === was.containerID ? done.due : 0);
  if (!r) return;
  probeDone.set(pod.metadata.uid, { instance: r.instance, due: r.due });
  for (const intent of r.intents) recorder.record(pod, intent);
}

function tickUnguarded() {
  config.tick();
  const now = Date.now();
  for (const pod of pods.values()) {
    if (!managed(pod.spec.nodeName) || pod.metadata.deletionTimestamp) continue;
    const uid = pod.metadata.uid;
    const scenario = scenarioOf(pod);
    if (failingProbe(pod, scenario)) {
      const done = probeDone.get(uid);
      const instance = pod.status?.containerStatuses?.find((s) => s.name === pod.spec.containers[0].name)?.containerID;
      const r = dueProbeFailures(pod, scenario, done && done.instance === instance ? done.due : 0, now);
      if (r) {
        probeDone.set(uid, { instance: r.instance, due: r.due });
        for (const intent of r.intents) recorder.record(pod, intent);
      }
    }
    const waiting = [...(pod.status?.initContainerStatuses ?? []), ...(pod.status?.containerStatuses ?? [])].some((s) =>
      RESYNCED.has(s.state?.waiting?.reason),
    );
    if (!waiting) {
      resyncAt.delete(uid);
    } else if (!resyncAt.has(uid)) {
      resyncAt.set(uid, now + 10_000 + Math.floor(Math.random() * 4000));
    } else if (resyncAt.get(uid) <= now) {
      resyncAt.set(uid, now + 10_000 + Math.floor(Math.random() * 4000));
      for (const intent of resyncEvents(pod, images)) recorder.record(pod, intent);
    }
  }
}

function onNodeUnguarded(node) {
  const name = node.metadata.name;
  const ready = (node.status?.conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True');
  const state = { managed: node.metadata.labels?.type === 'kwok', ready };
  const before = nodes.get(name);
  nodes.set(name, state);
  if (before && !(before.managed && before.ready) && state.managed && state.ready) {
    for (const pod of pods.values()) {
      if (pod.spec.nodeName === name && markedNotReadyByNode(pod)) reportReadyAgain(pod).catch(warn);
    }
  }
}

// A bug in one pod's handling must not take the node's "kubelet" down with it.
const guarded =
  (fn) =>
  (...args) => {
    try {
      fn(...args);
    } catch (e) {
      log(`error: ${e.stack}`);
    }
  };
const onPod = guarded(onPodUnguarded);
const onNode = guarded(onNodeUnguarded);
const tick = guarded(tickUnguarded);

let listed = 0;
const started = () => {
  if (++listed === 2) log(`kubelet-events: watching ${pods.size} pods on ${nodes.size} nodes`);
};
inform('/api/v1/nodes', 'limit=0', {
  log,
  onList: (items) => {
    for (const n of items) onNode(n);
    started();
  },
  onEvent: (type, node) => {
    if (type === 'DELETED') nodes.delete(node.metadata.name);
    else onNode(node);
  },
});
let firstPodList = true;
inform('/api/v1/pods', 'fieldSelector=spec.nodeName%21%3D', {
  log,
  onList: (items) => {
    const uids = new Set(items.map((p) => p.metadata.uid));
    for (const uid of pods.keys()) if (!uids.has(uid)) onPod('DELETED', pods.get(uid));
    for (const p of items) onPod('MODIFIED', p, firstPodList);
    firstPodList = false;
    started();
  },
  onEvent: (type, pod) => onPod(type, pod),
});
setInterval(tick, 1000);
const port = Number(process.argv.find((a) => a.startsWith('--port='))?.slice('--port='.length)) || clusterPorts().kubelet;
serveContainerLogs(port, (namespace, name) => pods.get(byName.get(`${namespace}/${name}`)), log);
let lastStats = '';
setInterval(() => {
  const s = JSON.stringify(recorder.stats);
  if (s !== lastStats) log(`events ${s}`);
  lastStats = s;
}, 60_000);
process.on('SIGTERM', () => process.exit(0));
