// Errors the runtime returns while creating or starting a container, before any process of the image ran:
// RunContainerError (the entrypoint is missing or not executable, or built for another CPU), CreateContainerError and
// the lifecycle hooks. The first is conclusive at once: the next attempt runs the same command.
import { containerDraft, type ContainerContext, type Draft } from './types.js';
import { startFailureDetail } from './terminated.js';

const NOT_RUNNABLE = /executable file not found|no such file or directory|permission denied|not a directory/;

/**
 * A postStart hook is the user's own command and often talks to something else (registers the pod, warms a cache):
 * one failure can be a dependency that was not up yet, and the kubelet runs it again with the restarted container.
 * Two failures (the kubelet's FailedPostStartHook events, aggregated) are the hook's answer, as two crashes are.
 */
function postStartTiming(ctx: ContainerContext, detail: string): Partial<Pick<Draft, 'failures' | 'policy'>> {
  // A hook command that cannot run at all (missing, not executable) fails the same way every time.
  if (NOT_RUNNABLE.test(detail) || /exited with 12[67]\b/.test(detail)) return {};
  const failures = ctx.containerEvents.filter((e) => e.reason === 'FailedPostStartHook').reduce((n, e) => n + e.count, 0);
  return { failures: Math.max(1, failures), policy: { fatal: 'after-failures', failures: 2 } };
}

export const startRule = (ctx: ContainerContext): Draft | null => {
  const waiting = ctx.status.state?.waiting;
  const reason = waiting?.reason ?? '';
  if (!['RunContainerError', 'CreateContainerError', 'PreStartHookError', 'PostStartHookError', 'PreCreateHookError'].includes(reason))
    return null;
  const message = waiting?.message ?? '';
  const name = ctx.status.name;
  const since = ctx.containerEvents.find((e) => e.reason === 'Failed' && e.message.startsWith('Error: '))?.firstSeen ?? null;
  // The attempt before this one ended as StartError (exit code 128 from the runtime): the same cause as the
  // CrashLoopBackOff that follows, so it carries the same exit code (see ../merge.ts).
  const exitCode = ctx.status.lastState?.terminated?.exitCode ?? null;
  const failures = Math.max(
    1,
    ctx.containerEvents.filter((e) => e.reason === 'Failed').reduce((n, e) => n + e.count, 0),
  );
  if (/exec format error/.test(message)) {
    return containerDraft(ctx, {
      category: 'exec-format-error',
      reason,
      exitCode,
      since,
      failures,
      message: `Container ${name} cannot run: the image's binary is built for another CPU architecture (${message})`,
    });
  }
  if (reason === 'RunContainerError' || reason.endsWith('HookError') || NOT_RUNNABLE.test(message)) {
    const { detail, command } = startFailureDetail(message);
    const what = reason.endsWith('HookError')
      ? `the ${reason.replace('HookError', '')} hook of container ${name} failed`
      : `the runtime could not start container ${name}`;
    return containerDraft(ctx, {
      category: 'container-start-error',
      reason,
      exitCode,
      since,
      failures,
      message: `${what.charAt(0).toUpperCase()}${what.slice(1)}: ${detail}`,
      evidence: { command: command ?? undefined, cause: detail },
      ...(reason === 'PostStartHookError' ? postStartTiming(ctx, message) : {}),
    });
  }
  return containerDraft(ctx, {
    category: 'container-create-error',
    reason,
    since,
    failures,
    message: `The runtime could not create container ${name}: ${message}`,
  });
};
