// Changes that will roll out but deserve a reviewer's eye: a limit lowered, fewer replicas, a probe or an env var
// removed, more pods allowed down at once, an image that names no fixed version. Read from the same template diff
// the deploy uses for "what changed" (src/diagnose/change), so both modes describe a change in the same words.
import { anyLimit, anyProbe, envChange, quantityLowered } from '../diagnose/change/change-matchers.js';
import { describeChange, diffPodTemplates, type TemplateChange } from '../diagnose/change/index.js';
import { leafOf } from '../diagnose/change/field-path.js';
import { imageTagOf, isPinnedByDigest } from '../apply/images.js';
import { scaledValue } from '../k8s/int-or-percent.js';
import { record } from '../k8s/fields.js';
import type { Workload } from '../k8s/objects.js';
import type { PlannedWorkload, RiskNote } from './types.js';
import { idOf, podCount, templateOf } from './workload-facts.js';

export function riskNotes(w: PlannedWorkload): RiskNote[] {
  if (w.action !== 'create' && w.action !== 'change') return [];
  const notes: RiskNote[] = [];
  const object = idOf(w);
  const note = (kind: RiskNote['kind'], field: string, before: string | null, after: string | null, message: string) =>
    notes.push({ kind, object, field, before, after, message });
  if (w.live) {
    const changes = diffPodTemplates(templateOf(w.live), templateOf(w.after));
    for (const c of changes) {
      const field = `spec.template.${c.field}`;
      if (anyLimit(c) && c.before !== null && quantityLowered(c)) note('limit-lowered', field, c.before, c.after, describeChange(c));
      else if (isProbeRemoved(c)) note('probe-removed', field, c.before, null, describeChange(c));
      else if (envChange(c) && c.after === null && isEnvRemoved(c, changes)) note('env-removed', field, c.before, null, describeChange(c));
    }
    replicasNote(w.live, w.after, note);
    unavailableNote(w.live, w.after, note);
  }
  const spec = templateOf(w.after)?.spec;
  const containers = [
    ...(spec?.initContainers ?? []).map((c) => ({ list: 'initContainers', c })),
    ...(spec?.containers ?? []).map((c) => ({ list: 'containers', c })),
  ];
  for (const { list, c } of containers) {
    const image = c.image ?? '';
    const tag = imageTagOf(image);
    if (!image || isPinnedByDigest(image) || (tag !== null && tag !== 'latest')) continue;
    note(
      'image-tag-latest',
      `spec.template.spec.${list}[${c.name}].image`,
      null,
      image,
      `container ${c.name} runs ${image}${tag === null ? ' (no tag: latest)' : ''}: a later push changes what runs without a change to the manifest, a re-deploy of the same tag rolls nothing out, and a rollback cannot bring back the old image`,
    );
  }
  return notes;
}

function isProbeRemoved(c: TemplateChange): boolean {
  return anyProbe(c) && c.before !== null && c.after === null && /^\.(readiness|liveness|startup)Probe$/.test(leafOf(c));
}

// An env var whose source changed (value -> valueFrom) is removed and added again by the diff: not a removal.
function isEnvRemoved(c: TemplateChange, all: TemplateChange[]): boolean {
  const name = /^(spec\.\w+\[[^\]]+\]\.env\[[^\]]+\])/.exec(c.field)?.[1];
  return name !== undefined && !all.some((o) => o !== c && o.after !== null && o.field.startsWith(`${name}.`));
}

type Note = (kind: RiskNote['kind'], field: string, before: string | null, after: string | null, message: string) => void;

function replicasNote(live: Workload, after: Workload, note: Note): void {
  const before = podCount(live);
  const now = podCount(after);
  if (live.kind !== 'Deployment' && live.kind !== 'StatefulSet') return;
  if (before !== null && now !== null && now < before)
    note('replicas-lowered', 'spec.replicas', String(before), String(now), `replicas lowered from ${before} to ${now}`);
}

function unavailableNote(live: Workload, after: Workload, note: Note): void {
  const path = live.kind === 'Deployment' ? 'strategy' : 'updateStrategy';
  const read = (w: Workload) => record(record(record(w.spec)[path]).rollingUpdate).maxUnavailable;
  const replicas = podCount(after) ?? 1;
  const before = read(live);
  const now = read(after);
  if (before === undefined || now === undefined) return;
  const a = scaledValue(before, replicas, false);
  const b = scaledValue(now, replicas, false);
  if (a !== null && b !== null && b > a)
    note(
      'max-unavailable-raised',
      `spec.${path}.rollingUpdate.maxUnavailable`,
      String(before),
      String(now),
      `maxUnavailable raised from ${String(before)} to ${String(now)}: up to ${b} of ${replicas} pods may be down at once during the rollout (${a} before)`,
    );
}
