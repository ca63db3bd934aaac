// What `kubectl logs` gets for a container (pure): the kubelet's choice of container instance or its error
// (kubelet_pods.go validateContainerLogStatus, same texts), then the instance's log lines. The scenario's container
// (the first container, or the first init container for init-*) logs the scenario's lines; an instance that is
// still running has not written its last (fatal) line yet. Every other container logs a healthy app's start.
import { scenarioOf } from './scenario.mjs';

const out = (text) => ['stdout', text];
const err = (text) => ['stderr', text];

/** The version an app logs at start: its image's tag (`latest` without one, as the runtime would pull). */
const STARTING = '\0starting';

export const SCENARIO_LOGS = {
  healthy: [out('Starting server on :8080'), out('Ready to accept connections')],
  crash: [
    out(STARTING),
    err('level=fatal msg="failed to load configuration" error="open /etc/app/config.yaml: no such file or directory"'),
  ],
  'crash-exit-0': [out('Nothing to do, exiting.')],
  oom: [out(STARTING), out('Loading product catalog into memory (2400000 items)...')],
  'start-error': [],
  liveness: [out('Starting server on :8080'), err('WARN worker pool exhausted (64/64 busy); requests to /healthz are queuing')],
  'not-ready': [
    out('Starting server on :8080'),
    err('ERROR readiness check failed: dial tcp 10.96.14.2:6379: connect: connection refused'),
  ],
  'init-crash': [err('/bin/sh: hello.sh: not found')],
  'init-slow': [
    out('waiting for db.default.svc.cluster.local:5432...'),
    out('waiting for db.default.svc.cluster.local:5432...'),
    out('waiting for db.default.svc.cluster.local:5432...'),
  ],
};

const EXITING = new Set(['crash', 'crash-exit-0', 'oom', 'liveness', 'init-crash']);

/** The container instance whose log is asked for, or { error } with the kubelet's text. */
export function logInstance(pod, container, previous) {
  const statuses = [...(pod.status?.containerStatuses ?? []), ...(pod.status?.initContainerStatuses ?? [])];
  const s = statuses.find((c) => c.name === container);
  const podName = pod.metadata.name;
  if (!s) return { error: `container "${container}" in pod "${podName}" is not available` };
  const last = s.lastState?.terminated;
  const { waiting, running, terminated } = s.state ?? {};
  if (previous) {
    if (!last?.containerID) return { error: `previous terminated container "${container}" in pod "${podName}" not found` };
    return { startedAt: last.startedAt, running: false };
  }
  if (running) return { startedAt: running.startedAt, running: true };
  if (terminated) {
    if (terminated.containerID) return { startedAt: terminated.startedAt, running: false };
    if (last?.containerID) return { startedAt: last.startedAt, running: false };
    return { error: `container "${container}" in pod "${podName}" is terminated` };
  }
  if (last) {
    if (!last.containerID) return { error: `container "${container}" in pod "${podName}" is terminated` };
    return { startedAt: last.startedAt, running: false };
  }
  if (waiting) {
    if (waiting.reason === 'ErrImagePull')
      return { error: `container "${container}" in pod "${podName}" is waiting to start: image can't be pulled` };
    if (waiting.reason === 'ImagePullBackOff')
      return { error: `container "${container}" in pod "${podName}" is waiting to start: trying and failing to pull image` };
    return { error: `container "${container}" in pod "${podName}" is waiting to start: ${waiting.reason}` };
  }
  return { error: `container "${container}" in pod "${podName}" is waiting to start - no logs yet` };
}

/** The instance's lines as [{ time, stream, text }], a tenth of a second apart from its start. */
export function logLines(pod, container, instance) {
  const scenario = scenarioOf(pod);
  const target = scenario.startsWith('init-') ? pod.spec.initContainers?.[0]?.name : pod.spec.containers[0].name;
  let lines = container === target && SCENARIO_LOGS[scenario] ? SCENARIO_LOGS[scenario] : SCENARIO_LOGS.healthy;
  if (instance.running && container === target && EXITING.has(scenario)) lines = lines.slice(0, -1);
  const start = Date.parse(instance.startedAt) || 0;
  const spec = [...pod.spec.containers, ...(pod.spec.initContainers ?? [])].find((c) => c.name === container);
  return lines.map(([stream, text], i) => ({
    time: new Date(start + 100 * (i + 1)),
    stream,
    text: text === STARTING ? `Starting app version ${imageTag(spec?.image)}` : text,
  }));
}

function imageTag(image = '') {
  const name = image.split('@')[0];
  const colon = name.lastIndexOf(':');
  return colon > name.lastIndexOf('/') ? name.slice(colon + 1) : 'latest';
}

/**
 * Applies the PodLogOptions the kubelet honours (kuberuntime logs: sinceTime/sinceSeconds, tailLines, timestamps,
 * limitBytes, stream) and returns the bytes to send.
 */
export function renderLog(lines, options, now = new Date()) {
  let selected = lines;
  const since = options.sinceTime
    ? Date.parse(options.sinceTime)
    : options.sinceSeconds
      ? now.getTime() - Number(options.sinceSeconds) * 1000
      : null;
  if (since !== null) selected = selected.filter((l) => l.time.getTime() >= since);
  if (options.stream && options.stream !== 'All') selected = selected.filter((l) => l.stream === options.stream.toLowerCase());
  if (options.tailLines !== undefined) selected = Number(options.tailLines) === 0 ? [] : selected.slice(-Number(options.tailLines));
  let text = selected.map((l) => `${options.timestamps ? `${l.time.toISOString().replace('Z', '000000Z')} ` : ''}${l.text}\n`).join('');
  if (options.limitBytes !== undefined) text = Buffer.from(text).subarray(0, Number(options.limitBytes)).toString();
  return text;
}
