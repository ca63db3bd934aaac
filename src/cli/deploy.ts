// `deploy`: what the Action does, from a terminal. With --output json, ONE JSON document goes to stdout and progress
// to stderr. Exit 0 healthy, 1 failed/timeout/cancelled, 2 could not deploy.
import fs from 'node:fs';
import path from 'node:path';
import type { CliIO } from './process-io.js';
import { runGate } from '../gate.js';
import { parseInputs } from '../inputs.js';
import { workloadId } from '../k8s/kinds.js';
import { type DeployResult } from '../model.js';
import { renderSummary } from '../report/markdown.js';
import { renderFindingsText } from '../diagnose/render-text.js';
import { last, outputFormat, parseArgs, type FlagSpec } from './args.js';
import { describeError, UserError } from '../errors.js';
import { githubContext, githubTrace } from '../action-context.js';
import { describeOwner, showValue } from '../apply/conflict-decisions.js';

const SPEC: FlagSpec = {
  values: [
    'filename',
    'namespace',
    'kubeconfig',
    'context',
    'timeout',
    'min-ready',
    'image',
    'image-pull-secret',
    'field-manager',
    'field-validation',
    'summary-file',
    'output',
    'rollback-scope',
    'on-first-deploy-failure',
    'conflicts',
    'change-cause',
    'wait-for',
  ],
  booleans: [
    'rollback',
    'fail-fast',
    'force-conflicts',
    'rollback-on-cancel',
    'allow-http-manifests',
    'annotate',
    'respect-hpa',
    'wait-for-load-balancers',
  ],
  aliases: { f: 'filename', n: 'namespace', o: 'output' },
  positionalHint: 'pass manifests with -f, e.g. deploy -f k8s/app.yaml',
};

export function exitCodeFor(result: DeployResult): number {
  if (result.verdict === 'healthy') return 0;
  if (result.verdict === 'error') return 2;
  return 1;
}

/** Every path out of `deploy` prints its result: with --output json exactly one JSON document, even for a bad flag. */
export async function runDeployCommand(argv: string[], io: CliIO): Promise<number> {
  const json = wantsJson(argv);
  let result: DeployResult;
  let summaryFile: string | undefined;
  let format: 'json' | 'text' = json ? 'json' : 'text';
  try {
    const args = parseArgs(argv, SPEC, 'deploy');
    format = outputFormat(args);
    summaryFile = last(args, 'summary-file');
    if (summaryFile) checkWritable(summaryFile);
    const inputs = gateInputs(args);
    // Inside a GitHub workflow the trace names the run; elsewhere the command line, as kubectl's --record did.
    const trace = { ...githubTrace(githubContext(process.env)), commandLine: commandLine(argv) };
    const run = await runGate(inputs, { log: (line) => io.stderr(`${line}\n`), signal: io.signal, trace });
    result = run.result;
    if (summaryFile) writeSummary(summaryFile, run, inputs.timeoutMs, io);
  } catch (e) {
    const error = describeError(e);
    if (!json) throw e;
    io.stderr(`kube-deploy-gate deploy: ${error}\n`);
    result = { verdict: 'error', durationMs: 0, workloads: [], findings: [], rollback: null, error };
  }
  if (format === 'json') io.stdout(`${JSON.stringify(result, null, 2)}\n`);
  else io.stdout(textResult(result));
  return exitCodeFor(result);
}

function gateInputs(args: ReturnType<typeof parseArgs>) {
  const bool = (name: string) => (args.booleans.has(name) ? String(args.booleans.get(name)) : undefined);
  return parseInputs((name) => {
    switch (name) {
      case 'manifests':
        return (args.flags.get('filename') ?? []).join('\n');
      case 'images':
        return (args.flags.get('image') ?? []).join('\n');
      case 'image-pull-secrets':
        return (args.flags.get('image-pull-secret') ?? []).join('\n');
      case 'wait-for':
        return args.flags.has('wait-for') ? (args.flags.get('wait-for') ?? []).join('\n') : undefined;
      case 'kubeconfig-file':
        return last(args, 'kubeconfig');
      case 'kubeconfig':
        return undefined;
      default:
        return SPEC.booleans.includes(name) ? bool(name) : last(args, name);
    }
  });
}

