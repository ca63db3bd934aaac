// What the deploy would send for one object, so the plan's dry run predicts the deploy's write and not the bare
// manifest's: a workload an HPA scales keeps the HPA's count (respect-hpa), and the trace annotations keep what the
// live object holds. The deploy stamps a new change-cause on a workload whose template changes, but that names the
// deploy's own run (its URL, its commit), which a plan on the pull request cannot know: the plan shows the change
// the manifests make, not the trace.
import { decideReplicas } from '../apply/replicas.js';
import { withLiveTrace } from '../apply/trace.js';
import { hpasScaling } from '../k8s/hpa.js';
import { isWorkloadKind, WORKLOADS } from '../k8s/kinds.js';
import type { KubeObject } from '../k8s/objects.js';

export interface AsDeployedInput {
  manifest: KubeObject;
  live: KubeObject | null;
  /** Every HPA that may scale a workload of the run (apply/hpa-scalers.ts). */
  hpas: readonly KubeObject[];
  respectHpa: boolean;
  fieldManager: string;
  /** Stamp no trace (annotate: false): the manifest goes as written. */
  annotate: boolean;
}

export function asDeployed(input: AsDeployedInput): { object: KubeObject; notice: string | null } {
  const { manifest, live } = input;
  const kind = manifest.kind ?? '';
  if (!isWorkloadKind(kind)) return { object: manifest, notice: null };
  const namespace = manifest.metadata?.namespace ?? '';
  const name = manifest.metadata?.name ?? '';
  let object = manifest;
  let notice: string | null = null;
  if (WORKLOADS[kind].scalable) {
    const replicas = decideReplicas({
      desired: object,
      live,
      hpas: hpasScaling({ apiVersion: manifest.apiVersion ?? '', kind, namespace, name }, input.hpas),
      respectHpa: input.respectHpa,
      fieldManager: input.fieldManager,
      objectId: `${kind}/${namespace ? `${namespace}/` : ''}${name}`,
      what: `${kind} ${namespace ? `${namespace}/` : ''}${name}`,
    });
    object = replicas.object;
    notice = replicas.notice;
  }
  if (input.annotate && live) object = withLiveTrace(object, live, manifest.metadata?.annotations ?? {});
  return { object, notice };
}
