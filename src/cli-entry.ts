import { runCli } from './cli.js';
import { nodeProcessIO } from './cli/process-io.js';
import { describeError } from './errors.js';
import { nodeVersionProblem } from './node-version.js';

// A promise nobody awaited is a bug; it still ends as one line and exit 2, never a stack trace.
process.on('unhandledRejection', (e) => {
  process.stderr.write(`kube-deploy-gate: internal error (please report it): ${describeError(e)}\n`);
  process.exitCode = 2;
});

const tooOld = nodeVersionProblem(process.versions.node);
if (tooOld) {
  process.stderr.write(`kube-deploy-gate: ${tooOld}\n`);
  process.exitCode = 2;
} else {
  const io = nodeProcessIO();
  runCli(process.argv.slice(2), io).then((code) => {
    process.exitCode = code;
    // A cancelled run has printed its result: nothing left running (a socket, a timer) may hold the process.
    if (io.signal?.aborted) process.exit(code);
  });
}
