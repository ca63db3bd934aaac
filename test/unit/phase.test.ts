// A phase's signal: aborted by its deadline or by cancellation, each with its own reason.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Cancelled, PhaseTimeout, startPhase } from '../../src/phase.js';
import { MAX_TIMEOUT_MS, parseInputs } from '../../src/inputs.js';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('startPhase', () => {
  it('aborts at its deadline with a reason naming the phase and the timeout', () => {
    const phase = startPhase('the deploy', 90_000);
    vi.advanceTimersByTime(89_999);
    expect(phase.signal.aborted).toBe(false);
    vi.advanceTimersByTime(1);
    expect(phase.signal.reason).toBeInstanceOf(PhaseTimeout);
    expect(phase.signal.reason.message).toBe(
      'the deploy did not finish within the timeout of 1m30s: the Kubernetes API did not answer in time',
    );
  });

  it('aborts at once when the job is cancelled, and after dispose no longer listens', () => {
    const cancel = new AbortController();
    const phase = startPhase('the deploy', 90_000, cancel.signal);
    cancel.abort();
    expect(phase.signal.reason).toBeInstanceOf(Cancelled);
    const later = new AbortController();
    const other = startPhase('the rollback', 90_000, later.signal);
    other.dispose();
    later.abort();
    vi.advanceTimersByTime(100_000);
    expect(other.signal.aborted).toBe(false);
  });
});

describe('the timeout input and the timer limit', () => {
  const inputs = (timeout: string) => parseInputs((n) => (n === 'timeout' ? timeout : n === 'manifests' ? 'k8s/' : undefined));

  it('accepts the longest timeout a timer can hold', () => {
    expect(inputs('596h').timeoutMs).toBe(596 * 3_600_000);
    expect(596 * 3_600_000).toBeLessThanOrEqual(MAX_TIMEOUT_MS);
  });

  it.each(['597h', '600h', '99999h'])('refuses %s instead of firing after 1 ms', (timeout) => {
    expect(() => inputs(timeout)).toThrow(
      `input timeout: "${timeout}" is longer than the gate can wait (a timer holds at most 596h): use at most 596h`,
    );
  });
});
