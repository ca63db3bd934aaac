// The API server's rules for object names, checked before the first write so one bad name cannot leave half a deploy
// behind, and so no name can walk the request path ("..", "/"). Ported from Kubernetes:
// apimachinery/pkg/util/validation/validation.go (IsDNS1123Subdomain, IsDNS1123Label, IsDNS1035Label),
// apimachinery/pkg/api/validation/path/name.go (IsValidPathSegmentName), and the per-kind name functions of
// pkg/apis/{core,apps,batch,rbac,networking}/validation/validation.go.

export type NameRule = 'dns-subdomain' | 'dns-label' | 'dns-1035-label' | 'path-segment';

const LABEL = '[a-z0-9]([-a-z0-9]*[a-z0-9])?';
const DNS_1123_LABEL = new RegExp(`^${LABEL}$`);
const DNS_1123_SUBDOMAIN = new RegExp(`^${LABEL}(\\.${LABEL})*$`);
const DNS_1035_LABEL = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;

/** Kinds whose name is not a DNS subdomain. Kinds not listed here and not in SUBDOMAIN_KINDS only get path rules. */
const NAME_RULES: Readonly<Record<string, NameRule>> = {
  Namespace: 'dns-label',
  Service: 'dns-1035-label',
  // RBAC names may hold ':' and capitals (system:controller:...): ValidateRBACName is the path-segment rule.
  Role: 'path-segment',
  ClusterRole: 'path-segment',
  RoleBinding: 'path-segment',
  ClusterRoleBinding: 'path-segment',
};

/** Built-in kinds whose name must be a DNS subdomain. Custom resources are left to their server. */
const SUBDOMAIN_KINDS = new Set([
  'Pod',
  'ConfigMap',
  'Secret',
  'ServiceAccount',
  'PersistentVolumeClaim',
  'PersistentVolume',
  'Endpoints',
  'LimitRange',
  'ResourceQuota',
  'ReplicationController',
  'Deployment',
  'StatefulSet',
  'DaemonSet',
  'ReplicaSet',
  'Job',
  'CronJob',
  'Ingress',
  'IngressClass',
  'NetworkPolicy',
  'PodDisruptionBudget',
  'HorizontalPodAutoscaler',
  'StorageClass',
  'PriorityClass',
  'CustomResourceDefinition',
]);

export function nameRuleOf(kind: string): NameRule {
  return NAME_RULES[kind] ?? (SUBDOMAIN_KINDS.has(kind) ? 'dns-subdomain' : 'path-segment');
}

/** Why a name cannot be used as one segment of a request path, or null. Applies to every kind. */
export function pathSegmentProblem(name: string): string | null {
  if (name === '.' || name === '..') return `may not be "${name}"`;
  if (name.includes('/')) return 'may not contain "/"';
  if (name.includes('%')) return 'may not contain "%"';
  return null;
}

/** Why `name` is not a valid name for an object of `kind`, or null when the server will take it. */
export function nameProblem(kind: string, name: string): string | null {
  if (name === '') return 'must not be empty';
  const segment = pathSegmentProblem(name);
  if (segment) return segment;
  switch (nameRuleOf(kind)) {
    case 'dns-label':
      return labelProblem(name, DNS_1123_LABEL, 'start and end with a letter or digit');
    case 'dns-1035-label':
      return labelProblem(name, DNS_1035_LABEL, 'start with a letter and end with a letter or digit');
    case 'dns-subdomain':
      if (name.length > 253) return `must be at most 253 characters (it has ${name.length})`;
      if (!DNS_1123_SUBDOMAIN.test(name)) {
        return "must be a lowercase RFC 1123 subdomain: lowercase letters, digits, '-' and '.', starting and ending with a letter or digit";
      }
      if (kind === 'CronJob' && name.length > 52) return `must be at most 52 characters for a CronJob (it has ${name.length})`;
      return null;
    case 'path-segment':
      return null;
  }
}

function labelProblem(name: string, pattern: RegExp, ends: string): string | null {
  if (name.length > 63) return `must be at most 63 characters (it has ${name.length})`;
  if (!pattern.test(name)) return `must be a lowercase RFC 1123 label: lowercase letters, digits and '-', and ${ends}`;
  return null;
}

/** A namespace name (metadata.namespace, the namespace input) is a DNS label. */
export function namespaceProblem(namespace: string): string | null {
  return nameProblem('Namespace', namespace);
}

/** An apiVersion is "v1" or "group/version": it becomes part of the request path, so nothing else may pass. */
export function apiVersionProblem(apiVersion: string): string | null {
  const [group, version, extra] = apiVersion.includes('/') ? apiVersion.split('/') : ['', apiVersion];
  if (extra !== undefined || !DNS_1123_LABEL.test(version) || (group !== '' && !DNS_1123_SUBDOMAIN.test(group))) {
    return 'must be "VERSION" or "GROUP/VERSION", such as v1 or apps/v1';
  }
  return null;
}
