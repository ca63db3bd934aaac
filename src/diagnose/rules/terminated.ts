// What a container's last termination says. CrashLoopBackOff alone only means "it keeps stopping"; the terminated
// state behind it (lastState, or the current state just before the back-off) says why: OOMKilled at the memory limit,
// a clean exit 0 (a command that returns, a daemon that forks), the runtime failing to start the process (StartError,
// exit 128), a binary for another CPU, a liveness probe killing it, or an ordinary crash with its exit code.
import { describeExit } from '../exit-codes.js';
import type { Terminated } from '../../k8s/objects.js';
import { timeOf } from '../../k8s/fields.js';
import { containerDraft, type ContainerContext, type Draft } from './types.js';

const START_FAILURE =
  /OCI runtime (?:create|start|exec) failed|runc create failed|unable to start container process|error during container init|failed to create (?:containerd )?task|failed to create shim/;
const EXEC_FORMAT = /exec format error/;
const QUOTED_EXEC = /exec: "([^"]+)": ([^:]+(?:\$PATH)?)/;
const PATH_ERROR = /(?:exec|open|stat) ([^:\s]+): (no such file or directory|permission denied)/;

/** The part of a runtime error a person needs: `exec: "hello.sh": executable file not found in $PATH`. */
export function startFailureDetail(message: string): { detail: string; command: string | null } {
  const quoted = QUOTED_EXEC.exec(message);
  if (quoted) return { detail: `exec: "${quoted[1]}": ${quoted[2].trim()}`, command: quoted[1] };
  const path = PATH_ERROR.exec(message);
  if (path) return { detail: `${path[1]}: ${path[2]}`, command: path[1] };
  return { detail: message.replace(/: unknown$/, ''), command: null };
}

function lastLine(text: string | undefined): string {
  const lines = (text ?? '')
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  return lines[lines.length - 1] ?? '';
}

function memoryLimitOf(ctx: ContainerContext): string | null {
  const limit = ctx.spec?.resources?.limits?.memory;
  return limit === undefined ? null : String(limit);
}

/**
 * The kubelet killed the container for its liveness (or startup) probe: its Killing event says so. That event can
 * reach the gate after the restart it caused, so a SIGKILL exit (137, not OOMKilled) of a run during which the probe
 * was already reported failing (the Unhealthy events come before the kill) counts too.
 */
function killedByLiveness(ctx: ContainerContext, t: Terminated): boolean {
  const name = ctx.status.name;
  const killing = ctx.containerEvents.some(
    (e) =>
      e.reason === 'Killing' &&
      (e.message.startsWith(`Container ${name} failed liveness probe`) || e.message.startsWith(`Container ${name} failed startup probe`)),
  );
  if (killing) return true;
  if (t.exitCode !== 137 || t.reason === 'OOMKilled') return false;
  const started = timeOf(t.startedAt) ?? 0;
  return ctx.containerEvents.some(
    (e) => e.reason === 'Unhealthy' && /^(Liveness|Startup) probe failed/.test(e.message) && e.lastSeenMs >= started - 1000,
  );
}

function restartsOnExit(ctx: ContainerContext): boolean {
  if (ctx.isInit) return ctx.spec?.restartPolicy === 'Always' || ctx.pod.spec?.restartPolicy !== 'Never';
  return ctx.spec?.restartPolicy === 'Always' || (ctx.pod.spec?.restartPolicy ?? 'Always') !== 'Never';
}

function isJobPod(ctx: ContainerContext): boolean {
  return (ctx.pod.metadata?.ownerReferences ?? []).some((r) => r.kind === 'Job');
}

/**
 * `backOff`: the kubelet is holding the restart (CrashLoopBackOff), which is the first conclusive status. Before it,
 * one crash after zero restarts may be a start-up race that the next attempt survives.
 */
export function classifyTermination(ctx: ContainerContext, t: Terminated, backOff: boolean): Draft | null {
  const restarts = ctx.status.restartCount ?? 0;
  const name = ctx.status.name;
  const exitCode = t.exitCode ?? null;
  const tReason = t.reason ?? null;
  const tMessage = t.message ?? '';
  const reason = backOff ? 'CrashLoopBackOff' : tReason;
  const restartable = restartsOnExit(ctx);
  const conclusive = !restartable || backOff || restarts >= 2 || (ctx.status.state?.terminated !== undefined && restarts >= 1);
  const base = { reason, exitCode, restarts, failures: restarts + 1, since: t.finishedAt ?? null, provisional: !conclusive };
  const looping = restartable ? `; restarted ${restarts} time${restarts === 1 ? '' : 's'}` : '';

  if (EXEC_FORMAT.test(tMessage)) {
    return containerDraft(ctx, {
      ...base,
      category: 'exec-format-error',
      message: `Container ${name} cannot run: the image's binary is built for another CPU architecture (${lastLine(tMessage)})${looping}`,
    });
  }
  if (tReason === 'StartError' || tReason === 'ContainerCannotRun' || START_FAILURE.test(tMessage)) {
    const { detail, command } = startFailureDetail(tMessage);
    return containerDraft(ctx, {
      ...base,
      category: 'container-start-error',
      message: `The runtime could not start container ${name} (${tReason ?? 'StartError'}, exit code ${exitCode ?? 128}): ${detail}${looping}`,
      evidence: { command: command ?? undefined, cause: detail },
    });
  }
  if (tReason === 'OOMKilled') {
    const limit = memoryLimitOf(ctx);
    const at = limit ? `at its memory limit ${limit}` : 'with no memory limit set (the node ran out of memory)';
    return containerDraft(ctx, {
      ...base,
      category: 'oom-killed',
      message: `Container ${name} was OOMKilled (exit code ${exitCode ?? 137}) ${at}${looping}`,
      evidence: { memoryLimit: limit ?? undefined },
    });
  }
  if (restartable && killedByLiveness(ctx, t)) {
    const probe = ctx.containerEvents.filter((e) => e.reason === 'Unhealthy' && /^(Liveness|Startup) probe failed/.test(e.message)).pop();
    return containerDraft(ctx, {
      ...base,
      category: 'liveness-probe-failing',
      message: `The kubelet keeps killing container ${name} because its ${probe?.message.startsWith('Startup') ? 'startup' : 'liveness'} probe fails${probe ? `: ${probe.message}` : ''}${looping}`,
      evidence: { probe: probe?.message.startsWith('Startup') ? 'startup' : 'liveness' },
    });
  }
  const said = lastLine(tMessage);
  if (!restartable || (isJobPod(ctx) && !ctx.isInit)) {
    // A container that finished its work is not what holds the pod back.
    if (exitCode === 0) return null;
    return containerDraft(ctx, {
      ...base,
      category: 'exited-nonzero',
      message: `Container ${name} exited with ${describeExit(exitCode)}${said ? `: ${said}` : ''}${looping}`,
    });
  }
  if (exitCode === 0) {
    return containerDraft(ctx, {
      ...base,
      category: 'crash-loop-exit-zero',
      message: `Container ${name} exits with code 0 right after it starts${looping}: the main process returns (a command that finishes, or a daemon that forks into the background)`,
    });
  }
  return containerDraft(ctx, {
    ...base,
    category: 'crash-loop',
    message: `Container ${name} keeps crashing with ${describeExit(exitCode)}${said ? `: ${said}` : ''}${looping}`,
  });
}
