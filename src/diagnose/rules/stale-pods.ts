// Pods a ReplicationController keeps from an older template. The RC manager only counts pods: when the template
// changes it neither replaces nor updates the pods it runs (pkg/controller/replicaset/replica_set.go manageReplicas
// creates from the current template only when a pod is missing), and `kubectl rolling-update`, which did the
// replacing, was removed in kubectl 1.18. So an RC whose template this run changed is "ready" on its old pods: the
// verdict is true to the rule, and this note says what it does not mean.
//
// Pods carry no template hash, so a pod is of an older template when a container the template names differs in
// what admission leaves alone: image, command, args, env and envFrom (resources and volume mounts are left out:
// LimitRanger and the service account admission add to them), or the template's labels are not all on the pod.
import type { KubeObject, Pod, PodTemplate, Workload } from '../../k8s/objects.js';
import { isZeroValue } from '../../k8s/template-equal.js';
import { semanticEqual } from '../../k8s/semantic-equal.js';
import type { Draft } from './types.js';

const COMPARED = ['image', 'command', 'args', 'env', 'envFrom'] as const;

type Container = Record<string, unknown> & { name?: string };

function containersMatch(wanted: readonly Container[] | undefined, running: readonly Container[] | undefined): boolean {
  return (wanted ?? []).every((w) => {
    const r = (running ?? []).find((c) => c.name === w.name);
    return r !== undefined && COMPARED.every((field) => semanticEqual(w[field], r[field], isZeroValue));
  });
}

export function runsTemplate(pod: Pod, template: PodTemplate | undefined): boolean {
  const labels = template?.metadata?.labels ?? {};
  if (Object.entries(labels).some(([k, v]) => pod.metadata?.labels?.[k] !== v)) return false;
  const spec = (template?.spec ?? {}) as { containers?: Container[]; initContainers?: Container[] };
  const podSpec = (pod.spec ?? {}) as { containers?: Container[]; initContainers?: Container[] };
  return containersMatch(spec.containers, podSpec.containers) && containersMatch(spec.initContainers, podSpec.initContainers);
}

/** The RC's live pods (not being deleted) made from a template other than the one it has now. */
export function podsOfOlderTemplate(rc: Workload, pods: readonly Pod[]): Pod[] {
  return pods.filter((p) => !p.metadata?.deletionTimestamp && !runsTemplate(p, rc.spec?.template));
}

/** The note for an RC whose pods do not all run its template; null when they do. */
export function stalePodsDraft(rc: KubeObject & Workload, pods: readonly Pod[]): Draft | null {
  const stale = podsOfOlderTemplate(rc, pods);
  if (stale.length === 0) return null;
  const names = stale.map((p) => p.metadata?.name ?? '').sort();
  const shown = names.length > 3 ? `${names.slice(0, 3).join(', ')} and ${names.length - 3} more` : names.join(', ');
  return {
    category: 'pods-not-replaced',
    pod: null,
    container: null,
    node: null,
    reason: null,
    message: `${stale.length} of ${pods.length} pods (${shown}) still run an older pod template: a ReplicationController does not replace its pods when its template changes, so only pods it creates from now on use the new one`,
    exitCode: null,
    restarts: null,
    events: [],
    evidence: { cause: names.join(' ') },
    since: null,
    failures: 1,
  };
}
