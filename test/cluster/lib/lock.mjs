// Locks in the OS temp folder: a file holding the owner's pid; a lock whose owner died is taken over.
// - The cluster lock, one per state folder: two `up`s racing on one checkout (a test run's global setup and a person,
//   or two test runs) would each start KWOK and the helper, and only one set would be recorded in pids.json. Two
//   checkouts have two state folders, so two locks: their `up`s run side by side (port-claims.mjs keeps their ports
//   apart). A .cluster that is a symlink to another checkout's shares that checkout's lock.
// - The port-claims lock, one per machine (port-claims.mjs), held only while ports are chosen.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { paths } from './paths.mjs';

export function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return e.code === 'EPERM';
  }
}

function realState() {
  try {
    return fs.realpathSync(paths.state);
  } catch {
    return path.resolve(paths.state);
  }
}

export function clusterLockPath() {
  return path.join(
    os.tmpdir(),
    `kube-deploy-gate-cluster-${crypto.createHash('sha1').update(realState()).digest('hex').slice(0, 12)}.lock`,
  );
}

function readHolder(lockPath) {
  try {
    return { pid: Number(fs.readFileSync(lockPath, 'utf8')) || 0, mtimeMs: fs.statSync(lockPath).mtimeMs };
  } catch (e) {
    if (e.code === 'ENOENT') return null;
    throw e;
  }
}

export async function withFileLock(lockPath, fn, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      fs.writeFileSync(lockPath, String(process.pid), { flag: 'wx' });
      break;
    } catch (e) {
      if (e.code !== 'EEXIST') throw e;
      const holder = readHolder(lockPath);
      if (!holder) continue; // released meanwhile
      // An empty file is a lock being written this instant, unless it has stayed empty (its writer died).
      const dead = holder.pid ? !isAlive(holder.pid) : Date.now() - holder.mtimeMs > 5000;
      if (dead) {
        fs.rmSync(lockPath, { force: true });
        continue;
      }
      if (Date.now() > deadline) throw new Error(`another cluster.mjs (pid ${holder.pid || '?'}) still holds ${lockPath}`, { cause: e });
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  try {
    return await fn();
  } finally {
    fs.rmSync(lockPath, { force: true });
  }
}

export function withClusterLock(fn, timeoutMs = 300_000) {
  return withFileLock(clusterLockPath(), fn, timeoutMs);
}
