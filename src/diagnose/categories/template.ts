// The new template itself is broken: the same template will crash, fail to pull or miss its configuration again.
import type { Draft } from '../rules/types.js';
import { AT_ONCE, after, podName, registryOf, times, type CategorySpec, type HintSubject } from './spec.js';

/**
 * How long a pod may wait for a Secret, ConfigMap or key that does not exist, counted from its creation. A real GitOps
 * install (an init container of another pod creates the Secret) converges in 20-40 s; a name typed wrong never does.
 */
export const CONFIG_GRACE_SECONDS = 60;

function crashHint(d: Draft, w: HintSubject): string {
  const logs = `kubectl logs ${d.pod?.metadata?.name ?? 'POD'} -c ${d.container ?? 'CONTAINER'} --previous -n ${w.namespace}`;
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

export const TEMPLATE_CATEGORIES = {
  'oom-killed': {
    policy: AT_ONCE,
    sameCause: 'exit-code',
    phrase: 'was OOM-killed',
    logs: 'last-ended',
    hint: (d) =>
      d.evidence.memoryLimit
        ? `Raise resources.limits.memory above ${d.evidence.memoryLimit} or find the leak; the container was killed at the limit ${times(d.failures)}.`
        : `Set resources.requests and limits.memory for container ${d.container} (it has no limit and the node ran out of memory), or find the leak.`,
  },
  'crash-loop': {
    policy: AT_ONCE,
    sameCause: 'exit-code',
    phrase: 'is crash-looping',
    logs: 'last-ended',
    logLineExplains: true,
    nodeSensitive: true,
    hint: crashHint,
  },
  'crash-loop-exit-zero': {
    policy: AT_ONCE,
    sameCause: 'exit-code',
    phrase: 'keeps exiting with code 0 and is restarted in a loop',
    logs: 'last-ended',
    nodeSensitive: true,
    hint: () =>
      'Keep the main process in the foreground (no daemonizing, e.g. nginx -g "daemon off;"), or run a command that is meant to finish as a Job instead.',
  },
  'exec-format-error': {
    policy: AT_ONCE,
    sameCause: 'exit-code',
    phrase: 'cannot start: its image is built for another CPU architecture',
    logs: 'last-ended',
    nodeSensitive: true,
    hint: () =>
      `Build the image for the nodes' CPU architecture (docker buildx build --platform linux/amd64,linux/arm64) or pin the pods to matching nodes with a kubernetes.io/arch nodeSelector.`,
  },
  'container-start-error': {
    policy: AT_ONCE,
    sameCause: 'exit-code',
    phrase: 'cannot start its container',
    logs: 'last-ended',
    logLineExplains: true,
    nodeSensitive: true,
    hint: (d) =>
      d.evidence.command
        ? `Fix the container's command: "${d.evidence.command}" is missing or not executable in the image; check command/args, the image's PATH and the file's execute bit.`
        : "Fix the container's command, args or workingDir so the runtime can start it; the message above says what it could not do.",
  },
  'init-container-failed': {
    policy: AT_ONCE,
    sameCause: 'exit-code',
    phrase: 'is stuck: an init container fails',
    logs: 'last-ended',
    logLineExplains: true,
    nodeSensitive: true,
    hint: (d, w) => {
      const init = d.evidence.initContainer ?? d.container;
      const notFound = d.exitCode === 127 ? ' (exit code 127: the command it runs is not in its image)' : '';
      return `Fix init container ${init}: read kubectl logs ${podName(d, w)} -c ${init} --previous -n ${w.namespace}${notFound}; the app containers start only after it succeeds.`;
    },
  },
  'exited-nonzero': {
    policy: AT_ONCE,
    phrase: 'exited with an error',
    logs: 'running',
    logLineExplains: true,
    hint: (d, w) =>
      `Read why container ${d.container} exited with code ${d.exitCode ?? 'unknown'}: kubectl logs ${podName(d, w)} -c ${d.container} -n ${w.namespace}; its restartPolicy does not restart it.`,
  },
  'image-not-found': {
    // ErrImagePull and ImagePullBackOff are stages of one failing pull, as are 1 and 3 failed pulls: the registry's
    // answer is the cause.
    sameCause: 'evidence',
    policy: AT_ONCE,
    phrase: 'cannot start: its image does not exist',
    logs: 'none',
    nodeSensitive: true,
    hint: (d) => `Push ${d.evidence.image ?? 'the image'} to the registry or correct the tag or digest in the manifest.`,
  },
  'image-pull-unauthorized': {
    sameCause: 'evidence',
    policy: { fatal: 'after-failures', failures: 2 },
    phrase: 'cannot pull its image: the registry refused access',
    logs: 'none',
    nodeSensitive: true,
    hint: (d, w) =>
      d.evidence.refName
        ? `Create the pull secret ${d.evidence.refName} (type kubernetes.io/dockerconfigjson, credentials for ${registryOf(d.evidence.image)}) in namespace ${w.namespace}, or fix the name in imagePullSecrets.`
        : `Give the pods credentials for ${registryOf(d.evidence.image)} (an imagePullSecrets entry on the pod or its ServiceAccount), and check the repository name: registries also refuse repositories that do not exist.`,
  },
  'image-never-pull': {
    policy: AT_ONCE,
    phrase: 'cannot start: its image is not on the node and imagePullPolicy is Never',
    logs: 'none',
    hint: (d) => `Pre-load ${d.evidence.image ?? 'the image'} on the nodes or change imagePullPolicy from Never to IfNotPresent.`,
  },
  'image-invalid-name': {
    policy: AT_ONCE,
    phrase: 'cannot start: its image name is invalid',
    logs: 'none',
    hint: (d) =>
      `Correct the image reference "${d.evidence.image ?? ''}": a lowercase repository with an optional :tag or @sha256: digest.`,
  },
  'config-missing-ref': {
    // Not at once: a Secret is often created moments after the apply (a bootstrap Job or init container, an operator).
    policy: after(CONFIG_GRACE_SECONDS),
    phrase: 'cannot start: a ConfigMap or Secret it references is missing',
    logs: 'none',
    nodeSensitive: true,
    hint: (d, w) =>
      `Create ${d.evidence.refKind ?? 'the object'} ${d.evidence.refName ?? ''} in namespace ${w.namespace} before the workload (or fix the name in the pod template; mark it optional: true if the pod can run without it).`,
  },
  'config-missing-key': {
    policy: after(CONFIG_GRACE_SECONDS),
    phrase: 'cannot start: a key it reads from a ConfigMap or Secret is missing',
    logs: 'none',
    hint: (d, w) =>
      `Add key ${d.evidence.key ?? ''} to ${d.evidence.refKind ?? ''} ${d.evidence.refName ?? ''} in namespace ${w.namespace}, or fix the key name the pod template reads.`,
  },
  'config-security-context': {
    policy: AT_ONCE,
    phrase: 'cannot start: its security context cannot be satisfied',
    logs: 'none',
    hint: () =>
      'The image runs as root but the pod requires runAsNonRoot: set securityContext.runAsUser to a non-zero UID, or build the image with a numeric non-root USER.',
  },
} satisfies Record<string, CategorySpec>;
