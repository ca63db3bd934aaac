// The scenario a pod plays, read the way the stages read it (stages/parts/jq.mjs `scenario`).
export const SCENARIO_ANNOTATION = 'kwok.kube-deploy-gate.dev/scenario';

/** "" for a healthy pod; crash-on-node=X is "crash" on node X and "" elsewhere. */
export function scenarioOf(pod) {
  const value = pod.metadata.annotations?.[SCENARIO_ANNOTATION] ?? '';
  if (value.startsWith('crash-on-node=')) return value.slice('crash-on-node='.length) === pod.spec.nodeName ? 'crash' : '';
  return value;
}

/** The container whose log the scenario writes, and which log; null when the pod's logs are the default ones. */
export function scenarioLog(pod, scenario) {
  if (scenario === 'init-crash' || scenario === 'init-slow') {
    const init = pod.spec.initContainers?.[0];
    return init ? { container: init.name, log: scenario } : null;
  }
  const known = ['crash', 'crash-exit-0', 'oom', 'start-error', 'liveness', 'not-ready'];
  return known.includes(scenario) ? { container: pod.spec.containers[0].name, log: scenario } : null;
}
