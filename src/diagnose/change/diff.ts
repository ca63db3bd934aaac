// What changed between the pod template that ran before and the one that fails, over the fields that
// break rollouts. Pure: two plain templates in, a list of changes out.
import type { ConfigRef, TemplateChange } from './change-types.js';
import { diffContainers } from './diff-containers.js';
import type { DraftChange } from './diff-core.js';
import { diffPodLevel } from './diff-pod.js';
import { configRefId, templateReferences } from './references.js';
import { podSpecOf } from './template-shape.js';

/**
 * Changes from `before` to `after`, containers first (init containers, then app containers, each in the
 * new template's order), then pod-level fields. Either side may be a pod template, a pod spec, a
 * workload or a ControllerRevision. Without a previous template there is nothing to compare: [].
 */
export function diffPodTemplates(before: unknown, after: unknown): TemplateChange[] {
  const left = podSpecOf(before);
  const right = podSpecOf(after);
  if (!left || !right) return [];
  const drafts = [...diffContainers(left, right), ...diffPodLevel(left, right)];
  const known = knownReferences(before);
  return drafts.map((draft) => finish(draft, known));
}

// A reference is new only if the old template did not already point at the same object (and key, for
// keyed references): the old pods ran with those, so they are not what "not found" is about.
function knownReferences(template: unknown): Set<string> {
  const known = new Set<string>();
  for (const ref of templateReferences(template)) {
    known.add(configRefId(ref, true));
    known.add(`${configRefId(ref)}#any`);
  }
  return known;
}

function isNew(ref: ConfigRef, known: Set<string>): boolean {
  // A whole-object reference (envFrom, a volume without items) never proved that one key exists.
  if (ref.key !== undefined) return !known.has(configRefId(ref, true));
  return !known.has(`${configRefId(ref)}#any`);
}

function finish(draft: DraftChange, known: Set<string>): TemplateChange {
  const { refsAfter, ...change } = draft;
  const fresh = (refsAfter ?? []).filter((ref) => isNew(ref, known));
  return fresh.length > 0 ? { ...change, newRefs: fresh } : change;
}
