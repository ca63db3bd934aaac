// A phase of the run (the deploy, the rollback) under a deadline of its own: one signal that aborts when the deadline
// passes or the job is cancelled, with a reason that says which, so a request cut short reports the run's timeout
// rather than a bare "aborted". Timers this long overflow Node's 32-bit setTimeout: inputs.ts refuses them first.
import { UserError } from './errors.js';
import { formatDuration } from './duration.js';

export class Cancelled extends UserError {
  constructor() {
    super('the run was cancelled (SIGTERM/SIGINT) before it finished');
    this.name = 'Cancelled';
  }
}

export class PhaseTimeout extends UserError {
  constructor(what: string, timeoutMs: number) {
    super(`${what} did not finish within the timeout of ${formatDuration(timeoutMs)}: the Kubernetes API did not answer in time`);
    this.name = 'PhaseTimeout';
  }
}

export interface Phase {
  signal: AbortSignal;
  /** Clears the deadline timer; safe to call twice. */
  dispose: () => void;
}

/** `shownTimeoutMs`: the timeout the user set, when the phase adds a grace to it (messages name the user's). */
export function startPhase(what: string, timeoutMs: number, cancel?: AbortSignal, shownTimeoutMs = timeoutMs): Phase {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(new PhaseTimeout(what, shownTimeoutMs)), timeoutMs);
  const onCancel = () => controller.abort(new Cancelled());
  if (cancel?.aborted) onCancel();
  cancel?.addEventListener('abort', onCancel, { once: true });
  return {
    signal: controller.signal,
    dispose: () => {
      clearTimeout(timer);
      cancel?.removeEventListener('abort', onCancel);
    },
  };
}

/** A signal that aborts `graceMs` after `signal` does (a cancelled job still gets that long to post its report). */
export function graceAfter(signal: AbortSignal, graceMs: number): AbortSignal {
  const controller = new AbortController();
  const later = () => setTimeout(() => controller.abort(new Cancelled()), graceMs).unref();
  if (signal.aborted) later();
  else signal.addEventListener('abort', later, { once: true });
  return controller.signal;
}
