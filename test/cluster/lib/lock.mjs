// One cluster.mjs up/down at a time per state folder: two `up`s racing (a test run's global setup and a person, or
// two test runs) would each start KWOK and the helper, and only one set would be recorded in pids.json. The lock is
// a file holding the owner's pid; a lock whose owner died is taken over.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { paths } from './paths.mjs';

const lockPath = path.join(
  os.tmpdir(),
  `kube-deploy-gate-cluster-${crypto.createHash('sha1').update(paths.state).digest('hex').slice(0, 12)}.lock`,
);

function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return e.code === 'EPERM';
  }
}

export async function withClusterLock(fn, timeoutMs = 300_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      fs.writeFileSync(lockPath, String(process.pid), { flag: 'wx' });
      break;
    } catch (e) {
      if (e.code !== 'EEXIST') throw e;
      const holder = Number(fs.readFileSync(lockPath, 'utf8')) || 0;
      if (!holder || !alive(holder)) {
        fs.rmSync(lockPath, { force: true });
        continue;
      }
      if (Date.now() > deadline) throw new Error(`another cluster.mjs (pid ${holder}) still holds ${lockPath}`, { cause: e });
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  try {
    return await fn();
  } finally {
    fs.rmSync(lockPath, { force: true });
  }
}
