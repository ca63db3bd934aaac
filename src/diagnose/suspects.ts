// Ties each finding to the template change that most likely caused it ("what you changed"), given the template
// that ran before and the one this run produced. Pure: the live edge passes the templates it recorded at apply
// time, the offline CLI the older ReplicaSet or ControllerRevision from a dump.
import type { Finding } from './finding.js';
import type { ObjectRef } from '../k8s/objects.js';
import { diffPodTemplates, referencedConfigNames, suspectChange, templateUnchangedNote } from './change/index.js';

export interface TemplatePair {
  before: unknown | null;
  after: unknown | null;
  /** Non-workload objects the same run changed (ConfigMaps, Secrets...): the suspects when the template did not change. */
  changedObjects?: ObjectRef[];
  namespace?: string;
}

export function attachSuspects(findings: Finding[], pairs: Map<string, TemplatePair>): Finding[] {
  return findings.map((f) => {
    const pair = pairs.get(f.workload);
    if (!pair?.before || !pair.after) return f;
    const changes = diffPodTemplates(pair.before, pair.after);
    if (changes.length === 0) return withUnchangedNote(f, pair);
    const { suspected, sentence } = suspectChange(f, changes);
    return suspected ? { ...f, suspectedChange: { ...suspected, description: sentence ?? undefined } } : f;
  });
}

function withUnchangedNote(f: Finding, pair: TemplatePair): Finding {
  const note = templateUnchangedNote(referencedConfigNames(pair.after), pair.changedObjects ?? [], pair.namespace);
  const first = note.changedDependencies[0];
  if (!first) return { ...f, hint: `${f.hint} ${capitalize(note.sentence)}.`.trim() };
  return {
    ...f,
    suspectedChange: { field: `${first.kind}/${first.name}`, before: null, after: 'changed in this run', description: note.sentence },
  };
}

const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1).replace(/\.$/, '');
