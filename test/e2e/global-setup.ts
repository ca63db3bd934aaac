// Starts the real test cluster once for all end-to-end tests (or reuses one that is already up). It is left running
// afterwards so the next run starts in seconds; `npm run cluster:down` stops it.
import { execFileSync } from 'node:child_process';
import path from 'node:path';

export default function setup(): void {
  const root = path.resolve(import.meta.dirname, '..', '..');
  execFileSync(process.execPath, [path.join(root, 'test/cluster/cluster.mjs'), 'up'], { stdio: 'inherit', cwd: root });
}
