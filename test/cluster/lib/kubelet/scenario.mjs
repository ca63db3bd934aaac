// The scenario a pod plays, read the way the stages read it (stages/parts/jq.mjs `scenario`).
export const SCENARIO_ANNOTATION = 'kwok.kube-deploy-gate.dev/scenario';

/** "" for a healthy pod; crash-on-node=X is "crash" on node X and "" elsewhere. */
export function scenarioOf(pod) {
  const value = pod.metadata.annotations?.[SCENARIO_ANNOTATION] ?? '';
  if (value.startsWith('crash-on-node=')) return value.slice('crash-on-node='.length) === pod.spec.nodeName ? 'crash' : '';
  return value;
}
