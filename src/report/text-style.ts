// The headline is said twice: as markdown in the job summary and the PR comment, and as plain text where GitHub shows
// text as it is (annotations and the step's failure message from setFailed, where "## " or a backtick would show
// literally). One sentence builder, two ways of writing untrusted text into it.
import { escapeText, inlineCode, oneLine } from './escape.js';
import type { NamedObject } from './workload-names.js';
import { shortName } from './workload-names.js';
import type { ObjectRef } from '../model.js';

export interface TextStyle {
  /** Untrusted prose. */
  text(s: string, max?: number): string;
  /** An identifier (node name, field path): a code span in markdown. */
  code(s: string, max?: number): string;
  /** "payments/api" */
  name(o: NamedObject | ObjectRef): string;
}

export const MARKDOWN: TextStyle = { text: escapeText, code: inlineCode, name: shortName };

export const PLAIN: TextStyle = {
  text: (s, max = 2000) => oneLine(s, max),
  code: (s, max = 300) => oneLine(s, max),
  name: (o) => oneLine(o.namespace ? `${o.namespace}/${o.name}` : o.name, 300),
};
