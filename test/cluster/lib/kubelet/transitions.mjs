// Which events the kubelet records when a pod's status moves from `before` to `after` (pure). Each intent is
// { fieldPath, type, reason, message }; the recorder fills in the rest of the Event. Images pulled on a node are
// remembered in `images` (a Set of "node|image") so a second start says "already present".
import { msg, podDesc, pullPolicy } from './messages.mjs';

const statusesOf = (pod) => [
  ...(pod?.status?.initContainerStatuses ?? []).map((s) => ['initContainers', s]),
  ...(pod?.status?.containerStatuses ?? []).map((s) => ['containers', s]),
];

function specOf(pod, list, name) {
  return (pod.spec[list] ?? []).find((c) => c.name === name);
}

/** The events of ensuring the image before a container is created (images/image_manager.go EnsureImageExists). */
export function pullEvents(container, node, images) {
  const key = `${node}|${container.image}`;
  const policy = pullPolicy(container);
  if (policy !== 'Always' && images.has(key)) {
    return [{ type: 'Normal', reason: 'Pulled', message: msg.alreadyPresent(container.image) }];
  }
  images.add(key);
  return [
    { type: 'Normal', reason: 'Pulling', message: msg.pulling(container.image) },
    { type: 'Normal', reason: 'Pulled', message: msg.pulled(container.image) },
  ];
}

/** rejectPod (kubelet.go) records the admit handler's reason and message, then prefixes the status message with this. */
const REJECTED = 'Pod was rejected: ';

export function podEvents(before, after, { images, scenario }) {
  const node = after.spec.nodeName;
  const out = [];
  const previous = new Map(statusesOf(before).map(([list, s]) => [`${list}/${s.name}`, s]));
  for (const [list, cur] of statusesOf(after)) {
    const spec = specOf(after, list, cur.name);
    if (!spec) continue;
    const prev = previous.get(`${list}/${cur.name}`);
    const fieldPath = `spec.${list}{${cur.name}}`;
    const add = (events) => out.push(...events.map((e) => ({ fieldPath, ...e })));
    const isNewInstance = cur.containerID && cur.containerID !== prev?.containerID;
    const waitingNow = cur.state?.waiting?.reason;
    const waitingBefore = prev?.state?.waiting?.reason;

    if (isNewInstance && cur.state?.running) {
      add([
        ...pullEvents(spec, node, images),
        { type: 'Normal', reason: 'Created', message: msg.created() },
        { type: 'Normal', reason: 'Started', message: msg.started() },
      ]);
    } else if (isNewInstance && (waitingNow === 'RunContainerError' || cur.state?.terminated?.reason === 'StartError')) {
      const text = cur.state.waiting?.message ?? cur.state.terminated.message;
      add([
        ...pullEvents(spec, node, images),
        { type: 'Normal', reason: 'Created', message: msg.created() },
        { type: 'Warning', reason: 'Failed', message: msg.error(text) },
      ]);
    } else if (isNewInstance && cur.state?.terminated && !prev?.state?.running) {
      // Started and finished between two looks (a quick init container).
      add([
        ...pullEvents(spec, node, images),
        { type: 'Normal', reason: 'Created', message: msg.created() },
        { type: 'Normal', reason: 'Started', message: msg.started() },
      ]);
    }

    if (
      prev?.state?.running &&
      !cur.state?.running &&
      scenario === 'liveness' &&
      list === 'containers' &&
      cur.name === after.spec.containers[0].name
    ) {
      add([{ type: 'Normal', reason: 'Killing', message: msg.livenessKill(cur.name) }]);
    }
    if (waitingNow !== waitingBefore) add(enteredWaiting(waitingNow, cur, spec, after, node, images));
  }
  const rejected = after.status?.phase === 'Failed' && before?.status?.phase !== 'Failed' && after.status.message?.startsWith(REJECTED);
  if (rejected) out.push({ type: 'Warning', reason: after.status.reason, message: after.status.message.slice(REJECTED.length) });
  if (after.metadata.deletionTimestamp && !before?.metadata?.deletionTimestamp) {
    for (const [list, s] of statusesOf(after)) {
      if (s.state?.running)
        out.push({ fieldPath: `spec.${list}{${s.name}}`, type: 'Normal', reason: 'Killing', message: msg.stopping(s.name) });
    }
  }
  return out;
}

/** Events of a container entering a waiting reason; also what the kubelet repeats on each sync while it stays. */
export function enteredWaiting(reason, cur, spec, pod, node, images) {
  switch (reason) {
    case 'CrashLoopBackOff':
      return [{ type: 'Warning', reason: 'BackOff', message: msg.crashBackOff(cur.name, podDesc(pod)) }];
    case 'ErrImagePull':
      return [
        { type: 'Normal', reason: 'Pulling', message: msg.pulling(spec.image) },
        { type: 'Warning', reason: 'Failed', message: msg.pullFailed(spec.image, cur.state.waiting.message) },
        { type: 'Warning', reason: 'Failed', message: msg.error('ErrImagePull') },
      ];
    case 'ImagePullBackOff':
      return [
        { type: 'Normal', reason: 'BackOff', message: msg.pullBackOff(spec.image) },
        { type: 'Warning', reason: 'Failed', message: msg.error('ImagePullBackOff') },
      ];
    case 'CreateContainerConfigError':
      return [...pullEvents(spec, node, images), { type: 'Warning', reason: 'Failed', message: msg.error(cur.state.waiting.message) }];
    default:
      return [];
  }
}

/** The waiting reasons the kubelet's pod worker re-syncs about every 10 s, re-recording their events. */
export const RESYNCED = new Set(['ImagePullBackOff', 'CreateContainerConfigError']);

/** Events a re-sync records for a pod: one batch per container still waiting in a RESYNCED reason. */
export function resyncEvents(pod, images) {
  const out = [];
  for (const [list, cur] of statusesOf(pod)) {
    const reason = cur.state?.waiting?.reason;
    if (!RESYNCED.has(reason)) continue;
    const spec = specOf(pod, list, cur.name);
    if (!spec) continue;
    for (const e of enteredWaiting(reason, cur, spec, pod, pod.spec.nodeName, images)) {
      out.push({ fieldPath: `spec.${list}{${cur.name}}`, ...e });
    }
  }
  return out;
}
