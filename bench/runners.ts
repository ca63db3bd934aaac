// How the bench starts the gate: the bundle the Action and the CLI ship (dist/cli.js) when it is built, otherwise
// the engine from src/ under Node's type transform (this file run as a script, see the end). Which one ran is
// printed next to every number, because the source runner also loads Node's TypeScript transformer (slower start,
// more memory).
import fs from 'node:fs';
import path from 'node:path';

export interface GateRunner {
  kind: 'bundle' | 'source';
  describe: string;
  command: string;
  args(manifests: string, namespace: string, kubeconfig: string, timeout: string, extra?: readonly string[]): string[];
}

/**
 * Copies dist/ into `scratch` first when the bundle is built: a rebuild during the run (dist/ is emptied and
 * rewritten) must not change or break what is being measured. Returns the runner and the folder it took dist from.
 */
export function gateRunner(root: string, scratch: string): { runner: GateRunner; dist: string | null } {
  const dist = snapshotDist(root, scratch);
  return { runner: dist ? bundleRunner(path.join(dist, 'cli.js')) : sourceRunner(root), dist };
}

function snapshotDist(root: string, scratch: string): string | null {
  const source = path.join(root, 'dist');
  if (!fs.existsSync(path.join(source, 'cli.js'))) return null;
  const target = path.join(scratch, 'dist');
  fs.cpSync(source, target, { recursive: true });
  return fs.existsSync(path.join(target, 'cli.js')) ? target : null;
}

function bundleRunner(bundle: string): GateRunner {
  return {
    kind: 'bundle',
    describe: `the bundle, \`node dist/cli.js deploy --no-rollback --output json\` (${(fs.statSync(bundle).size / 1048576).toFixed(1)} MiB)`,
    command: process.execPath,
    args: (manifests, namespace, kubeconfig, timeout, extra = []) => [
      bundle,
      'deploy',
      '-f',
      manifests,
      // Without one, every manifest names its own namespace (the rows that deploy to several).
      ...(namespace ? ['-n', namespace] : []),
      '--kubeconfig',
      kubeconfig,
      '--timeout',
      timeout,
      '--no-rollback',
      '--output',
      'json',
      ...extra,
    ],
  };
}

function sourceRunner(root: string): GateRunner {
  return {
    kind: 'source',
    describe: 'the engine from src/ (`bench/runners.ts` under `node --experimental-transform-types`), because dist/cli.js is not built',
    command: process.execPath,
    args: (manifests, namespace, kubeconfig, timeout, extra = []) => [
      '--experimental-transform-types',
      '--disable-warning=ExperimentalWarning',
      '--import',
      path.join(root, 'bench', 'bench.mjs'),
      path.join(root, 'bench', 'runners.ts'),
      manifests,
      namespace,
      kubeconfig,
      timeout,
      ...extra,
    ],
  };
}

/** The verdict from the gate's JSON output (one JSON document on stdout), or why there is none. */
export function gateVerdict(stdout: string): string {
  const start = stdout.indexOf('{');
  if (start === -1) return 'no output';
  try {
    return String(JSON.parse(stdout.slice(start)).verdict ?? 'no verdict');
  } catch {
    return 'unreadable output';
  }
}

// Run as a script, this file is the source runner: the inputs the CLI's `deploy` gives runGate, the result as one
// JSON document on stdout. The engine is imported only here, so the bench process itself never loads it.
if (import.meta.main) {
  const { runGate } = await import('../src/gate.js');
  const { parseInputs } = await import('../src/inputs.js');
  const [manifests, namespace, kubeconfigFile, timeout, ...extra] = process.argv.slice(2);
  // The flags the bundle takes as `--name value`, passed through as inputs.
  const flags = Object.fromEntries(extra.flatMap((a, i) => (a.startsWith('--') ? [[a.slice(2), extra[i + 1] ?? '']] : [])));
  const values: Record<string, string> = {
    manifests,
    namespace,
    'kubeconfig-file': kubeconfigFile,
    timeout,
    rollback: 'false',
    summary: 'false',
    'pr-comment': 'false',
    ...flags,
  };
  const run = await runGate(
    parseInputs((name) => values[name]),
    { log: (line) => process.stderr.write(`${line}\n`) },
  );
  process.stdout.write(`${JSON.stringify(run.result)}\n`);
  process.exitCode = run.result.verdict === 'healthy' ? 0 : run.result.verdict === 'error' ? 2 : 1;
}
