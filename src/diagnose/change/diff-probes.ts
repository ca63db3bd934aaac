// Probe changes: the handler (path, port, command...) leaf by leaf and the timings with the API's
// defaults applied, or the whole probe when it was added, removed or switched handler type.
import { change, compareLeaves, type ChangeContext, type DraftChange } from './diff-core.js';
import { PROBE_TIMING_FIELDS, probeSettings } from './probe-settings.js';
import { renderProbe } from './render.js';
import { asRecord, asString, type Plain } from './template-shape.js';

export const PROBES = ['livenessProbe', 'readinessProbe', 'startupProbe'] as const;

const HANDLERS = ['exec', 'httpGet', 'tcpSocket', 'grpc'];

export function diffProbes(ctx: ChangeContext, prefix: string, before: Plain, after: Plain): DraftChange[] {
  return PROBES.flatMap((probe) => diffProbe(ctx, `${prefix}.${probe}`, asRecord(before[probe]), asRecord(after[probe])));
}

function diffProbe(ctx: ChangeContext, field: string, before: Plain | null, after: Plain | null): DraftChange[] {
  if (!before && !after) return [];
  if (!before || !after || handlerOf(before) !== handlerOf(after)) {
    const rendered = [before ? renderProbe(before) : null, after ? renderProbe(after) : null] as const;
    return rendered[0] === rendered[1] ? [] : [change(ctx, field, rendered[0], rendered[1])];
  }
  const handler = handlerOf(after) as string;
  const out = compareLeaves(ctx, `${field}.${handler}`, normalizedHandler(handler, before), normalizedHandler(handler, after));
  const left = probeSettings(before);
  const right = probeSettings(after);
  for (const timing of PROBE_TIMING_FIELDS) {
    if (left[timing] !== right[timing]) out.push(change(ctx, `${field}.${timing}`, String(left[timing]), String(right[timing])));
  }
  if (before.terminationGracePeriodSeconds !== after.terminationGracePeriodSeconds) {
    out.push(
      change(
        ctx,
        `${field}.terminationGracePeriodSeconds`,
        asString(before.terminationGracePeriodSeconds),
        asString(after.terminationGracePeriodSeconds),
      ),
    );
  }
  return out;
}

function handlerOf(probe: Plain): string | null {
  return HANDLERS.find((h) => asRecord(probe[h]) !== null) ?? null;
}

// The API server defaults httpGet's path to "/" and scheme to HTTP, and a port may be written as 8080
// or "8080": none of those differences is a change.
function normalizedHandler(handler: string, probe: Plain): Plain {
  const body = { ...(asRecord(probe[handler]) ?? {}) };
  if ('port' in body) body.port = asString(body.port);
  if (handler === 'httpGet') {
    body.path = asString(body.path) || '/';
    body.scheme = asString(body.scheme) ?? 'HTTP';
  }
  return body;
}
