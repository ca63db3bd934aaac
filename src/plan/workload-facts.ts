// Small readers over a planned workload: its pod template and spec (the admitted preview pod's when there is one, so
// LimitRange defaults count), how many pods it runs, and how to name it.
import type { HintSubject } from '../diagnose/categories/spec.js';
import { claimNamesOf } from '../diagnose/rules/claims.js';
import { workloadId } from '../k8s/kinds.js';
import type { PodSpec, PodTemplate, Workload } from '../k8s/objects.js';
import type { PlannedWorkload } from './types.js';

export function templateOf(workload: Workload | null | undefined): PodTemplate | undefined {
  if (!workload) return undefined;
  // A bare Pod is its own template.
  if (workload.kind === 'Pod') return { metadata: workload.metadata, spec: workload.spec as PodSpec };
  return workload.spec?.template;
}

/** The pod spec the new pods will have: the preview pod (admission and LimitRange applied), else the template's. */
export function newPodSpec(w: PlannedWorkload): PodSpec | undefined {
  return w.preview.state === 'admitted' ? w.preview.pod.spec : templateOf(w.after)?.spec;
}

/** Pods the workload runs when its rollout is done (DaemonSets: not known here, null). */
export function podCount(workload: Workload | null | undefined): number | null {
  if (!workload) return 0;
  switch (workload.kind) {
    case 'Deployment':
    case 'StatefulSet':
      return typeof workload.spec?.replicas === 'number' ? workload.spec.replicas : 1;
    case 'Job': {
      const parallelism = workload.spec?.parallelism;
      return typeof parallelism === 'number' ? parallelism : 1;
    }
    case 'Pod':
      return 1;
    default:
      return null;
  }
}

export function subjectOf(w: PlannedWorkload): HintSubject {
  return { kind: w.ref.kind, namespace: w.ref.namespace, name: w.ref.name };
}

export function idOf(w: PlannedWorkload): string {
  return workloadId(w.ref);
}

/** "Deployment shop/api" for messages. */
export function nameOf(w: PlannedWorkload): string {
  return `${w.ref.kind} ${w.ref.namespace}/${w.ref.name}`;
}

/** The PersistentVolumeClaims a pod spec names (not the ones ephemeral volumes create for each pod). */
export function namedClaims(spec: PodSpec | undefined): string[] {
  return claimNamesOf({ metadata: { name: '' }, spec: { ...spec, volumes: (spec?.volumes ?? []).filter((v) => !v.ephemeral) } });
}
