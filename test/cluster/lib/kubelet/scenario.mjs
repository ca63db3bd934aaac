// The scenario a pod plays, read the way the stages read it (stages/parts/jq.mjs `scenario`), except that scenarios
// the stages treat as healthy (memory-hog) keep their name here: this helper plays them.
import { SAFE_SYSCTLS } from '../../stages/parts/jq.mjs';

export const SCENARIO_ANNOTATION = 'kwok.kube-deploy-gate.dev/scenario';

/** The first sysctl the kubelet's admit handler refuses, with its error (sysctl/allowlist.go validateSysctl), or null. */
export function forbiddenSysctl(pod) {
  for (const s of pod.spec.securityContext?.sysctls ?? []) {
    const name = (s.name ?? '').replaceAll('/', '.');
    if (!SAFE_SYSCTLS.includes(name)) return `"${name}" not allowlisted`;
    if (pod.spec.hostNetwork && name.startsWith('net.')) return `"${name}" not allowed with host net enabled`;
    if (pod.spec.hostIPC && name.startsWith('kernel.shm')) return `"${name}" not allowed with host ipc enabled`;
  }
  return null;
}

/** "" for a healthy pod; <scenario>-on-node=X is that scenario on node X and "" elsewhere. */
export function scenarioOf(pod) {
  if (forbiddenSysctl(pod)) return 'sysctl-forbidden';
  const value = pod.metadata.annotations?.[SCENARIO_ANNOTATION] ?? '';
  const at = value.indexOf('-on-node=');
  if (at >= 0) return value.slice(at + '-on-node='.length) === pod.spec.nodeName ? value.slice(0, at) : '';
  return value;
}

/** Scenarios whose containers the stages start as healthy ones. */
export const startsHealthy = (scenario) => scenario === '' || scenario === 'memory-hog' || scenario === 'liveness-once';
