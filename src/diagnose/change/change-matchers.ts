// Small predicates over one template change ("the memory limit went down", "a probe changed"), the
// vocabulary the linking rules are written in.
import type { TemplateChange } from './change-types.js';
import { containerOf, leafOf } from './field-path.js';
import { compareQuantities } from '../../k8s/quantity.js';

export type ChangePredicate = (change: TemplateChange) => boolean;

/** On the named container; a finding without a container accepts any container-level change. */
export function onContainer(container: string | null): ChangePredicate {
  return (change) => {
    const own = containerOf(change);
    return own !== null && (container === null || own === container);
  };
}

export function both(...predicates: ChangePredicate[]): ChangePredicate {
  return (change) => predicates.every((p) => p(change));
}

export function either(...predicates: ChangePredicate[]): ChangePredicate {
  return (change) => predicates.some((p) => p(change));
}

export function leafMatches(pattern: RegExp): ChangePredicate {
  return (change) => pattern.test(leafOf(change));
}

export function fieldMatches(pattern: RegExp): ChangePredicate {
  return (change) => pattern.test(change.field);
}

/** The value went down, or a limit appeared where there was none (unlimited before). */
export function quantityLowered(change: TemplateChange): boolean {
  if (change.after === null) return false;
  if (change.before === null) return true;
  return compareQuantities(change.after, change.before) === -1;
}

/** The value went up, or appeared where there was none. */
export function quantityRaised(change: TemplateChange): boolean {
  if (change.after === null) return false;
  if (change.before === null) return true;
  return compareQuantities(change.after, change.before) === 1;
}

export const memoryLimit = leafMatches(/^\.resources\.limits\.memory$/);
export const anyRequest = leafMatches(/^\.resources\.requests\./);
export const anyLimit = leafMatches(/^\.resources\.limits\./);
/** The image of an existing container, or a container added or removed with its image. */
export const image = leafMatches(/^(\.image)?$/);
export const imagePullPolicy = leafMatches(/^\.imagePullPolicy$/);
export const commandOrArgs = leafMatches(/^\.(command|args)$/);
export const envChange = leafMatches(/^\.(env|envFrom)\[/);
export const mountChange = leafMatches(/^\.volumeMounts\[/);
export const readinessProbe = leafMatches(/^\.readinessProbe(\.|$)/);
export const livenessProbe = leafMatches(/^\.livenessProbe(\.|$)/);
export const startupProbe = leafMatches(/^\.startupProbe(\.|$)/);
export const anyProbe = either(readinessProbe, livenessProbe, startupProbe);
export const nodeSelection = fieldMatches(/^spec\.(nodeSelector\[|affinity\.nodeAffinity$|nodeName$)/);
export const tolerations = fieldMatches(/^spec\.tolerations\[/);
export const podPlacement = fieldMatches(/^spec\.(affinity\.pod(Anti)?Affinity$|topologySpreadConstraints\[)/);
export const podVolume = fieldMatches(/^spec\.volumes\[/);
export const ofKind =
  (...kinds: TemplateChange['kind'][]): ChangePredicate =>
  (change) =>
    kinds.includes(change.kind);
