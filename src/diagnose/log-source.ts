// Which logs explain a finding, for the live edge to fetch (it owns the IO), and what those logs add once fetched:
// the last 25 lines, redacted, and a better category or message when the logs say what the status could not
// ("exec /app: exec format error", "/bin/sh: hello.sh: not found").
import type { Finding } from '../model.js';

import { hintFor } from './hints.js';
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

/** Categories whose container never ran a process, or whose node cannot serve logs. */
const NO_LOGS = new Set([
  'image-not-found',
  'image-pull-unauthorized',
  'image-pull-transient',
  'image-never-pull',
  'image-invalid-name',
  'config-missing-ref',
  'config-missing-key',
  'config-security-context',
  'config-cache-sync',
  'container-create-error',
  'volume-mount-failed',
  'sandbox-failed',
  'container-creating-slow',
  'node-not-ready',
  'node-runtime-down',
  'scheduling-pending',
  'pvc-not-bound',
  'evicted',
  'terminating-stuck',
]);
/** Categories about the instance running now rather than one that ended. */
const CURRENT = new Set(['readiness-probe-failing', 'init-container-waiting', 'exited-nonzero']);

export function logSourceFor(f: Finding): LogSource | null {
  if (!f.pod || !f.container || NO_LOGS.has(f.category) || f.category.startsWith('unschedulable-')) return null;
  const ref = parseWorkloadId(f.workload);
  if (!ref) return null;
  return { namespace: ref.namespace, pod: f.pod, container: f.container, previous: !CURRENT.has(f.category) && (f.restarts ?? 0) > 0 };
}

const EXEC_FORMAT = /exec format error/;
const CRASHES = new Set(['crash-loop', 'init-container-failed', 'exited-nonzero', 'container-start-error', 'node-concentrated']);

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
    const refined = {
      ...out,
      category: 'exec-format-error',
      message: `Container ${f.container} cannot run: the image's binary is built for another CPU architecture (${last})`,
    };
    return {
      ...refined,
      hint: hintFor(
        {
          category: 'exec-format-error',
          pod: null,
          container: f.container,
          node: f.node,
          reason: f.reason,
          message: refined.message,
          exitCode: f.exitCode,
          restarts: f.restarts,
          events: [],
          evidence: {},
          since: null,
          failures: 1,
        },
        ref,
      ),
    };
  }
  if (CRASHES.has(f.category) && !f.message.includes(last)) return { ...out, message: `${f.message} (last log line: ${last})` };
  return out;
}
