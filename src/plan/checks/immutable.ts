// Fields that cannot change on an existing object. The dry run already refuses such a change; this names the field
// when the API server's message does not: a StatefulSet lets only these spec fields change
// (pkg/apis/apps/validation/validation.go, ValidateStatefulSetUpdate); the rest need the object deleted and created.
import { objectLeaves } from '../../k8s/object-paths.js';
import { record } from '../../k8s/fields.js';
import type { KubeObject } from '../../k8s/objects.js';
import { stableJson } from '../../diagnose/change/render.js';

const STATEFULSET_MUTABLE = new Set([
  'replicas',
  'ordinals',
  'template',
  'updateStrategy',
  'revisionHistoryLimit',
  'persistentVolumeClaimRetentionPolicy',
  'minReadySeconds',
]);

/** The first spec field the manifest sets to something else than the live StatefulSet holds, outside the mutable ones. */
export function immutableStatefulSetField(live: KubeObject | null, manifest: KubeObject): string | null {
  if (!live || manifest.kind !== 'StatefulSet') return null;
  const liveSpec = record(live.spec);
  for (const [field, value] of Object.entries(record(manifest.spec))) {
    if (STATEFULSET_MUTABLE.has(field)) continue;
    const mine = objectLeaves(value);
    const theirs = objectLeaves(liveSpec[field]);
    // The live object carries defaults the manifest leaves out: only what the manifest sets is compared.
    for (const [key, leaf] of mine) {
      if (stableJson(theirs.get(key)?.value ?? null) !== stableJson(leaf.value)) return `spec.${field}`;
    }
  }
  return null;
}

/** The field an "is immutable" message names: `spec.selector: Invalid value: ...: field is immutable`. */
export function immutableFieldIn(message: string): string | null {
  return /([\w.[\]-]+): Invalid value: .*?field is immutable/.exec(message)?.[1] ?? null;
}
