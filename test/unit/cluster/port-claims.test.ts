// Two checkouts' `cluster:up` started at the same moment, as two processes: each must come away with its own ports
// even though nothing listens on them yet. And a .cluster symlinked to another checkout's shares that one's lock.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../support/temp-dir.js';

const run = promisify(execFile);
const lib = (f: string) => pathToFileURL(path.resolve(import.meta.dirname, '../../cluster/lib', f)).href;

// One `up`'s port choice: nothing is bound, so only the claims keep the two apart; the claim is held a while, as
// during a real start, then released.
const claimScript = `
import { claimPorts, releasePorts } from '${lib('port-claims.mjs')}';
import { choosePorts, preferredPorts } from '${lib('ports.mjs')}';
const ports = await claimPorts((claimed) => choosePorts(preferredPorts(null, {}), { isFree: async () => true, claimed }));
await new Promise((r) => setTimeout(r, 700));
await releasePorts();
console.log(JSON.stringify(ports));
`;

function node(script: string, env: Record<string, string>) {
  return run(process.execPath, ['--input-type=module', '-e', script], { env: { ...process.env, ...env } });
}

describe('port claims across checkouts', () => {
  it('gives two `up`s running at once different ports, and the defaults again once both are done', async () => {
    const tmp = tempDir('kdg-claims');
    const [a, b] = await Promise.all([node(claimScript, { TMPDIR: tmp }), node(claimScript, { TMPDIR: tmp })]);
    const ports = [JSON.parse(a.stdout), JSON.parse(b.stdout)];
    const all = ports.flatMap((p) => Object.values(p));
    expect(new Set(all).size).toBe(8);
    expect(ports.map((p) => p.apiserver).sort()).toEqual([16443, 16444]);

    const later = JSON.parse((await node(claimScript, { TMPDIR: tmp })).stdout);
    expect(later.apiserver).toBe(16443);
  });
});

describe('the cluster lock', () => {
  const lockOf = async (stateDir: string) =>
    (
      await node(`import { clusterLockPath } from '${lib('lock.mjs')}'; console.log(clusterLockPath());`, { KDG_CLUSTER_DIR: stateDir })
    ).stdout.trim();

  it('is one per checkout, and shared through a symlinked .cluster', async () => {
    const tmp = tempDir('kdg-lock');
    fs.mkdirSync(path.join(tmp, 'main', '.cluster'), { recursive: true });
    fs.mkdirSync(path.join(tmp, 'second'));
    fs.mkdirSync(path.join(tmp, 'helper'));
    fs.symlinkSync(path.join(tmp, 'main', '.cluster'), path.join(tmp, 'helper', '.cluster'));

    const main = await lockOf(path.join(tmp, 'main', '.cluster'));
    expect(await lockOf(path.join(tmp, 'second', '.cluster'))).not.toBe(main);
    expect(await lockOf(path.join(tmp, 'helper', '.cluster'))).toBe(main);
  });
});
