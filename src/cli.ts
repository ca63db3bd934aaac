// The CLI shell: parses argv, runs one command, prints, and returns the exit code. Commands live in src/cli/.
import { runDeployCommand } from './cli/deploy.js';
import { runDiagnoseCommand } from './cli/diagnose.js';
import { runPlanCommand } from './cli/plan.js';
import { runStatusCommand } from './cli/status.js';
import { runUndoCommand } from './cli/undo.js';
import { HELP } from './cli/help.js';
import { describeError } from './errors.js';
import type { CliIO } from './cli/process-io.js';

export type { CliIO };

const COMMANDS: Record<string, (args: string[], io: CliIO) => Promise<number>> = {
  status: runStatusCommand,
  diagnose: runDiagnoseCommand,
  deploy: runDeployCommand,
  plan: runPlanCommand,
  undo: runUndoCommand,
};

export async function runCli(argv: string[], io: CliIO): Promise<number> {
  const [command, ...args] = argv;
  if (!command || command === '--help' || command === '-h' || command === 'help') {
    io.stdout(HELP.main);
    return command ? 0 : 2;
  }
  const run = COMMANDS[command];
  if (!run) {
    io.stderr(`kube-deploy-gate: unknown command "${command}"\n\n${HELP.main}`);
    return 2;
  }
  if (args.includes('--help') || args.includes('-h')) {
    io.stdout(HELP[command as keyof typeof HELP]);
    return 0;
  }
  try {
    return await run(args, io);
  } catch (e) {
    io.stderr(`kube-deploy-gate ${command}: ${describeError(e)}\n`);
    return 2;
  }
}
