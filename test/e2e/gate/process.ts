// The bundles run as users run them (node dist/cli.js, node dist/index.js with INPUT_*), with a clock on each run,
// signals on demand, and the files the runner provides; plus a server that accepts connections and never answers.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { projectRoot } from './harness.js';
import { tempDir } from '../../support/temp-dir.js';

export interface Finished {
  code: number | null;
  stdout: string;
  stderr: string;
  /** From the start, or from the signal when one was sent. */
  elapsedMs: number;
  sinceSignalMs: number | null;
}

export interface Running {
  child: ChildProcess;
  /** Resolves once stderr+stdout contain `pattern`. */
  waitFor: (pattern: RegExp, timeoutMs?: number) => Promise<void>;
  signal: (sig: NodeJS.Signals) => void;
  done: Promise<Finished>;
}

export function start(args: string[], env: NodeJS.ProcessEnv = process.env): Running {
  const started = Date.now();
  let signalledAt: number | null = null;
  const child = spawn(process.execPath, args, { env, cwd: projectRoot });
  let stdout = '';
  let stderr = '';
  const waiters: { pattern: RegExp; resolve: () => void }[] = [];
  const check = () => {
    for (const w of [...waiters]) {
      if (w.pattern.test(stdout + stderr)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve();
      }
    }
  };
  child.stdout!.on('data', (c) => ((stdout += c), check()));
  child.stderr!.on('data', (c) => ((stderr += c), check()));
  const done = new Promise<Finished>((resolve) =>
    child.on('close', (code) => {
      const now = Date.now();
      resolve({ code, stdout, stderr, elapsedMs: now - started, sinceSignalMs: signalledAt === null ? null : now - signalledAt });
    }),
  );
  return {
    child,
    done,
    signal: (sig) => {
      signalledAt = Date.now();
      child.kill(sig);
    },
    waitFor: (pattern, timeoutMs = 60_000) =>
      new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no ${pattern} within ${timeoutMs} ms:\n${stdout}\n${stderr}`)), timeoutMs);
        waiters.push({
          pattern,
          resolve: () => {
            clearTimeout(timer);
            resolve();
          },
        });
        check();
      }),
  };
}

export const cliPath = path.join(projectRoot, 'dist/cli.js');
export const actionPath = path.join(projectRoot, 'dist/index.js');

/** The files and variables the runner gives a step; `inputs` become INPUT_* variables. */
export function actionEnv(inputs: Record<string, string>, extra: NodeJS.ProcessEnv = {}) {
  const dir = tempDir('kdg-action');
  const files = { output: path.join(dir, 'output'), summary: path.join(dir, 'summary'), home: path.join(dir, 'home') };
  fs.writeFileSync(files.output, '');
  fs.writeFileSync(files.summary, '');
  fs.mkdirSync(files.home);
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: files.home,
    GITHUB_OUTPUT: files.output,
    GITHUB_STEP_SUMMARY: files.summary,
    GITHUB_REPOSITORY: 'acme/shop',
    GITHUB_RUN_ID: '42',
    GITHUB_WORKFLOW: 'deploy',
    GITHUB_JOB: 'gate',
    RUNNER_TEMP: dir,
    ...extra,
  };
  for (const [k, v] of Object.entries(inputs)) env[`INPUT_${k.toUpperCase()}`] = v;
  const outputs = (): Record<string, string> => {
    const out: Record<string, string> = {};
    const text = fs.readFileSync(files.output, 'utf8');
    for (const m of text.matchAll(/^(.+?)<<(ghadelimiter_[\w-]+)\n([\s\S]*?)\n\2$/gm)) out[m[1]] = m[3];
    return out;
  };
  return { env, files, outputs, summary: () => fs.readFileSync(files.summary, 'utf8') };
}

/** A TCP server that accepts every connection and never sends a byte (a hung API server, a black-holed proxy). */
export async function startSilentServer(): Promise<{ url: string; connections: () => number; close: () => Promise<void> }> {
  const sockets = new Set<net.Socket>();
  let count = 0;
  const server = net.createServer((socket) => {
    count++;
    sockets.add(socket);
    socket.on('error', () => {});
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `https://127.0.0.1:${(server.address() as net.AddressInfo).port}`,
    connections: () => count,
    close: async () => {
      for (const s of sockets) s.destroy();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}

/** No stack trace anywhere in what a person sees. */
export const STACK = /\n\s+at [\w.<>]+ \(|\n\s+at (?:file|node):/;
