// Starts the real test cluster once for all end-to-end tests (or reuses one that is already up). It is left running
// afterwards so the next run starts in seconds; `npm run cluster:down` stops it.
import { spawn } from 'node:child_process';
import path from 'node:path';

/** Runs `cluster.mjs up` with its output shown as it comes; resolves its exit code and what it wrote to stderr. */
function clusterUp(root: string): Promise<{ code: number; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(root, 'test/cluster/cluster.mjs'), 'up'], {
      cwd: root,
      stdio: ['ignore', 'inherit', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      process.stderr.write(chunk);
      stderr += chunk.toString();
    });
    child.on('error', (e) => resolve({ code: 1, stderr: `cluster up: ${e.message}` }));
    child.on('close', (code, signal) => resolve({ code: code ?? 1, stderr: stderr + (signal ? `\ncluster up: killed by ${signal}` : '') }));
  });
}

export default async function setup(): Promise<void> {
  const root = path.resolve(import.meta.dirname, '..', '..');
  const { code, stderr } = await clusterUp(root);
  if (code === 0) return;
  const cause = (/^cluster up: (.*)$/m.exec(stderr)?.[1] ?? `cluster.mjs up exited with code ${code}`).replace(/\.$/, '');
  console.error(
    `\nE2E tests not run: the test cluster did not start: ${cause}. Fix that, run \`npm run cluster:up\` until it succeeds (\`npm run cluster:down\` first starts from scratch), then the tests again.`,
  );
  // Thrown, the error would be printed as vitest's own "Unhandled Error" with a stack through vitest, followed by
  // "No test files found": the cause is above and the line says what to do, so the run ends here, failed.
  process.exit(1);
}
