// "Name the change that broke it": the pure API the gate and the plan call.
export type { TemplateChange } from './change-types.js';
export { diffPodTemplates } from './diff.js';
export { describeChange } from './describe.js';
export { suspectChange, templateUnchangedNote } from './link.js';
export { referencedConfigNames, templateReferences, type TemplateReference } from './references.js';