/** Read before the flags are parsed, so that even a bad flag is answered with the JSON document asked for. */
export function wantsJson(argv: string[]): boolean {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if ((a === '-o' || a === '--output') && argv[i + 1] === 'json') return true;
    if (a === '--output=json' || a === '-ojson' || a === '-o=json') return true;
  }
  return false;
}

/** The summary file is an output asked for: a folder that is missing or read-only stops the run before the deploy. */
export function checkWritable(file: string): void {
  const dir = path.dirname(path.resolve(file));
  try {
    fs.accessSync(dir, fs.constants.W_OK);
  } catch {
    throw new UserError(`--summary-file ${file}: the folder ${dir} does not exist or is not writable`);
  }
  if (fs.existsSync(file) && fs.statSync(file).isDirectory()) throw new UserError(`--summary-file ${file} is a folder, not a file`);
}

/** A summary that cannot be written after all (disk full) costs the report, never the finished result. */
function writeSummary(file: string, run: Awaited<ReturnType<typeof runGate>>, timeoutMs: number, io: CliIO): void {
  const settled = [...(run.wait?.outcomes ?? []), ...(run.wait?.objects ?? [])];
  const timings = Object.fromEntries(settled.map((o) => [workloadId(o), o.settledAtMs ?? 0]));
  try {
    fs.writeFileSync(file, renderSummary({ result: run.result, context: { reportId: 'cli' }, timings, now: new Date(), timeoutMs }));
  } catch (e) {
    io.stderr(`kube-deploy-gate deploy: could not write the summary file ${file}: ${describeError(e)}\n`);
  }
}

function commandLine(argv: string[]): string {
  const quote = (a: string) => (/^[\w@%+=:,./-]+$/.test(a) ? a : JSON.stringify(a));
  return ['kube-deploy-gate', 'deploy', ...argv].map(quote).join(' ');
}

function textResult(result: DeployResult): string {
  const lines = [`verdict: ${result.verdict} (${(result.durationMs / 1000).toFixed(1)}s)`];
  if (result.error) lines.push(`error: ${result.error}`);
  for (const w of result.workloads) {
    const rev = `${w.revisionBefore ?? '-'} -> ${w.revisionAfter ?? '-'}`;
    const ok = w.done && (!w.window || w.window.state === 'held');
    const name = w.namespace ? `${w.namespace}/${w.name}` : w.name;
    // An object the kstatus rules judged has no revisions to show.
    const what = w.apiVersion !== undefined ? (w.changed ? '' : ' (unchanged)') : ` (revision ${rev}${w.changed ? '' : ', unchanged'})`;
    lines.push(`  ${ok ? 'ok  ' : 'FAIL'} ${w.kind} ${name}${what}: ${w.message}`);
    if (w.window) lines.push(`       ${w.window.message}`);
  }
  for (const t of result.takeovers ?? []) {
    lines.push(`  took over ${t.object} ${t.field}: ${showValue(t.found)} set by ${describeOwner(t)} -> ${showValue(t.applied)}`);
  }
  for (const l of result.leftOut ?? []) lines.push(`  left ${l.object} ${l.field} to ${l.owner}: keeps ${showValue(l.live)}`);
  if (result.findings.length) lines.push('', renderFindingsText(result.findings).trimEnd());
  if (result.rollback?.attempted) {
    lines.push('', 'rollback:');
    for (const r of result.rollback.workloads) {
      const forced = r.deletedPods?.length ? ` (forced: deleted pods ${r.deletedPods.join(', ')} of the failed revision)` : '';
      const cause = r.changeCause ? ` (${r.changeCause})` : '';
      lines.push(`  ${r.done ? 'ok  ' : 'FAIL'} ${r.kind} ${r.namespace}/${r.name}: ${r.message}${cause}${forced}`);
    }
  }
  return `${lines.join('\n')}\n`;
}
