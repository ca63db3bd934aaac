// The HorizontalPodAutoscalers that may scale the workloads of this run: the live ones in their namespaces and the
// ones the manifests declare. Read only when some scalable workload's manifest sets spec.replicas.
import { describeError } from '../errors.js';
import type { KubeClient } from '../kube/client.js';
import { HPA_API_VERSION } from '../k8s/hpa.js';
import { isWorkloadKind, WORKLOADS } from '../k8s/kinds.js';
import type { KubeObject } from '../k8s/objects.js';
import { record } from '../k8s/fields.js';
import type { PlannedObject } from './plan.js';

export interface Scalers {
  list: KubeObject[];
  /** Why the live HPAs could not be read, if they could not. */
  notice: string | null;
}

const key = (o: KubeObject) => `${o.metadata?.namespace}/${o.metadata?.name}`;

export async function readScalers(client: KubeClient, planned: readonly PlannedObject[]): Promise<Scalers> {
  const setsReplicas = planned.filter((m) => {
    const kind = m.object.kind;
    return isWorkloadKind(kind) && WORKLOADS[kind].scalable && record(m.object.spec).replicas !== undefined;
  });
  if (setsReplicas.length === 0) return { list: [], notice: null };
  const byKey = new Map<string, KubeObject>();
  const failures: string[] = [];
  const namespaces = [...new Set(setsReplicas.map((m) => m.object.metadata?.namespace ?? ''))];
  await Promise.all(
    namespaces.map(async (ns) => {
      try {
        for (const hpa of await client.list<KubeObject>(HPA_API_VERSION, 'HorizontalPodAutoscaler', ns)) byKey.set(key(hpa), hpa);
      } catch (e) {
        failures.push(`${ns}: ${describeError(e)}`);
      }
    }),
  );
  for (const m of planned) if (m.object.kind === 'HorizontalPodAutoscaler') byKey.set(key(m.object), m.object);
  const notice = failures.length
    ? `could not list HorizontalPodAutoscalers (${failures.join('; ')}): spec.replicas is applied as the manifests write it. Grant list on horizontalpodautoscalers (autoscaling) so respect-hpa can see them`
    : null;
  return { list: [...byKey.values()], notice };
}
