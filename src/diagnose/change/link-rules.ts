// Per finding category, the kinds of template change that most likely cause it, strongest first.
// A rule is a list of tiers; the first tier with a matching change names the suspect.
import type { Finding } from '../finding.js';
import {
  anyLimit,
  anyProbe,
  anyRequest,
  both,
  commandOrArgs,
  either,
  envChange,
  image,
  imagePullPolicy,
  livenessProbe,
  memoryLimit,
  mountChange,
  nodeSelection,
  ofKind,
  onContainer,
  podPlacement,
  podVolume,
  quantityLowered,
  quantityRaised,
  readinessProbe,
  startupProbe,
  tolerations,
  type ChangePredicate,
} from './change-matchers.js';
import type { TemplateChange } from './change-types.js';
import { missingConfigIn, type MissingConfig } from './finding-config-refs.js';

export type Tiers = ChangePredicate[];

const CRASHES = new Set(['crash-loop', 'crash-loop-exit-zero', 'exited-nonzero', 'init-container-failed']);
const IMAGE_PULLS = new Set(['image-not-found', 'image-pull-unauthorized', 'image-invalid-name']);
const MISSING_CONFIG = new Set(['config-missing-ref', 'config-missing-key', 'volume-mount-failed']);

/** The tiers for a finding, or [] when no change can explain its category. */
export function tiersFor(finding: Finding): Tiers {
  const category = finding.category;
  const mine = onContainer(finding.container);
  const on = (...predicates: ChangePredicate[]): ChangePredicate => both(mine, ...predicates);

  if (category === 'oom-killed') return [on(memoryLimit, quantityLowered), on(memoryLimit)];
  if (IMAGE_PULLS.has(category)) {
    const tiers = [on(image)];
    // A pull that needs credentials breaks when the pull secrets, or the account that carries them, change.
    if (category === 'image-pull-unauthorized') tiers.push(ofKind('imagePullSecrets'), ofKind('serviceAccount'));
    return tiers;
  }
  if (category === 'image-never-pull') return [on(imagePullPolicy), on(image)];
  if (MISSING_CONFIG.has(category)) return missingConfigTiers(missingConfigIn(finding), category === 'volume-mount-failed');
  if (category === 'readiness-probe-failing') return [on(readinessProbe), on(startupProbe), on(anyProbe), on(either(image, commandOrArgs))];
  if (category === 'liveness-probe-failing') return [on(livenessProbe), on(startupProbe), on(anyProbe), on(either(image, commandOrArgs))];
  if (category.startsWith('unschedulable-'))
    return [...unschedulableTiers(category), ofKind('scheduling'), both(anyRequest, quantityRaised)];
  if (CRASHES.has(category)) return [on(commandOrArgs), on(image), on(envChange), on(mountChange)];
  if (category === 'exec-format-error') return [on(image), on(commandOrArgs)];
  if (category === 'container-start-error') return [on(commandOrArgs), on(image), on(mountChange)];
  if (category === 'admission-denied') return admissionTiers(`${finding.reason ?? ''} ${finding.message}`);
  if (category === 'quota-exceeded') return [both(either(anyRequest, anyLimit), quantityRaised)];
  return [];
}

function unschedulableTiers(category: string): Tiers {
  const requestsUp = both(anyRequest, quantityRaised);
  switch (category) {
    case 'unschedulable-resources':
      return [requestsUp];
    case 'unschedulable-node-selector':
      return [nodeSelection];
    case 'unschedulable-taint':
    case 'unschedulable-node-condition':
      return [tolerations, nodeSelection];
    case 'unschedulable-affinity':
      return [podPlacement, nodeSelection];
    case 'unschedulable-volume':
      return [podVolume, nodeSelection];
    default:
      return [];
  }
}

// The kubelet names the missing object; only a change that newly references that object (and key)
// can be its cause. When it names nothing, any new reference is the best guess.
function missingConfigTiers(missing: MissingConfig[], allowVolumes: boolean): Tiers {
  const introduces =
    (want: MissingConfig): ChangePredicate =>
    (change: TemplateChange) =>
      (change.newRefs ?? []).some(
        (ref) =>
          (want.kind === undefined || ref.kind === want.kind) &&
          (want.name === undefined || ref.name === want.name) &&
          (want.key === undefined || ref.key === want.key),
      );
  const tiers: Tiers = missing.map(introduces);
  if (missing.length === 0) tiers.push((change) => (change.newRefs ?? []).length > 0);
  if (allowVolumes) tiers.push(podVolume, mountChange);
  return tiers;
}

// Messages of a ReplicaSet's FailedCreate, e.g.
//   pods "api-7d9c" is forbidden: error looking up service account shop/api: serviceaccount "api" not found
//   pods "api-7d9c" is forbidden: violates PodSecurity "restricted:latest": allowPrivilegeEscalation != false ...
function admissionTiers(text: string): Tiers {
  const security = ofKind('securityContext');
  const account = ofKind('serviceAccount');
  return /service ?account/i.test(text) ? [account, security] : [security, account];
}
