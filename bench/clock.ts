// Time for the bench: one wall clock for every timestamp it takes, with sub-millisecond resolution and comparable
// with the apiserver audit log's timestamps (both are the machine's real-time clock), and polling with a deadline.
import { performance } from 'node:perf_hooks';

export function nowMs(): number {
  return performance.timeOrigin + performance.now();
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Asks `done` every `everyMs` until it says yes (true) or `timeoutMs` passes (false). */
export async function waitUntil(done: () => Promise<boolean>, timeoutMs: number, everyMs = 1000): Promise<boolean> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    if (await done()) return true;
    if (Date.now() >= until) return false;
    await sleep(everyMs);
  }
}
