// The gate's engine straight from src/, for when dist/ is not built: the same inputs the CLI's `deploy` passes to
// runGate, and the result as one JSON document on stdout. Run with Node's type transform (see runners.ts).
//   node --experimental-transform-types --import ./bench/ts-hooks.mjs bench/gate-source-runner.ts \
//     FILE_OR_DIR NAMESPACE KUBECONFIG TIMEOUT
import { runGate } from '../src/gate.js';
import { parseInputs } from '../src/inputs.js';

const [manifests, namespace, kubeconfigFile, timeout] = process.argv.slice(2);
const values: Record<string, string> = {
  manifests, namespace, 'kubeconfig-file': kubeconfigFile, timeout, rollback: 'false', summary: 'false', 'pr-comment': 'false',
};
const run = await runGate(parseInputs((name) => values[name]), { log: (line) => process.stderr.write(`${line}\n`) });
process.stdout.write(`${JSON.stringify(run.result)}\n`);
process.exitCode = run.result.verdict === 'healthy' ? 0 : run.result.verdict === 'error' ? 2 : 1;
