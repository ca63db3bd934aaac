// "Name the change that broke it": the pure API the gate and the offline diagnose call.
export type { ChangeKind, ConfigKind, ConfigRef, TemplateChange } from './change-types.js';
export { diffPodTemplates } from './diff.js';
export { describeChange } from './describe.js';
export { suspectChange, templateUnchangedNote, TEMPLATE_UNCHANGED, type SuspectResult, type UnchangedNote } from './link.js';
export { referencedConfigNames, templateReferences, type TemplateReference } from './references.js';
export { missingConfigIn, type MissingConfig } from './finding-config-refs.js';
export { compareQuantities, parseQuantity, sameQuantity, type Quantity } from '../../k8s/quantity.js';
export { probeSettings, PROBE_DEFAULTS, type ProbeSettings } from './probe-settings.js';
export {
  probeAllowanceSeconds,
  probeDeadline,
  probeOverdue,
  PROBE_SLACK_SECONDS,
  type ContainerSpecLike,
  type ContainerStatusLike,
  type PodConditionLike,
  type ProbeDeadline,
  type ProbeOverdue,
} from './probe-deadline.js';
export { probeKillOf, restartCauses, type EventLike, type RestartCause, type RestartCauses } from './probe-restarts.js';
