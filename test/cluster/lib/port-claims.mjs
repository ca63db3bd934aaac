// Two checkouts' `up` at the same moment would both find 16443 free and both choose it; the slower apiserver would
// then fail to bind. So ports are chosen under one machine-wide lock, and the chosen ones are claimed in a file in
// the OS temp folder until `up` ends: by then the components listen on them, and a listened-on port is never free.
// A claim whose `up` died is ignored.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { isAlive, withFileLock } from './lock.mjs';

const claimsFile = path.join(os.tmpdir(), 'kube-deploy-gate-port-claims.json');
const lockFile = `${claimsFile}.lock`;

function liveClaimsOfOthers() {
  let claims = [];
  try {
    claims = JSON.parse(fs.readFileSync(claimsFile, 'utf8'));
  } catch {
    /* none yet, or cut short by a crash: no claims */
  }
  return Array.isArray(claims) ? claims.filter((c) => c.pid !== process.pid && isAlive(c.pid)) : [];
}

/** Runs choose(portsClaimedByOthers) under the machine-wide lock and claims what it returns for this process. */
export function claimPorts(choose) {
  return withFileLock(
    lockFile,
    async () => {
      const others = liveClaimsOfOthers();
      const ports = await choose(others.flatMap((c) => Object.values(c.ports)));
      fs.writeFileSync(claimsFile, JSON.stringify([...others, { pid: process.pid, ports }]));
      return ports;
    },
    30_000,
  );
}

export function releasePorts() {
  return withFileLock(lockFile, async () => fs.writeFileSync(claimsFile, JSON.stringify(liveClaimsOfOthers())), 30_000);
}
