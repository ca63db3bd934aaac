// Which objects the checks need to know exist, so the edge reads exactly those by name (get, which the documented
// Role allows, rather than list): the Secrets, ConfigMaps, ServiceAccount and claims the new templates name, and the
// namespaces that warned about PodSecurity (their labels). Objects the deploy applies itself are known already.
import { templateReferences } from '../diagnose/change/index.js';
import { objectKey, type PlannedWorkload } from './types.js';
import { namedClaims, templateOf } from './workload-facts.js';

export interface NamedObject {
  apiVersion: string;
  kind: string;
  namespace?: string;
  name: string;
}

export function objectsToRead(workloads: PlannedWorkload[], applied: Set<string>): NamedObject[] {
  const out = new Map<string, NamedObject>();
  const add = (apiVersion: string, kind: string, namespace: string | undefined, name: string) => {
    const key = objectKey(kind, namespace, name);
    if (name && !applied.has(key)) out.set(key, { apiVersion, kind, namespace, name });
  };
  for (const w of workloads) {
    if (!w.templateChanged) continue;
    const ns = w.ref.namespace;
    // Its PodSecurity labels decide whether a "would violate" warning is a refusal to come.
    if (w.warnings.some((x) => x.includes('would violate PodSecurity'))) add('v1', 'Namespace', undefined, ns);
    const template = templateOf(w.after);
    for (const ref of templateReferences(template)) add('v1', ref.kind, ns, ref.name);
    const spec = template?.spec;
    const account = spec?.serviceAccountName || (typeof spec?.serviceAccount === 'string' ? spec.serviceAccount : '');
    if (account && account !== 'default') add('v1', 'ServiceAccount', ns, account);
    for (const claim of namedClaims(spec)) add('v1', 'PersistentVolumeClaim', ns, claim);
  }
  return [...out.values()];
}
