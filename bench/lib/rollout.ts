// What the bench's own watch looks for in the objects it sees: the moment a Deployment's rollout is complete (by
// kubectl rollout status's rule, so both tools are judged against the same finish line) and the moment a pod first
// shows the kubelet's CrashLoopBackOff.

interface DeploymentLike {
  metadata?: { generation?: number };
  spec?: { replicas?: number };
  status?: {
    observedGeneration?: number;
    replicas?: number;
    updatedReplicas?: number;
    availableReplicas?: number;
    conditions?: { type?: string; reason?: string }[];
  };
}

interface ContainerStatusLike {
  restartCount?: number;
  state?: { waiting?: { reason?: string }; terminated?: unknown };
  lastState?: { terminated?: unknown };
}

interface PodLike {
  status?: { containerStatuses?: ContainerStatusLike[]; initContainerStatuses?: ContainerStatusLike[] };
}

/**
 * kubectl's done rule for a Deployment: the controller has seen the latest spec, every replica runs the new template,
 * no old replica is left, and every updated replica is available.
 */
export function deploymentRolledOut(deployment: DeploymentLike): boolean {
  const status = deployment.status ?? {};
  if ((deployment.metadata?.generation ?? 0) > (status.observedGeneration ?? 0)) return false;
  if ((status.conditions ?? []).some((c) => c.type === 'Progressing' && c.reason === 'ProgressDeadlineExceeded')) return false;
  const updated = status.updatedReplicas ?? 0;
  if (deployment.spec?.replicas !== undefined && updated < deployment.spec.replicas) return false;
  if ((status.replicas ?? 0) > updated) return false;
  return (status.availableReplicas ?? 0) >= updated;
}

/** A container of the pod has exited at least once (it is terminated now, or restarted since). */
export function podContainerExited(pod: PodLike): boolean {
  const statuses = [...(pod.status?.initContainerStatuses ?? []), ...(pod.status?.containerStatuses ?? [])];
  return statuses.some((s) => s.state?.terminated !== undefined || ((s.restartCount ?? 0) > 0 && s.lastState?.terminated !== undefined));
}

/** The kubelet's back-off after a container keeps exiting: the first "fatal" status of a crash-looping pod. */
export function podInCrashLoop(pod: PodLike): boolean {
  const statuses = [...(pod.status?.initContainerStatuses ?? []), ...(pod.status?.containerStatuses ?? [])];
  return statuses.some((s) => s.state?.waiting?.reason === 'CrashLoopBackOff');
}
