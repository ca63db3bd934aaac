// Who holds a conflicting field decides what the deploy does with it. A person's hands-on fix during an incident
// (kubectl rollout undo, set image, edit, scale) or the gate's own earlier patch is taken back by the next deploy from
// git, and reported; another declarative owner (a second pipeline, a GitOps controller, Helm) stops the run before
// anything is written; a controller writing through a subresource (an HPA through /scale) keeps its field.
import type { FieldConflict } from './conflicts.js';

export type ConflictsMode = 'take-imperative' | 'stop' | 'force';
export const CONFLICTS_MODES: readonly ConflictsMode[] = ['take-imperative', 'stop', 'force'];

export type OwnerClass =
  /** Written by hand with kubectl, or patched by the gate itself (its rollback before 0.2, `undo`). */
  | 'imperative'
  /** Another server-side apply owner, or kubectl apply's client-side apply: configuration someone else declares. */
  | 'declarative'
  /** A controller writing through a subresource (an HPA through /scale): its field on purpose. */
  | 'controller'
  /** Any other Update (Helm 3, a dashboard, an operator): not ours to take without asking. */
  | 'other';

export type Resolution = 'take' | 'leave-out' | 'stop';

/** The name `undo` and the gate's rollbacks before server-side apply wrote with (the HTTP client's user agent). */
export const GATE_DEFAULT_MANAGER = 'kube-deploy-gate';

// kubectl's imperative commands write as "kubectl-<command>" (set, edit, scale, patch, label, annotate, create,
// replace...) or, for some (rollout undo, scale), plain "kubectl" from its user agent. kubectl apply without
// --server-side writes as "kubectl-client-side-apply": a declaration, however it was run.
const CLIENT_SIDE_APPLY = 'kubectl-client-side-apply';
const isKubectl = (manager: string) => manager === 'kubectl' || manager.startsWith('kubectl-');

export function classifyOwner(
  owner: Pick<FieldConflict, 'manager' | 'operation' | 'subresource'>,
  gateManagers: readonly string[],
): OwnerClass {
  if (owner.operation === 'Apply') return 'declarative';
  if (owner.manager === CLIENT_SIDE_APPLY) return 'declarative';
  if (isKubectl(owner.manager)) return 'imperative';
  if (owner.subresource !== '') return 'controller';
  if (gateManagers.includes(owner.manager)) return 'imperative';
  return 'other';
}

export function resolveConflict(owner: OwnerClass, mode: ConflictsMode): Resolution {
  if (mode === 'force') return 'take';
  if (mode === 'stop') return 'stop';
  if (owner === 'imperative') return 'take';
  if (owner === 'controller') return 'leave-out';
  return 'stop';
}

/** How the report names an owner class ("changed by hand with kubectl"...). */
export function describeOwnerClass(owner: OwnerClass): string {
  switch (owner) {
    case 'imperative':
      return 'an imperative change';
    case 'declarative':
      return 'another declarative owner';
    case 'controller':
      return 'a controller, through a subresource';
    case 'other':
      return 'another tool';
  }
}
