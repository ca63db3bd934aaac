// The concrete next step for a finding, in one sentence, quoting the evidence (the limit, the exit code, the Secret,
// the node, the image) so the reader does not have to look anything up before acting.
import type { WorkloadRef } from '../k8s/kinds.js';
import type { Draft } from './rules/types.js';

function registryOf(image: string | undefined): string {
  if (!image) return 'the registry';
  const first = image.split('/')[0] ?? '';
  return image.includes('/') && (first.includes('.') || first.includes(':') || first === 'localhost') ? first : 'docker.io';
}

function times(n: number): string {
  return n === 1 ? 'once' : `${n} times`;
}

function crashHint(d: Draft, ns: string): string {
  const logs = `kubectl logs ${d.pod?.metadata?.name ?? 'POD'} -c ${d.container ?? 'CONTAINER'} --previous -n ${ns}`;
  switch (d.exitCode) {
    case 127:
      return `Fix the container's command or args: exit code 127 means the command was not found in the image (see ${logs}).`;
    case 126:
      return `Make the entrypoint executable (chmod +x in the image) or fix the command: exit code 126 means it could not be run (see ${logs}).`;
    case 139:
      return `The process segfaulted (exit code 139): check native dependencies and the image's base against the code (see ${logs}).`;
    case 137:
      return `Something killed the process with SIGKILL (exit code 137) without an OOM record: check liveness probes and preStop hooks (see ${logs}).`;
    default:
      return `Read why the previous instance exited with code ${d.exitCode ?? 'unknown'}: ${logs}.`;
  }
}

