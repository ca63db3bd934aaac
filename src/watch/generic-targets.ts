// Which applied objects besides the workloads the wait waits for (input wait-for), judged by the kstatus rules
// (status/generic). The workloads are always waited for with kubectl's rules; these come on top:
// - `workloads`: none (the gate before kstatus).
// - `all` (the default): every object of a kind with a status subresource, the only place a controller can report
//   on it. Kinds without one (ConfigMap, Secret, ServiceAccount, RBAC, webhook configurations, StorageClass...) have
//   nothing to wait for: kstatus calls them current the moment they exist, and watching them would cost a list of
//   every such object and RBAC the deploy does not otherwise need.
// - a list of kinds (`Certificate, PersistentVolumeClaim`, or `Kind.group` to pick one group): those, whatever
//   their subresources.
// Never: CustomResourceDefinitions (the apply already waited for Established before applying their custom
// resources) and Namespaces under `all` (Active when created; watching them needs cluster-wide list).
import { isWorkloadKind, type ObjectKey } from '../k8s/kinds.js';

export type WaitFor = { mode: 'workloads' } | { mode: 'all' } | { mode: 'kinds'; kinds: readonly KindPattern[] };

/** A kind as the input names it; `group` null matches the kind in any group. Kinds match without case. */
export interface KindPattern {
  kind: string;
  group: string | null;
}

/** An applied object the wait judges with the kstatus rules. */
export interface GenericTarget extends ObjectKey {
  apiVersion: string;
  /** The apply changed it (created, or a new resourceVersion): a changed object waits a moment for a first status. */
  changed: boolean;
}

export interface AppliedRef {
  apiVersion?: string;
  kind: string;
  namespace?: string;
  name: string;
  changed: boolean;
}

export function groupOf(apiVersion: string): string {
  const slash = apiVersion.lastIndexOf('/');
  return slash < 0 ? '' : apiVersion.slice(0, slash);
}

function matches(pattern: KindPattern, apiVersion: string, kind: string): boolean {
  return pattern.kind.toLowerCase() === kind.toLowerCase() && (pattern.group === null || pattern.group === groupOf(apiVersion));
}

const NEVER_WAITED = new Set(['apiextensions.k8s.io/CustomResourceDefinition']);

/** "group/Kind" ("Kind" in the core group), the key `hasStatus` is asked with. */
export function kindKey(apiVersion: string, kind: string): string {
  const group = groupOf(apiVersion);
  return group ? `${group}/${kind}` : kind;
}

/**
 * `hasStatus(kindKey)`: discovery lists a `status` subresource for the kind. Objects keep the apply's order; one
 * object applied twice (the same name in two files is refused earlier) would appear once.
 */
export function genericTargets(objects: readonly AppliedRef[], waitFor: WaitFor, hasStatus: (key: string) => boolean): GenericTarget[] {
  if (waitFor.mode === 'workloads') return [];
  return objects.flatMap((o) => {
    const apiVersion = o.apiVersion ?? '';
    const key = kindKey(apiVersion, o.kind);
    // The apply records these as workloads (apply/apply.ts), waited for with kubectl's rules.
    if (isWorkloadKind(o.kind)) return [];
    if (NEVER_WAITED.has(key)) return [];
    const wanted =
      waitFor.mode === 'all' ? key !== 'Namespace' && hasStatus(key) : waitFor.kinds.some((p) => matches(p, apiVersion, o.kind));
    if (!wanted) return [];
    return [{ apiVersion, kind: o.kind, namespace: o.namespace ?? '', name: o.name, changed: o.changed }];
  });
}

/** The kinds of an input list; throws a message naming the bad entry. */
export function parseKindPatterns(entries: readonly string[]): KindPattern[] {
  return entries.map((entry) => {
    const m = /^([A-Za-z][A-Za-z0-9]*)(?:\.([a-z0-9]([-a-z0-9.]*[a-z0-9])?))?$/.exec(entry);
    if (!m) throw new Error(`"${entry}" is not a kind (Kind or Kind.group, e.g. Certificate or Certificate.cert-manager.io)`);
    return { kind: m[1], group: m[2] ?? null };
  });
}
