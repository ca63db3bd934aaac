// Runs one child process and measures it from the outside: start and end on the bench's clock, exit code, output,
// and peak resident memory sampled from /proc/<pid>/status while it runs.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { nowMs } from './clock.js';
import { parseVmHWM } from './lib/proc-files.js';

export interface Measured {
  command: string;
  startMs: number;
  endMs: number;
  code: number | null;
  stdout: string;
  stderr: string;
  /** VmHWM in bytes (largest sample), or null if the process ended before the first sample. */
  peakRss: number | null;
}

export interface SpawnOptions {
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  sampleEveryMs?: number;
}

export function runMeasured(command: string, args: readonly string[], options: SpawnOptions = {}): Promise<Measured> {
  return new Promise((resolve, reject) => {
    const startMs = nowMs();
    const child = spawn(command, args, { env: options.env ?? process.env, cwd: options.cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let peakRss: number | null = null;
    child.stdout.setEncoding('utf8').on('data', (c: string) => (stdout += c));
    child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
    const sample = () => {
      try {
        const hwm = parseVmHWM(fs.readFileSync(`/proc/${child.pid}/status`, 'utf8'));
        if (hwm !== null) peakRss = Math.max(peakRss ?? 0, hwm);
      } catch {
        /* the process is gone */
      }
    };
    const sampler = setInterval(sample, options.sampleEveryMs ?? 20);
    sample();
    child.on('error', (e) => {
      clearInterval(sampler);
      reject(e);
    });
    // 'exit' is the verdict moment: the tool has printed its result and ended. 'close' (pipes drained) comes later.
    let endMs = 0;
    child.on('exit', () => {
      endMs = nowMs();
      clearInterval(sampler);
    });
    child.on('close', (code) =>
      resolve({ command: [command, ...args].join(' '), startMs, endMs: endMs || nowMs(), code, stdout, stderr, peakRss }),
    );
  });
}

/** Several measured steps as one tool run: from the first start to the last end, the largest peak. */
export function combine(steps: readonly Measured[], ok: boolean): Measured & { ok: boolean; steps: readonly Measured[] } {
  const peaks = steps.map((s) => s.peakRss).filter((p): p is number => p !== null);
  return {
    command: steps.map((s) => s.command).join(' && '),
    startMs: steps[0].startMs,
    endMs: steps[steps.length - 1].endMs,
    code: ok ? 0 : 1,
    stdout: steps.map((s) => s.stdout).join(''),
    stderr: steps.map((s) => s.stderr).join(''),
    peakRss: peaks.length ? Math.max(...peaks) : null,
    ok,
    steps,
  };
}