export function hintFor(d: Draft, workload: WorkloadRef): string {
  const ns = workload.namespace;
  const e = d.evidence;
  const pod = d.pod?.metadata?.name ?? workload.name;
  const node = d.node ?? 'the node';
  switch (d.category) {
    case 'quota-exceeded':
      return `Free or raise ResourceQuota ${e.quota ?? ''} in namespace ${ns} (kubectl describe resourcequota -n ${ns}), or lower the pod template's requests so the new pods fit.`;
    case 'admission-denied':
      if (e.serviceAccount)
        return `Create ServiceAccount ${e.serviceAccount} in namespace ${ns} before the workload, or fix serviceAccountName in the pod template.`;
      if (e.webhook?.startsWith('PodSecurity'))
        return `Change the pod template's securityContext to meet ${e.webhook} (the message lists each violation), or change the namespace's pod-security.kubernetes.io/enforce label.`;
      if (e.webhook)
        return `Change the pod template to satisfy admission webhook "${e.webhook}" (its message above says what it rejects), or ask its owners for an exception.`;
      return "Change the pod template according to the API server's refusal above; no pod of the new revision can be created until then.";
    case 'job-failed':
      return d.reason === 'DeadlineExceeded'
        ? `Raise the Job's activeDeadlineSeconds or make it finish sooner; it was stopped at its deadline.`
        : `Read the failed pods' logs (kubectl logs -n ${ns} job/${workload.name}) and fix the error before re-running; the Job stopped retrying.`;
    case 'progress-deadline-exceeded':
      return 'The new pods did not become available within progressDeadlineSeconds: fix the pod findings above, or raise progressDeadlineSeconds if start-up is only slow.';
    case 'node-not-ready':
      return `Repair node ${node} (check the kubelet with systemctl status kubelet and the machine itself), or drain it (kubectl drain ${node} --ignore-daemonsets) so its pods are recreated elsewhere.`;
    case 'node-runtime-down':
      return `Restart or repair the container runtime and CNI on node ${node} (systemctl status containerd, the CNI pods there), or cordon and drain it so the pods run elsewhere.`;
    case 'node-concentrated':
      return `Cordon node ${node} (kubectl cordon ${node}) and keep the workload off it with a nodeAffinity on kubernetes.io/hostname NotIn [${node}] while the node is repaired; the same pods are Ready elsewhere.`;
    case 'oom-killed':
      return e.memoryLimit
        ? `Raise resources.limits.memory above ${e.memoryLimit} or find the leak; the container was killed at the limit ${times(d.failures)}.`
        : `Set resources.requests and limits.memory for container ${d.container} (it has no limit and the node ran out of memory), or find the leak.`;
    case 'crash-loop':
      return crashHint(d, ns);
    case 'crash-loop-exit-zero':
      return 'Keep the main process in the foreground (no daemonizing, e.g. nginx -g "daemon off;"), or run a command that is meant to finish as a Job instead.';
    case 'exec-format-error':
      return `Build the image for the nodes' CPU architecture (docker buildx build --platform linux/amd64,linux/arm64) or pin the pods to matching nodes with a kubernetes.io/arch nodeSelector.`;
    case 'container-start-error':
      return e.command
        ? `Fix the container's command: "${e.command}" is missing or not executable in the image; check command/args, the image's PATH and the file's execute bit.`
        : "Fix the container's command, args or workingDir so the runtime can start it; the message above says what it could not do.";
    case 'init-container-failed':
      return `Fix init container ${e.initContainer ?? d.container}: read kubectl logs ${pod} -c ${e.initContainer ?? d.container} --previous -n ${ns}${d.exitCode === 127 ? ' (exit code 127: the command it runs is not in its image)' : ''}; the app containers start only after it succeeds.`;
    case 'exited-nonzero':
      return `Read why container ${d.container} exited with code ${d.exitCode ?? 'unknown'}: kubectl logs ${pod} -c ${d.container} -n ${ns}; its restartPolicy does not restart it.`;
    case 'image-not-found':
      return `Push ${e.image ?? 'the image'} to the registry or correct the tag or digest in the manifest.`;
    case 'image-pull-unauthorized':
      return `Give the pods credentials for ${registryOf(e.image)} (an imagePullSecrets entry on the pod or its ServiceAccount), and check the repository name: registries also refuse repositories that do not exist.`;
    case 'image-never-pull':
      return `Pre-load ${e.image ?? 'the image'} on the nodes or change imagePullPolicy from Never to IfNotPresent.`;
    case 'image-invalid-name':
      return `Correct the image reference "${e.image ?? ''}": a lowercase repository with an optional :tag or @sha256: digest.`;
    case 'config-missing-ref':
      return `Create ${e.refKind ?? 'the object'} ${e.refName ?? ''} in namespace ${ns} before the workload (or fix the name in the pod template; mark it optional: true if the pod can run without it).`;
    case 'config-missing-key':
      return `Add key ${e.key ?? ''} to ${e.refKind ?? ''} ${e.refName ?? ''} in namespace ${ns}, or fix the key name the pod template reads.`;
    case 'config-security-context':
      return 'The image runs as root but the pod requires runAsNonRoot: set securityContext.runAsUser to a non-zero UID, or build the image with a numeric non-root USER.';
    case 'unschedulable-resources':
      if (e.resource === 'pods') return "Every node is at its pod limit: add nodes or raise the kubelet's maxPods.";
      if (e.fitsLargest === false) {
        return `Lower requests.${e.resource} to at most ${e.largest} (node ${e.largestNode}'s allocatable) or add bigger nodes; no node can ever fit ${e.requested}.`;
      }
      return `The nodes are full: lower requests.${e.resource} (now ${e.requested ?? 'unknown'}), scale down other workloads or add nodes.`;
    case 'unschedulable-node-selector':
      return `Make the pod's nodeSelector/nodeAffinity${e.cause ? ` (${e.cause})` : ''} match labels some node has (kubectl get nodes --show-labels), or label a node to match.`;
    case 'unschedulable-taint':
      return e.taint
        ? `Add a toleration for ${e.taint} to the pod template, or remove that taint from the nodes if it is no longer wanted.`
        : "Add a toleration for the nodes' taints (kubectl describe nodes | grep Taints) to the pod template, or remove the taints.";
    case 'unschedulable-node-condition':
      return `The nodes do not accept pods${e.taint ? ` (${e.taint})` : ''}: uncordon them (kubectl uncordon NODE), repair the NotReady or pressured ones, or add healthy nodes.`;
    case 'unschedulable-volume':
      return `Make the pod's volumes usable from a schedulable node (${e.cause ?? 'see the message'}): check the PersistentVolume's zone or node affinity and the StorageClass's volumeBindingMode.`;
    case 'unschedulable-affinity':
      return `Relax the pod (anti-)affinity, topologySpreadConstraints or hostPort that no node satisfies (${e.cause ?? 'see the message'}), or add nodes that satisfy them.`;
    case 'pvc-not-bound':
      return e.cause === 'missing'
        ? `Create PersistentVolumeClaim ${e.pvc} in namespace ${ns} or fix claimName in the pod template.`
        : `Make PersistentVolumeClaim ${e.pvc} bind: check its StorageClass and provisioner (kubectl describe pvc ${e.pvc} -n ${ns}).`;
    case 'volume-mount-failed':
      return `Fix the volume the kubelet cannot mount on ${node}: for a Multi-Attach error remove the pod that still holds it, otherwise check the storage backend from that node.`;
    case 'sandbox-failed':
      return `The runtime or CNI on ${node} cannot create the pod sandbox: check the CNI plugin's pods and logs there, or cordon the node.`;
    case 'container-create-error':
      return `Check the runtime on ${node} and the message above; the kubelet keeps retrying container ${d.container}.`;
    case 'liveness-probe-failing':
      return `Fix the ${e.probe ?? 'liveness'} probe or the endpoint it checks (path, port, timeoutSeconds), or give the app more time with initialDelaySeconds or a startupProbe; the kubelet restarts the container when it fails.`;
    case 'readiness-probe-failing':
      return `Make the readiness probe of ${d.container} pass: check the path and port it calls and the dependencies the app waits for (it answered: ${e.cause ?? 'see the message'}).`;
    case 'evicted':
      return 'The kubelet evicted the pod under node pressure: set requests near real usage (memory, ephemeral-storage) so it is not evicted first, or give the nodes more headroom.';
    case 'active-deadline-exceeded':
      return 'Raise spec.activeDeadlineSeconds or make the pod finish sooner.';
    case 'terminating-stuck':
      return `Check the pod's finalizers and its node; if the node is gone, kubectl delete pod ${pod} -n ${ns} --grace-period=0 --force.`;
    case 'node-pressure':
      return `Free memory, disk or PIDs on node ${node}, or move the pod elsewhere.`;
    case 'image-pull-transient':
      return `Retry, or check ${registryOf(e.image)}'s availability and the nodes' network and DNS; for 429 rate limits authenticate pulls or use a mirror.`;
    case 'config-cache-sync':
      return `Usually clears by itself; if it persists, check the kubelet's connection to the API server on ${node}.`;
    case 'init-container-waiting':
      return `Check what init container ${e.initContainer ?? ''} waits for (kubectl logs ${pod} -c ${e.initContainer ?? ''} -n ${ns}): usually a service or database that is not up.`;
    case 'container-creating-slow':
      return `Read the pod's events (kubectl describe pod ${pod} -n ${ns}): a large image pull or a slow volume attach usually explains it.`;
    case 'scheduling-pending':
      return 'If it stays Pending, check that the scheduler named in schedulerName is running and that no scheduling gate is left on the pod.';
    default:
      return `Run kubectl describe pod ${pod} -n ${ns} and read the latest Warning events; the gate did not recognise this situation.`;
  }
}
