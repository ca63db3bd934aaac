// One app container that is not ready: its waiting reason picks the rule family; a terminated state (current, or the
// last one behind CrashLoopBackOff) goes to the termination classifier; a running container is judged by its probes.
import { timeOf } from '../../k8s/fields.js';
import { configRule } from './config.js';
import { imagePullRule } from './images.js';
import { probeRule } from './probes.js';
import { startRule } from './start.js';
import { classifyTermination } from './terminated.js';
import { containerDraft, type ContainerContext, type Draft } from './types.js';

const IMAGE_REASONS = new Set(['ErrImagePull', 'ImagePullBackOff', 'ErrImageNeverPull', 'InvalidImageName']);
const START_REASONS = new Set([
  'RunContainerError',
  'CreateContainerError',
  'PreStartHookError',
  'PostStartHookError',
  'PreCreateHookError',
]);
/** Waiting reasons of a container on its way up: pod-level rules (mounts, sandbox, slowness) explain them. */
export const STARTING_REASONS: ReadonlySet<string> = new Set(['', 'ContainerCreating', 'PodInitializing']);
/** A crash older than this, followed by a running container, is history rather than the current problem. */
const RECENT_CRASH_MS = 10 * 60_000;

export function classifyContainer(ctx: ContainerContext): Draft | null {
  const { status } = ctx;
  const waiting = status.state?.waiting;
  if (waiting) {
    const reason = waiting.reason ?? '';
    if (reason === 'CrashLoopBackOff') {
      const last = status.lastState?.terminated;
      if (last) return classifyTermination(ctx, last, true);
      return containerDraft(ctx, { category: 'crash-loop', reason, message: waiting.message || `Container ${status.name} keeps crashing` });
    }
    if (IMAGE_REASONS.has(reason)) return imagePullRule(ctx);
    if (reason === 'CreateContainerConfigError') return configRule(ctx);
    if (START_REASONS.has(reason)) return startRule(ctx);
    if (STARTING_REASONS.has(reason)) return null;
    return containerDraft(ctx, {
      category: 'unknown',
      reason,
      message: waiting.message || `Container ${status.name} is waiting: ${reason}`,
    });
  }
  if (status.state?.terminated) return classifyTermination(ctx, status.state.terminated, false);
  if (status.state?.running && !status.ready) {
    const last = status.lastState?.terminated;
    const finished = timeOf(last?.finishedAt);
    const recent = finished !== null && ctx.now.getTime() - finished < RECENT_CRASH_MS;
    if (last && (status.restartCount ?? 0) > 0 && recent) {
      const crash = classifyTermination(ctx, last, false);
      if (crash) return crash;
    }
    return probeRule(ctx);
  }
  return null;
}
