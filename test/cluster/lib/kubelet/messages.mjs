// The kubelet's event texts (kubernetes v1.37: pkg/kubelet/events/event.go for reasons, images/image_manager.go,
// kuberuntime/kuberuntime_container.go and kuberuntime_manager.go, prober/prober.go, pkg/probe/*), as pure functions.

/** The image as the kubelet names it in events: the spec's reference with ":latest" added when it has no tag. */
export function taggedImage(image) {
  const lastSegment = image.slice(image.lastIndexOf('/') + 1);
  return image.includes('@') || lastSegment.includes(':') ? image : `${image}:latest`;
}

/** The reference containerd reports: docker.io/library/ and :latest filled in. */
export function normalizedImage(image) {
  const first = image.split('/')[0];
  let ref = image;
  if (!image.includes('/')) ref = `docker.io/library/${image}`;
  else if (!(first.includes('.') || first.includes(':') || first === 'localhost')) ref = `docker.io/${image}`;
  return taggedImage(ref);
}

/** The API server's defaulting: Always for :latest or untagged images, IfNotPresent otherwise. */
export function pullPolicy(container) {
  if (container.imagePullPolicy) return container.imagePullPolicy;
  const tagged = taggedImage(container.image);
  return tagged.endsWith(':latest') && !container.image.includes('@') ? 'Always' : 'IfNotPresent';
}

/** time.Duration.String() of a millisecond count (812ms, 1.234s, 2s), as the kubelet prints pull times. */
export function goDuration(ms) {
  if (ms < 1000) return `${ms}ms`;
  return `${(ms / 1000).toFixed(3).replace(/\.?0+$/, '')}s`;
}

/** A stable pseudo-random number in [0, 1) for a string, so pull times and sizes repeat for an image. */
export function unitHash(text) {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return (h >>> 0) / 2 ** 32;
}

export const msg = {
  pulling: (image) => `Pulling image "${taggedImage(image)}"`,
  pulled: (image) => {
    const ms = 300 + Math.floor(unitHash(image) * 2700);
    const size = 5_000_000 + Math.floor(unitHash(`${image}#size`) * 295_000_000);
    return `Successfully pulled image "${taggedImage(image)}" in ${goDuration(ms)} (${goDuration(ms + 7)} including waiting). Image size: ${size} bytes.`;
  },
  alreadyPresent: (image) => `Container image "${image}" already present on machine and can be accessed by the pod`,
  pullFailed: (image, criError) => `Failed to pull image "${taggedImage(image)}": ${criError}`,
  pullBackOff: (image) => `Back-off pulling image "${taggedImage(image)}"`,
  created: () => 'Container created',
  started: () => 'Container started',
  error: (text) => `Error: ${text}`,
  crashBackOff: (container, podDesc) => `Back-off restarting failed container ${container} in pod ${podDesc}`,
  livenessKill: (container) => `Container ${container} failed liveness probe, will be restarted`,
  stopping: (container) => `Stopping container ${container}`,
  probeFailed: (type, output) => `${type} probe failed: ${output}`,
};

/** format.Pod: "name_namespace(uid)". */
export const podDesc = (pod) => `${pod.metadata.name}_${pod.metadata.namespace}(${pod.metadata.uid})`;

/**
 * What a failing probe reports (pkg/probe/http, tcp, grpc, exec). A readiness endpoint answers 503; a liveness
 * endpoint of a stuck app times out; nothing listens on a TCP port; an exec probe's command fails silently.
 */
export function probeOutput(kind, probe, container, podIP) {
  const host = podIP || '10.244.0.1';
  const port = (p) => {
    if (typeof p === 'number') return p;
    const named = (container.ports ?? []).find((cp) => cp.name === p);
    return named ? named.containerPort : p;
  };
  if (probe.httpGet) {
    if (kind === 'Readiness') return 'HTTP probe failed with statuscode: 503';
    const scheme = (probe.httpGet.scheme ?? 'HTTP').toLowerCase();
    const path = probe.httpGet.path ?? '/';
    return `Get "${scheme}://${probe.httpGet.host ?? host}:${port(probe.httpGet.port)}${path}": context deadline exceeded (Client.Timeout exceeded while awaiting headers)`;
  }
  if (probe.tcpSocket) return `dial tcp ${probe.tcpSocket.host ?? host}:${port(probe.tcpSocket.port)}: connect: connection refused`;
  if (probe.grpc) return 'service unhealthy (responded with "NOT_SERVING")';
  return '';
}

/** The probe's timing with the API defaults (initialDelaySeconds 0, periodSeconds 10, failureThreshold 3). */
export function probeTiming(probe) {
  return {
    initialDelayMs: (probe.initialDelaySeconds ?? 0) * 1000,
    periodMs: (probe.periodSeconds ?? 10) * 1000,
    failureThreshold: probe.failureThreshold ?? 3,
  };
}
