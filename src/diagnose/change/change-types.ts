// The vocabulary of "what changed between the revision that ran and the one that fails".
// Kept apart from model.ts because only the diagnosis and the report read it; a finding carries the
// narrower SuspectedChange.

export type ChangeKind =
  'image' | 'command' | 'env' | 'resources' | 'probe' | 'volume' | 'serviceAccount' | 'scheduling' | 'securityContext' | 'imagePullSecrets';

export type ConfigKind = 'Secret' | 'ConfigMap';

/** A ConfigMap or Secret a pod template points at; key is set when one key is picked (env valueFrom, volume items). */
export interface ConfigRef {
  kind: ConfigKind;
  name: string;
  key?: string;
}

export interface TemplateChange {
  /** kubectl-ish path with container names, e.g. spec.containers[api].resources.limits.memory */
  field: string;
  /** Compact rendering of the old value; null when the field was not set. */
  before: string | null;
  after: string | null;
  kind: ChangeKind;
  /** The container (or init container) the field belongs to; absent for pod-level fields. */
  container?: string;
  /**
   * ConfigMaps/Secrets (and keys) this change starts to reference that the old template did not, so a
   * "not found" finding can be tied to it without re-reading the templates.
   */
  newRefs?: ConfigRef[];
}
