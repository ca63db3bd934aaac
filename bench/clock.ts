// One wall clock for every timestamp the bench takes, with sub-millisecond resolution, comparable with the apiserver
// audit log's timestamps (both are the machine's real-time clock).
import { performance } from 'node:perf_hooks';

export function nowMs(): number {
  return performance.timeOrigin + performance.now();
}
