// What the widget controller writes for a Widget, as pure functions of the Widget and the time: the status a
// controller built with controller-runtime and metav1.Condition writes (conditions stamped with the generation they
// describe, observedGeneration), chosen by the annotation test.kube-deploy-gate.dev/behaviour:
//   (none) or ready        Ready=True at once
//   ready-after=<2s|500ms> Reconciling=True (Ready=False, reason Progressing) at once, Ready=True after the delay
//   stall                  Stalled=True reason InvalidSpec (Ready=False), and a Warning event InvalidSpec
//   reconcile-forever      Reconciling=True, reason Progressing, for ever
//   ignore-generation      Ready=True for the first generation it sees, then never looks again (a controller
//                          that stopped: observedGeneration stays behind)
// Anything else is written nowhere (a typo shows as a Widget without status) and logged.
export const BEHAVIOUR_ANNOTATION = 'test.kube-deploy-gate.dev/behaviour';
export const GROUP = 'test.kube-deploy-gate.dev';
export const VERSION = 'v1';

export const STALL_REASON = 'InvalidSpec';
export const STALL_MESSAGE = 'spec.size must be between 1 and 10';

/** { kind, delayMs } or null for an unknown behaviour. */
export function behaviourOf(widget) {
  const value = (widget.metadata.annotations?.[BEHAVIOUR_ANNOTATION] ?? 'ready').trim();
  const after = /^ready-after=(\d+)(ms|s|m)$/.exec(value);
  if (after) return { kind: 'ready-after', delayMs: Number(after[1]) * { ms: 1, s: 1000, m: 60_000 }[after[2]] };
  if (['ready', 'stall', 'reconcile-forever', 'ignore-generation'].includes(value)) return { kind: value, delayMs: 0 };
  return null;
}

function condition(type, status, reason, message, generation, now) {
  return { type, status, reason, message, observedGeneration: generation, lastTransitionTime: now.toISOString().replace(/\.\d+Z$/, 'Z') };
}

const ready = (g, now) => condition('Ready', 'True', 'Succeeded', 'Widget is ready', g, now);
const progressing = (g, now, message) => condition('Reconciling', 'True', 'Progressing', message, g, now);
const notReady = (g, now, reason, message) => condition('Ready', 'False', reason, message, g, now);

/**
 * The status to write now for this Widget, or null when there is nothing to write. `phase` is 'start' on the
 * first look at a generation, 'later' when a ready-after delay has passed.
 */
export function statusFor(widget, behaviour, phase, now) {
  const g = widget.metadata.generation;
  switch (behaviour.kind) {
    case 'ready':
      return { observedGeneration: g, conditions: [ready(g, now)] };
    case 'ready-after':
      if (phase === 'later') return { observedGeneration: g, conditions: [ready(g, now)] };
      return {
        observedGeneration: g,
        conditions: [
          progressing(g, now, `Creating the widget's parts (ready in ${behaviour.delayMs} ms)`),
          notReady(g, now, 'Progressing', 'Reconciliation in progress'),
        ],
      };
    case 'stall':
      return {
        observedGeneration: g,
        conditions: [condition('Stalled', 'True', STALL_REASON, STALL_MESSAGE, g, now), notReady(g, now, STALL_REASON, STALL_MESSAGE)],
      };
    case 'reconcile-forever':
      return {
        observedGeneration: g,
        conditions: [progressing(g, now, 'Waiting for the widget factory'), notReady(g, now, 'Progressing', 'Reconciliation in progress')],
      };
    case 'ignore-generation':
      // Only a Widget it never wrote to: after that first write it never looks at the object again.
      return widget.status?.observedGeneration === undefined ? { observedGeneration: g, conditions: [ready(g, now)] } : null;
    default:
      return null;
  }
}
