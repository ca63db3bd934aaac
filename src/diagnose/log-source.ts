// Which logs explain a finding, for the live edge to fetch (it owns the IO), and what those logs add once fetched:
// the last 25 lines, redacted, and a better category or message when the logs say what the status could not
// ("exec /app: exec format error", "/bin/sh: hello.sh: not found").

import { hintFor, type Finding } from './finding.js';
import { categorySpec } from './categories/index.js';
import { redactSecrets } from './redact.js';
import { parseWorkloadId } from '../k8s/kinds.js';

export const LOG_TAIL_LINES = 25;

export interface LogSource {
  namespace: string;
  pod: string;
  container: string;
  /** Read the instance before the current one (`kubectl logs --previous`): the one that crashed. */
  previous: boolean;
}

export function logSourceFor(f: Finding): LogSource | null {
  const logs = categorySpec(f.category).logs;
  if (!f.pod || !f.container || logs === 'none') return null;
  const ref = parseWorkloadId(f.workload);
  if (!ref) return null;
  return { namespace: ref.namespace, pod: f.pod, container: f.container, previous: logs === 'last-ended' && (f.restarts ?? 0) > 0 };
}

const EXEC_FORMAT = /exec format error/;

function lastMeaningfulLine(lines: string[]): string | null {
  for (let i = lines.length - 1; i >= 0; i--) if (lines[i].trim()) return lines[i].trim();
  return null;
}

/** The finding with its log tail attached, refined by what the logs show. Lines are redacted here, not by the caller. */
export function withLogs(f: Finding, rawLines: string[]): Finding {
  const lines = redactSecrets(rawLines).slice(-LOG_TAIL_LINES);
  const out: Finding = { ...f, logTail: lines };
  const last = lastMeaningfulLine(lines);
  if (!last) return out;
  const ref = parseWorkloadId(f.workload);
  if (EXEC_FORMAT.test(last) && f.category !== 'exec-format-error' && f.category !== 'node-concentrated' && ref) {
    // The status said "crash"; the log says why. The finding keeps its fatal flag: both categories are fatal at once,
    // and a first crash that was not yet conclusive stays so.
    const refined: Finding = {
      ...out,
      category: 'exec-format-error',
      message: `Container ${f.container} cannot run: the image's binary is built for another CPU architecture (${last})`,
    };
    const asDraft = { ...refined, pod: null, events: [], evidence: {}, since: null, failures: 1 };
    return { ...refined, hint: hintFor(asDraft, ref) };
  }
  if (categorySpec(f.category).logLineExplains && !f.message.includes(last))
    return { ...out, message: `${f.message} (last log line: ${last})` };
  return out;
}
