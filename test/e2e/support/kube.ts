// A tiny client for the cluster tests: the kubectl built with the test cluster, run against .cluster/kubeconfig,
// plus polling with a deadline and a namespace per test. Calls are asynchronous so tests in a file can run at once.
import { execFile, execFileSync } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export const projectRoot = path.resolve(import.meta.dirname, '..', '..', '..');
/** The test cluster's state folder: .cluster/, or KDG_CLUSTER_DIR (the same variable test/cluster/lib/paths.mjs reads). */
export const clusterDir = process.env.KDG_CLUSTER_DIR ?? path.join(projectRoot, '.cluster');
export const kubeconfig = path.join(clusterDir, 'kubeconfig');
const clusterScript = path.join(projectRoot, 'test', 'cluster', 'cluster.mjs');

let kubectlBinary: string | undefined;
function kubectlPath(): string {
  kubectlBinary ??= path.join(
    execFileSync('bash', [path.join(projectRoot, 'test/cluster/build.sh'), '--print'], { encoding: 'utf8' }).trim(),
    'kubectl',
  );
  return kubectlBinary;
}

/** Runs kubectl; resolves stdout, rejects with stderr in the message. `input` goes to stdin (for apply -f -). */
export async function kubectl(args: string[], input?: string): Promise<string> {
  const child = run(kubectlPath(), ['--kubeconfig', kubeconfig, ...args], { maxBuffer: 64 * 1024 * 1024 });
  if (input !== undefined) {
    child.child.stdin!.write(input);
    child.child.stdin!.end();
  }
  try {
    return (await child).stdout;
  } catch (e: any) {
    throw new Error(`kubectl ${args.join(' ')}: ${e.stderr || e.message}`, { cause: e });
  }
}

export async function getJson<T = any>(args: string[]): Promise<T> {
  return JSON.parse(await kubectl([...args, '-o', 'json'])) as T;
}

export async function apply(namespace: string, ...objects: object[]): Promise<void> {
  await kubectl(['apply', '-n', namespace, '-f', '-'], JSON.stringify({ apiVersion: 'v1', kind: 'List', items: objects }));
}

/** `cluster.mjs node OP NODE` (the npm run cluster:node script). */
export async function nodeScript(op: string, node: string): Promise<string> {
  try {
    return (await run(process.execPath, [clusterScript, 'node', op, node])).stdout;
  } catch (e: any) {
    throw new Error(`cluster.mjs node ${op} ${node}: ${e.stderr || e.message}`, { cause: e });
  }
}

/**
 * Polls `check` (every 300 ms) until it returns a value other than undefined/false and returns that value. On
 * timeout it fails with `what` and the last value or error seen, which is what a failing test needs to show.
 */
export async function waitFor<T>(what: string, check: () => Promise<T | undefined | false>, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await check();
      if (value !== undefined && value !== false) return value as T;
      last = value;
    } catch (e) {
      last = e;
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  const detail = last instanceof Error ? last.message : JSON.stringify(last)?.slice(0, 2000);
  throw new Error(`timed out after ${timeoutMs / 1000}s waiting for ${what}; last: ${detail}`);
}

let counter = 0;
export async function createNamespace(prefix: string): Promise<string> {
  const name = `${prefix}-${process.pid % 10000}-${Date.now() % 100000}-${counter++}`;
  await kubectl(['create', 'namespace', name]);
  // Pods need the namespace's default ServiceAccount, which the controller-manager creates a moment later.
  await waitFor(
    `ServiceAccount default in ${name}`,
    () => kubectl(['get', 'serviceaccount', 'default', '-n', name]).then(() => true),
    20_000,
  );
  return name;
}

export async function deleteNamespace(name: string): Promise<void> {
  await kubectl(['delete', 'namespace', name, '--wait=false', '--ignore-not-found']).catch(() => {});
}
