// Whether the status describes the spec that was applied. Three sources, from the most to the least common:
// status.observedGeneration (kstatus checkGeneration, pkg/kstatus/status/generic.go), its mandatory form for kinds
// whose controller always writes it (kstatus checkGenerationSet, pkg/kstatus/status/core.go), and a condition's own
// observedGeneration, which kstatus ignores but kubectl wait honours (staging/src/k8s.io/kubectl/pkg/cmd/wait/
// condition.go, getObservedGeneration): cert-manager and other metav1.Condition users only stamp it there.
import { optionalInt, record, text, type Plain } from '../../../k8s/fields.js';
import { inProgress, type ObjectStatus } from './object-status.js';

const NOT_OBSERVED = 'LatestGenerationNotObserved';

function kindOf(obj: Plain): string {
  return text(obj.kind);
}

function generationOf(obj: Plain): number | undefined {
  return optionalInt(record(obj.metadata).generation);
}

/** In progress while status.observedGeneration differs from metadata.generation; silent when either is absent. */
export function latestGenerationNotObserved(object: unknown): ObjectStatus | null {
  const obj = record(object);
  const generation = generationOf(obj);
  const observed = optionalInt(record(obj.status).observedGeneration);
  if (generation === undefined || observed === undefined || observed === generation) return null;
  return inProgress(NOT_OBSERVED, `${kindOf(obj)} generation is ${generation}, but latest observed generation is ${observed}`);
}

/** For kinds whose controller always writes status.observedGeneration: its absence means "not seen yet". */
export function generationNotSet(object: unknown): ObjectStatus | null {
  const obj = record(object);
  if (generationOf(obj) === undefined) return inProgress('NoGeneration', `${kindOf(obj)} metadata.generation not found`);
  if (optionalInt(record(obj.status).observedGeneration) === undefined) {
    return inProgress('NoObservedGeneration', `${kindOf(obj)} status.observedGeneration not found`);
  }
  return null;
}

/**
 * In progress when the condition was set for an older generation: a Ready=True stamped with generation 3 says
 * nothing about generation 4. Like kubectl wait, only an older stamp counts, and the check needs both numbers.
 */
export function staleCondition(object: unknown, condition: Plain): ObjectStatus | null {
  const obj = record(object);
  const generation = generationOf(obj);
  const stamped = optionalInt(condition.observedGeneration);
  if (generation === undefined || stamped === undefined || stamped >= generation) return null;
  const type = text(condition.type);
  return inProgress(
    NOT_OBSERVED,
    `${kindOf(obj)} generation is ${generation}, but the ${type} condition was observed at generation ${stamped}`,
  );
}
