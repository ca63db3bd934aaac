// Secrets, ConfigMaps and keys a new pod template reads that will not exist: the kubelet cannot build the container
// (config-missing-ref / config-missing-key, the deploy's words: `secret "x" not found`, `couldn't find key k in
// Secret ns/x`) or cannot mount the volume (a missing key of a volume's items: volume-mount-failed).
// Not predicted (a note instead): a reference some object of the deploy will produce (diagnose/run-context.ts: a
// cert-manager Certificate, an ExternalSecret, a SealedSecret, a Vault secret); one read through
// env by an app container when the pod has init containers, or when a Job of the deploy runs in the namespace,
// because those may create it first and the plan cannot know.
import { templateReferences, type TemplateReference } from '../../diagnose/change/index.js';
import { record } from '../../k8s/fields.js';
import type { KubeObject } from '../../k8s/objects.js';
import { predict } from '../predict.js';
import type { CheckOutput, PlannedWorkload } from '../types.js';
import { nameOf, podCount, subjectOf, templateOf } from '../workload-facts.js';
import { lookup, type CheckContext } from './context.js';
import { secretValues } from '../secret-keys.js';

function keysOf(obj: KubeObject): Set<string> {
  if (obj.kind === 'Secret') return new Set(secretValues(obj).keys());
  return new Set([...Object.keys(record(obj.data)), ...Object.keys(record(obj.binaryData))]);
}

function via(ref: TemplateReference): string {
  if (ref.via === 'volume') return `volume ${ref.volume ?? ''}`;
  return `${ref.via} of container ${ref.container ?? ''}`;
}

export function configReferenceCheck(ctx: CheckContext): CheckOutput {
  const out: CheckOutput = { findings: [], notes: [] };
  for (const w of ctx.workloads) if (w.templateChanged) checkWorkload(ctx, w, out);
  return out;
}

function checkWorkload(ctx: CheckContext, w: PlannedWorkload, out: CheckOutput): void {
  const template = templateOf(w.after);
  const ns = w.ref.namespace;
  const inits = new Set((template?.spec?.initContainers ?? []).map((c) => c.name));
  const pods = podCount(w.after) ?? undefined;
  const seen = new Set<string>();
  for (const ref of templateReferences(template)) {
    // Pull secrets are the pull-secret check's; optional references cannot stop a pod.
    if (ref.optional || ref.via === 'imagePullSecret') continue;
    const once = (id: string) => (seen.has(id) ? false : (seen.add(id), true));
    const found = lookup(ctx, ref.kind, ns, ref.name);
    const word = ref.kind.toLowerCase();
    if (found.state === 'produced') {
      if (once(`note/${ref.kind}/${ref.name}`))
        out.notes.push(`${ref.kind} ${ns}/${ref.name} (read by ${nameOf(w)}) will be created by ${found.by}`);
      continue;
    }
    if (found.state === 'unknown') continue;
    if (found.state === 'absent') {
      const maker = mayBeMadeBy(ctx, w, ref, inits);
      if (maker) {
        if (once(`note/${ref.kind}/${ref.name}`))
          out.notes.push(
            `${ref.kind} ${ns}/${ref.name} (read by ${nameOf(w)}) does not exist yet; ${maker} may create it, which the plan cannot know: not predicted`,
          );
        continue;
      }
      if (!once(`${ref.kind}/${ref.name}`)) continue;
      out.findings.push(
        predict({
          category: 'config-missing-ref',
          subject: subjectOf(w),
          container: ref.container ?? null,
          pods,
          reason: ref.via === 'volume' ? 'FailedMount' : 'CreateContainerConfigError',
          evidence: { refKind: ref.kind, refName: ref.name },
          message: `${ref.kind} ${ref.name} does not exist in namespace ${ns} and this deploy does not create it; the new pods read it through ${via(ref)}, so the kubelet will fail with ${word} "${ref.name}" not found`,
        }),
      );
      continue;
    }
    if (ref.key === undefined || keysOf(found.object).has(ref.key) || !once(`${ref.kind}/${ref.name}/${ref.key}`)) continue;
    const where = found.inApply ? 'as this deploy applies it' : 'in the cluster (this deploy does not change it)';
    const volume = ref.via === 'volume';
    out.findings.push(
      predict({
        category: volume ? 'volume-mount-failed' : 'config-missing-key',
        subject: subjectOf(w),
        container: ref.container ?? null,
        pods,
        reason: volume ? 'FailedMount' : 'CreateContainerConfigError',
        evidence: { refKind: ref.kind, refName: ref.name, key: ref.key },
        message: volume
          ? `${ref.kind} ${ref.name} has no key ${ref.key} ${where}; volume ${ref.volume ?? ''} lists it in items, so the kubelet cannot mount it: references non-existent ${ref.kind === 'Secret' ? 'secret' : 'config'} key: ${ref.key}`
          : `${ref.kind} ${ref.name} has no key ${ref.key} ${where}; container ${ref.container ?? ''} reads it through env, so the kubelet will fail with couldn't find key ${ref.key} in ${ref.kind} ${ns}/${ref.name}`,
      }),
    );
  }
}

/** Who might create a missing object before the pod needs it: a Job of the deploy, or the pod's init containers. */
function mayBeMadeBy(ctx: CheckContext, w: PlannedWorkload, ref: TemplateReference, inits: Set<string>): string | null {
  const jobs = (ctx.jobs.get(w.ref.namespace) ?? []).filter((j) => j !== `Job ${w.ref.name}` || w.ref.kind !== 'Job');
  if (jobs.length) return `${jobs.join(', ')} of this deploy`;
  // Env is resolved when each container starts, after the init containers ran; volumes are mounted before them.
  if (ref.via !== 'volume' && inits.size > 0 && ref.container !== undefined && !inits.has(ref.container))
    return `init container ${[...inits].join(', ')}`;
  return null;
}
