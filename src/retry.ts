// One retry loop for every client the gate has (the Kubernetes API, GitHub): bounded attempts, exponential backoff
// with jitter, the server's Retry-After honoured, and a sleep that ends at once when the run is cancelled.

export interface RetryPolicy {
  /** Attempts in all, the first included. */
  attempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

/** What to do after a failed attempt: give up (null), or retry after the server's wish (ms) or the backoff. */
export type RetryVerdict = null | { afterMs?: number };

export interface RetryOptions {
  policy: RetryPolicy;
  /** Decides per error whether another attempt can help, and when the server wants it. */
  retryable: (error: unknown, attempt: number) => RetryVerdict;
  signal?: AbortSignal;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  random?: () => number;
  /** Told before each wait, so a shell can say why the run is slower than usual. */
  onRetry?: (error: unknown, attempt: number, delayMs: number) => void;
}

/** A promise that resolves after `ms`, or rejects with the signal's reason as soon as it is aborted. */
export function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(abortReason(signal));
    const onAbort = () => {
      clearTimeout(timer);
      reject(abortReason(signal!));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

export function abortReason(signal: AbortSignal): Error {
  return signal.reason instanceof Error ? signal.reason : new Error('aborted');
}

/** Exponential backoff from `baseDelayMs`, capped, with +-25% jitter so many clients do not retry in step. */
export function backoffDelay(policy: RetryPolicy, attempt: number, random: () => number = Math.random): number {
  const exp = policy.baseDelayMs * 2 ** (attempt - 1);
  return Math.min(exp, policy.maxDelayMs) * (0.75 + random() * 0.5);
}

export async function withRetry<T>(run: (attempt: number) => Promise<T>, options: RetryOptions): Promise<T> {
  const sleep = options.sleep ?? abortableSleep;
  for (let attempt = 1; ; attempt++) {
    try {
      return await run(attempt);
    } catch (e) {
      if (options.signal?.aborted) throw e;
      const verdict = attempt >= options.policy.attempts ? null : options.retryable(e, attempt);
      if (verdict === null) throw e;
      const delay =
        verdict.afterMs !== undefined
          ? Math.min(verdict.afterMs, options.policy.maxDelayMs)
          : backoffDelay(options.policy, attempt, options.random);
      options.onRetry?.(e, attempt, delay);
      await sleep(delay, options.signal);
    }
  }
}
