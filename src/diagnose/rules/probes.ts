// A running container that is not ready (or keeps being restarted) because its probes fail. The kubelet's Unhealthy
// events carry the probe's own output: "Readiness probe failed: HTTP probe failed with statuscode: 503".
import type { EventView } from '../events.js';
import { containerDraft, type ContainerContext, type Draft } from './types.js';
import { describeOverdue, probeOverdue } from '../change/probe-deadline.js';

const PROBE_FAILED = /^(Readiness|Liveness|Startup) probe failed: ?(.*)$/s;

function probeEvents(events: EventView[], kind: string): EventView[] {
  return events.filter((e) => e.reason === 'Unhealthy' && PROBE_FAILED.exec(e.message)?.[1] === kind);
}

export const probeRule = (ctx: ContainerContext): Draft | null => {
  const name = ctx.status.name;
  for (const kind of ['Liveness', 'Startup', 'Readiness'] as const) {
    const failed = probeEvents(ctx.containerEvents, kind);
    if (failed.length === 0) continue;
    const last = failed[failed.length - 1];
    const times = failed.reduce((n, e) => n + e.count, 0);
    const output = PROBE_FAILED.exec(last.message)?.[2]?.trim() || 'no output';
    const restarting = kind !== 'Readiness';
    const overdue = !restarting && ctx.spec ? probeOverdue(ctx.spec, ctx.status, ctx.now, ctx.pod.status?.conditions ?? []) : null;
    const beyond = overdue ? `; ${describeOverdue(overdue)}` : '';
    return containerDraft(ctx, {
      conclusive: overdue !== null,
      category: restarting ? 'liveness-probe-failing' : 'readiness-probe-failing',
      reason: 'Unhealthy',
      message: `The ${kind.toLowerCase()} probe of container ${name} fails (${times} time${times === 1 ? '' : 's'}): ${output}${beyond}`,
      evidence: { probe: kind.toLowerCase(), cause: output },
      failures: times,
      since: failed[0].firstSeen,
      // A restarting probe is conclusive once it has restarted the container; readiness can still recover.
      provisional: restarting ? (ctx.status.restartCount ?? 0) < 2 : undefined,
    });
  }
  return null;
};
