// `deploy`: what the Action does, from a terminal. With --output json, ONE JSON document goes to stdout and progress
// to stderr. Exit 0 healthy, 1 failed/timeout/cancelled, 2 could not deploy.
import fs from 'node:fs';
import type { CliIO } from './process-io.js';
import { runGate } from '../gate.js';
import { parseInputs } from '../inputs.js';
import { workloadId } from '../k8s/kinds.js';
import { type DeployResult } from '../model.js';
import { renderSummary } from '../report/markdown.js';
import { renderFindingsText } from '../diagnose/render-text.js';
import { last, outputFormat, parseArgs } from './args.js';
import { githubContext, githubTrace } from '../action-context.js';
import { describeOwner, showValue } from '../apply/conflict-decisions.js';

const SPEC = {
  values: [
    'filename',
    'namespace',
    'kubeconfig',
    'context',
    'timeout',
    'image',
    'field-manager',
    'summary-file',
    'output',
    'rollback-scope',
    'on-first-deploy-failure',
    'conflicts',
    'change-cause',
  ],
  booleans: ['rollback', 'fail-fast', 'force-conflicts', 'rollback-on-cancel', 'annotate', 'respect-hpa'],
  aliases: { f: 'filename', n: 'namespace', o: 'output' },
};

export function exitCodeFor(result: DeployResult): number {
  if (result.verdict === 'healthy') return 0;
  if (result.verdict === 'error') return 2;
  return 1;
}

export async function runDeployCommand(argv: string[], io: CliIO): Promise<number> {
  const args = parseArgs(argv, SPEC, 'deploy');
  const format = outputFormat(args);
  const bool = (name: string) => (args.booleans.has(name) ? String(args.booleans.get(name)) : undefined);
  const inputs = parseInputs((name) => {
    switch (name) {
      case 'manifests':
        return (args.flags.get('filename') ?? []).join('\n');
      case 'images':
        return (args.flags.get('image') ?? []).join('\n');
      case 'kubeconfig-file':
        return last(args, 'kubeconfig');
      case 'kubeconfig':
        return undefined;
      case 'rollback':
      case 'fail-fast':
      case 'force-conflicts':
      case 'rollback-on-cancel':
      case 'annotate':
      case 'respect-hpa':
        return bool(name);
      default:
        return last(args, name);
    }
  });
  // Inside a GitHub workflow the trace names the run; elsewhere the command line, as kubectl's --record did.
  const trace = { ...githubTrace(githubContext(process.env)), commandLine: commandLine(argv) };
  const run = await runGate(inputs, { log: (line) => io.stderr(`${line}\n`), signal: io.signal, trace });
  const { result } = run;
  const summaryFile = last(args, 'summary-file');
  if (summaryFile) {
    const timings = Object.fromEntries((run.wait?.outcomes ?? []).map((o) => [workloadId(o), o.settledAtMs ?? 0]));
    fs.writeFileSync(summaryFile, renderSummary({ result, context: { reportId: 'cli' }, timings, now: new Date() }));
  }
  if (format === 'json') {
    io.stdout(`${JSON.stringify(result, null, 2)}\n`);
  } else {
    io.stdout(textResult(result));
  }
  return exitCodeFor(result);
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
    lines.push(
      `  ${w.done ? 'ok  ' : 'FAIL'} ${w.kind} ${w.namespace}/${w.name} (revision ${rev}${w.changed ? '' : ', unchanged'}): ${w.message}`,
    );
  }
  for (const t of result.takeovers ?? []) {
    lines.push(`  took over ${t.object} ${t.field}: ${showValue(t.found)} set by ${describeOwner(t)} -> ${showValue(t.applied)}`);
  }
  for (const l of result.leftOut ?? []) lines.push(`  left ${l.object} ${l.field} to ${l.owner}: keeps ${showValue(l.live)}`);
  if (result.findings.length) lines.push('', renderFindingsText(result.findings).trimEnd());
  if (result.rollback?.attempted) {
    lines.push('', 'rollback:');
    for (const r of result.rollback.workloads) {
      const cause = r.changeCause ? ` (${r.changeCause})` : '';
      lines.push(`  ${r.done ? 'ok  ' : 'FAIL'} ${r.kind} ${r.namespace}/${r.name}: ${r.message}${cause}`);
    }
  }
  return `${lines.join('\n')}\n`;
}
