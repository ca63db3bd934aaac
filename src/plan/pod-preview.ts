// A pod of each new template, created with dryRun=All: the API server runs the admission every real pod of the
// rollout will meet (ResourceQuota, PodSecurity, LimitRange, ServiceAccount, webhooks and policies on pods), stores
// nothing, and answers with the pod as it would be, or with the refusal the ReplicaSet would log as FailedCreate.
// Creating pods, even as a dry run, needs `create pods`: without it the preview is skipped and said so.
import type { KubeClient } from '../kube/client.js';
import { KubeApiError } from '../kube/errors.js';
import type { Pod, Volume } from '../k8s/objects.js';
import { rbacDenial } from './checks/refusals.js';
import type { DryRunObject, PlannedWorkload, PodPreview } from './types.js';
import { templateOf } from './workload-facts.js';

export async function previewPods(
  client: KubeClient,
  workloads: PlannedWorkload[],
  objects: DryRunObject[],
  fieldManager: string,
): Promise<{ workloads: PlannedWorkload[]; notes: string[] }> {
  const notes = new Set<string>();
  const previewed = await Promise.all(
    workloads.map(async (w) => {
      const source = objects.find((o) => o.kind === w.ref.kind && o.namespace === w.ref.namespace && o.name === w.ref.name);
      const preview = await previewOne(client, w, source, fieldManager);
      if (preview.state === 'skipped' && preview.reason.startsWith('the credentials'))
        notes.add(`${preview.reason} (namespace ${w.ref.namespace})`);
      return { ...w, preview };
    }),
  );
  return { workloads: previewed, notes: [...notes] };
}

// The StatefulSet controller gives each pod a volume per volumeClaimTemplate, named after it, claiming
// "<template>-<statefulset>-<ordinal>" (pkg/controller/statefulset/stateful_set_utils.go, updateStorage): without them
// the pod's volumeMounts would name volumes that do not exist, which validation refuses.
function claimTemplateVolumes(w: PlannedWorkload): Volume[] {
  if (w.ref.kind !== 'StatefulSet') return [];
  const own = new Set((templateOf(w.after)?.spec?.volumes ?? []).map((v) => v.name));
  return (w.after.spec?.volumeClaimTemplates ?? [])
    .map((t) => t.metadata?.name ?? '')
    .filter((name) => name && !own.has(name))
    .map((name) => ({ name, persistentVolumeClaim: { claimName: `${name}-${w.ref.name}-0` } }));
}

async function previewOne(
  client: KubeClient,
  w: PlannedWorkload,
  source: DryRunObject | undefined,
  fieldManager: string,
): Promise<PodPreview> {
  if (!w.templateChanged) return { state: 'skipped', reason: 'the template is unchanged' };
  if (!source?.after) return { state: 'skipped', reason: source?.skipped ?? 'not dry-run' };
  // A bare Pod's own dry run was its admission.
  if (w.ref.kind === 'Pod') return { state: 'admitted', pod: source.after as Pod };
  const template = templateOf(w.after);
  const pod: Pod = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      generateName: `${w.ref.name}-plan-`,
      namespace: w.ref.namespace,
      labels: template?.metadata?.labels,
      annotations: template?.metadata?.annotations,
    },
    spec: { ...template?.spec, volumes: [...(template?.spec?.volumes ?? []), ...claimTemplateVolumes(w)] },
  };
  try {
    return { state: 'admitted', pod: (await client.create(pod, { dryRun: true, fieldManager })) as Pod };
  } catch (e) {
    if (!(e instanceof KubeApiError) || e.status < 400 || e.status >= 500) throw e;
    if (e.status === 403 && rbacDenial(e.apiMessage))
      return {
        state: 'skipped',
        reason:
          'the credentials may not create pods, even as a dry run: admission of the new pods (quota, PodSecurity, webhooks on pods) was predicted from the workloads alone',
      };
    return { state: 'refused', message: e.apiMessage || e.message };
  }
}
