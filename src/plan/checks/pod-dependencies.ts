// Other objects a new pod needs before it can exist or start, checked by name:
//   serviceAccountName   the ServiceAccount admission plugin refuses every pod without it (admission-denied, the
//                        deploy's words: `error looking up service account ns/x: serviceaccount "x" not found`);
//                        "default" is recreated by the controller-manager, so it is never predicted missing;
//   imagePullSecrets     the kubelet pulls without the credentials it was told to use, which the private registry
//                        the secret exists for refuses (image-pull-unauthorized);
//   persistentVolumeClaim a pod naming a claim that does not exist is never scheduled (pvc-not-bound).
import { predict } from '../predict.js';
import type { CheckOutput, PlannedWorkload } from '../types.js';
import { namedClaims, podCount, subjectOf, templateOf } from '../workload-facts.js';
import { lookup, type CheckContext } from './context.js';

export function podDependencyCheck(ctx: CheckContext): CheckOutput {
  const out: CheckOutput = { findings: [], notes: [] };
  for (const w of ctx.workloads) {
    if (!w.templateChanged) continue;
    serviceAccount(ctx, w, out);
    pullSecrets(ctx, w, out);
    claims(ctx, w, out);
  }
  return out;
}

function serviceAccount(ctx: CheckContext, w: PlannedWorkload, out: CheckOutput): void {
  const spec = templateOf(w.after)?.spec;
  const name = spec?.serviceAccountName || (typeof spec?.serviceAccount === 'string' ? spec.serviceAccount : '') || 'default';
  const ns = w.ref.namespace;
  if (name === 'default' || lookup(ctx, 'ServiceAccount', ns, name).state !== 'absent') return;
  out.findings.push(
    predict({
      category: 'admission-denied',
      subject: subjectOf(w),
      pods: podCount(w.after) ?? undefined,
      reason: 'FailedCreate',
      evidence: { serviceAccount: name },
      message: `ServiceAccount ${name} does not exist in namespace ${ns} and this deploy does not create it: the API server refuses every new pod (error looking up service account ${ns}/${name}: serviceaccount "${name}" not found)`,
    }),
  );
}

function pullSecrets(ctx: CheckContext, w: PlannedWorkload, out: CheckOutput): void {
  const spec = templateOf(w.after)?.spec;
  const ns = w.ref.namespace;
  const images = [...(spec?.initContainers ?? []), ...(spec?.containers ?? [])].map((c) => c.image ?? '').filter(Boolean);
  for (const entry of spec?.imagePullSecrets ?? []) {
    const name = entry.name ?? '';
    if (!name || lookup(ctx, 'Secret', ns, name).state !== 'absent') continue;
    out.findings.push(
      predict({
        category: 'image-pull-unauthorized',
        subject: subjectOf(w),
        pods: podCount(w.after) ?? undefined,
        reason: 'FailedToRetrieveImagePullSecret',
        evidence: { image: images[0], refKind: 'Secret', refName: name },
        message: `imagePullSecret ${name} does not exist in namespace ${ns} and this deploy does not create it: the kubelet pulls ${images.join(', ')} without those credentials, which the registry the secret is for refuses`,
      }),
    );
  }
}

function claims(ctx: CheckContext, w: PlannedWorkload, out: CheckOutput): void {
  const template = templateOf(w.after);
  const ns = w.ref.namespace;
  // Claims of a StatefulSet's volumeClaimTemplates and of ephemeral volumes are created for each pod.
  for (const name of namedClaims(template?.spec)) {
    if (lookup(ctx, 'PersistentVolumeClaim', ns, name).state !== 'absent') continue;
    out.findings.push(
      predict({
        category: 'pvc-not-bound',
        subject: subjectOf(w),
        pods: podCount(w.after) ?? undefined,
        reason: 'FailedScheduling',
        evidence: { pvc: name, cause: 'missing' },
        message: `PersistentVolumeClaim ${name} does not exist in namespace ${ns} and this deploy does not create it: the scheduler will not place the pods (persistentvolumeclaim "${name}" not found)`,
      }),
    );
  }
}
