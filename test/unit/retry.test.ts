// The one retry loop (src/retry.ts), driven by fake timers: how long it waits, when it gives up, and that a
// cancelled run does not sit out a retry sleep.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { abortableSleep, backoffDelay, withRetry, type RetryPolicy } from '../../src/retry.js';

const policy: RetryPolicy = { attempts: 4, baseDelayMs: 100, maxDelayMs: 1000 };
const half = () => 0.5; // no jitter: 0.75 + 0.5 * 0.5 = 1

describe('withRetry', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('backs off exponentially up to the cap', () => {
    expect([1, 2, 3, 4, 5].map((a) => backoffDelay(policy, a, half))).toEqual([100, 200, 400, 800, 1000]);
    expect(backoffDelay(policy, 1, () => 0)).toBe(75);
    expect(backoffDelay(policy, 1, () => 1)).toBe(125);
  });

  it("waits the server's Retry-After (capped) instead of the backoff, then succeeds", async () => {
    const waits: number[] = [];
    let calls = 0;
    const result = withRetry(
      async () => {
        if (++calls < 3) throw new Error('429');
        return 'ok';
      },
      { policy, random: half, retryable: (_e, attempt) => (attempt === 1 ? { afterMs: 5000 } : {}), onRetry: (_e, _a, d) => waits.push(d) },
    );
    await vi.runAllTimersAsync();
    await expect(result).resolves.toBe('ok');
    expect(waits).toEqual([1000, 200]);
    expect(calls).toBe(3);
  });

  it('gives up after the last attempt with the last error', async () => {
    let calls = 0;
    const result = withRetry(
      async () => {
        throw new Error(`fail ${++calls}`);
      },
      { policy, random: half, retryable: () => ({}) },
    );
    const settled = expect(result).rejects.toThrow('fail 4');
    await vi.runAllTimersAsync();
    await settled;
  });

  it('does not retry what is not retryable', async () => {
    let calls = 0;
    await expect(
      withRetry(
        async () => {
          calls++;
          throw new Error('403');
        },
        { policy, retryable: () => null },
      ),
    ).rejects.toThrow('403');
    expect(calls).toBe(1);
  });

  it('a cancelled run ends during the retry sleep, not after it', async () => {
    const cancel = new AbortController();
    let calls = 0;
    const result = withRetry(
      async () => {
        calls++;
        throw new Error('503');
      },
      { policy: { ...policy, maxDelayMs: 60_000 }, signal: cancel.signal, retryable: () => ({ afterMs: 60_000 }) },
    );
    const settled = expect(result).rejects.toThrow('cancelled');
    await vi.advanceTimersByTimeAsync(1000);
    cancel.abort(new Error('cancelled'));
    await settled;
    expect(calls).toBe(1);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('abortableSleep rejects at once on an already aborted signal', async () => {
    const signal = AbortSignal.abort(new Error('gone'));
    await expect(abortableSleep(10_000, signal)).rejects.toThrow('gone');
  });
});
