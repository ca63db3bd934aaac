// Starts the cluster's components as detached processes with their own log files and records their pids, so that
// `cluster:down` (or a later `cluster:up`) stops exactly what was started here and nothing else.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { paths } from './paths.mjs';

export function readPids() {
  try {
    return JSON.parse(fs.readFileSync(paths.pids, 'utf8'));
  } catch {
    return {};
  }
}

function writePids(pids) {
  fs.writeFileSync(paths.pids, JSON.stringify(pids, null, 2));
}

/** True when pid is alive and still runs the binary we recorded (pids get reused). */
export function isOurs(entry) {
  if (!entry) return false;
  try {
    const exe = fs.readlinkSync(`/proc/${entry.pid}/exe`);
    return exe.replace(/ \(deleted\)$/, '') === entry.binary;
  } catch {
    return false;
  }
}

export function startProcess(name, binary, args) {
  fs.mkdirSync(paths.logs, { recursive: true });
  const logFile = path.join(paths.logs, `${name}.log`);
  const out = fs.openSync(logFile, 'a');
  const child = spawn(binary, args, { detached: true, stdio: ['ignore', out, out] });
  child.unref();
  fs.closeSync(out);
  const pids = readPids();
  pids[name] = { pid: child.pid, binary, args };
  writePids(pids);
  return { pid: child.pid, logFile };
}

export async function stopProcess(name) {
  const pids = readPids();
  const entry = pids[name];
  if (isOurs(entry)) {
    process.kill(entry.pid, 'SIGTERM');
    for (let i = 0; i < 50 && isOurs(entry); i++) await sleep(100);
    if (isOurs(entry)) process.kill(entry.pid, 'SIGKILL');
    for (let i = 0; i < 20 && isOurs(entry); i++) await sleep(50);
  }
  delete pids[name];
  if (fs.existsSync(paths.state)) writePids(pids);
}

export function logTail(name, lines = 25) {
  try {
    const text = fs.readFileSync(path.join(paths.logs, `${name}.log`), 'utf8');
    return text.trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

const logFile = (component) => path.join(paths.logs, `${component}.log`);

/** Polls check() until it returns true; on timeout throws an error naming the component and its log tail. */
export async function waitFor(component, what, check, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  let lastError = '';
  while (Date.now() < deadline) {
    const entry = readPids()[component];
    if (entry && !isOurs(entry)) {
      throw new Error(`${component} exited while waiting for ${what} (log: ${logFile(component)}).\nLast lines:\n${logTail(component)}`);
    }
    try {
      if (await check()) return;
    } catch (e) {
      lastError = e.message;
    }
    await sleep(200);
  }
  throw new Error(
    `${component} did not become ${what} within ${timeoutMs / 1000}s${lastError ? ` (${lastError})` : ''} (log: ${logFile(component)}).\nLast lines:\n${logTail(component)}`,
  );
}
