import { runCli } from './cli.js';
import { nodeProcessIO } from './cli/process-io.js';

runCli(process.argv.slice(2), nodeProcessIO()).then((code) => (process.exitCode = code));
