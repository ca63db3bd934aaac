// `plan`: what `deploy` with the same inputs would change, and which of its changes will fail, without writing to the
// cluster (every apply is a dry run). With --output json, ONE JSON document goes to stdout and progress to stderr.
// Exit 0 nothing predicted to fail, 1 something is, 2 the plan could not run.
import fs from 'node:fs';
import type { CliIO } from './process-io.js';
import { parseInputs } from '../inputs.js';
import { renderPlanSummary } from '../plan/render-markdown.js';
import { renderPlanText } from '../plan/render-text.js';
import { runPlan } from '../plan/run.js';
import type { PlanResult } from '../plan/types.js';
import { last, outputFormat, parseArgs, type FlagSpec, type ParsedArgs } from './args.js';
import { checkWritable, wantsJson } from './deploy.js';
import { describeError } from '../errors.js';
import { emptyPlan } from '../plan/run.js';

const SPEC: FlagSpec = {
  values: [
    'filename',
    'namespace',
    'kubeconfig',
    'context',
    'timeout',
    'image',
    'field-manager',
    'field-validation',
    'summary-file',
    'output',
  ],
  booleans: ['force-conflicts', 'rollback'],
  aliases: { f: 'filename', n: 'namespace', o: 'output' },
  positionalHint: 'pass manifests with -f, e.g. plan -f k8s/app.yaml',
};

export function planExitCode(plan: PlanResult): number {
  if (plan.verdict === 'error') return 2;
  return plan.findings.length ? 1 : 0;
}

/** Like deploy: with --output json, every path out prints one JSON document, a bad flag too. */
export async function runPlanCommand(argv: string[], io: CliIO): Promise<number> {
  const json = wantsJson(argv);
  let format: 'json' | 'text' = json ? 'json' : 'text';
  let plan: PlanResult;
  try {
    const args = parseArgs(argv, SPEC, 'plan');
    format = outputFormat(args);
    const summaryFile = last(args, 'summary-file');
    if (summaryFile) checkWritable(summaryFile);
    plan = await runPlan(planInputs(args), { log: (line) => io.stderr(`${line}\n`), signal: io.signal });
    if (summaryFile) writeSummary(summaryFile, plan, io);
  } catch (e) {
    if (!json) throw e;
    io.stderr(`kube-deploy-gate plan: ${describeError(e)}\n`);
    plan = emptyPlan(describeError(e));
  }
  io.stdout(format === 'json' ? `${JSON.stringify(plan, null, 2)}\n` : renderPlanText(plan));
  return planExitCode(plan);
}

function planInputs(args: ParsedArgs) {
  return parseInputs((name) => {
    switch (name) {
      case 'mode':
        return 'plan';
      case 'manifests':
        return (args.flags.get('filename') ?? []).join('\n');
      case 'images':
        return (args.flags.get('image') ?? []).join('\n');
      case 'kubeconfig-file':
        return last(args, 'kubeconfig');
      case 'kubeconfig':
        return undefined;
      case 'force-conflicts':
      case 'rollback':
        return args.booleans.has(name) ? String(args.booleans.get(name)) : undefined;
      default:
        return last(args, name);
    }
  });
}

function writeSummary(file: string, plan: PlanResult, io: CliIO): void {
  try {
    fs.writeFileSync(file, renderPlanSummary({ plan, context: { reportId: 'cli' } }));
  } catch (e) {
    io.stderr(`kube-deploy-gate plan: could not write the summary file ${file}: ${describeError(e)}\n`);
  }
}
