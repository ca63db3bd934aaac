// The FailedCreatePodSandBox events of the sandbox-* scenarios (stages/sandbox.mjs writes the status). The kubelet
// records "Failed to create pod sandbox: %v" with the CRI error on every sync that fails
// (kuberuntime/kuberuntime_manager.go@v1.37.2), and its pod worker retries a failed sync after 10 s with up to 50 %
// jitter (pod_workers.go backOffPeriod, workerBackOffPeriodJitterFactor), each time with a new sandbox ID. The CNI texts
// are the plugins' own: Cilium's agent socket missing (cilium#40312), and flannel delegating to host-local IPAM that
// has no address left (flannel cni-plugin "failed to delegate add: %w"; host-local "no IP addresses available in range
// set", kubernetes/test-infra#13039). libcni prefixes `plugin type="<type>" failed (add): ` (containernetworking/cni
// libcni/api.go); containerd 2.x says `failed to setup network for sandbox "<id>": ` (internal/cri/server/sandbox_run.go).
import crypto from 'node:crypto';

export const SANDBOX_RETRY_MS = 10_000;

const CNI_ERRORS = {
  'sandbox-cni': () =>
    'plugin type="cilium-cni" failed (add): unable to connect to Cilium agent: failed to create cilium agent client after 30.000000 seconds timeout: Get "http://localhost/v1/config": dial unix /var/run/cilium/cilium.sock: connect: no such file or directory Is the agent running?',
  'sandbox-no-ip': (node) => {
    const n = Number(/(\d+)$/.exec(node)?.[1] ?? 0);
    return `plugin type="flannel" failed (add): failed to delegate add: failed to allocate for range 0: no IP addresses available in range set: 10.244.${n}.1-10.244.${n}.254`;
  },
};

export const isSandboxScenario = (scenario) => scenario in CNI_ERRORS;

/** The event's message for one attempt (`attempt` makes the sandbox ID). */
export function sandboxFailure(pod, scenario, attempt) {
  const id = crypto.createHash('sha256').update(`${pod.metadata.uid}/sandbox/${attempt}`).digest('hex');
  const cni = CNI_ERRORS[scenario](pod.spec.nodeName);
  return `Failed to create pod sandbox: rpc error: code = Unknown desc = failed to setup network for sandbox "${id}": ${cni}`;
}

/** When the pod worker tries again: 10 s plus up to 5 s of jitter. */
export function nextSandboxAttempt(now, random = Math.random) {
  return now + SANDBOX_RETRY_MS + Math.floor(random() * SANDBOX_RETRY_MS * 0.5);
}
