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

const SPEC = {
  values: [
    'filename',
    'namespace',
    'kubeconfig',
    'context',
    'timeout',
    'image',
    'image-pull-secret',
    'field-manager',
    'summary-file',
    'output',
    'rollback-scope',
    'on-first-deploy-failure',
  ],
  booleans: ['rollback', 'fail-fast', 'force-conflicts', 'rollback-on-cancel', 'allow-http-manifests'],
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
      case 'image-pull-secrets':
        return (args.flags.get('image-pull-secret') ?? []).join('\n');
      case 'kubeconfig-file':
        return last(args, 'kubeconfig');
      case 'kubeconfig':
        return undefined;
      case 'rollback':
      case 'fail-fast':
      case 'force-conflicts':
      case 'rollback-on-cancel':
      case 'allow-http-manifests':
        return bool(name);
      default:
        return last(args, name);
    }
  });
  const run = await runGate(inputs, { log: (line) => io.stderr(`${line}\n`), signal: io.signal });
  const { result } = run;
  const summaryFile = last(args, 'summary-file');
  if (summaryFile) {
    const timings = Object.fromEntries((run.wait?.outcomes ?? []).map((o) => [workloadId(o), o.settledAtMs ?? 0]));
    fs.writeFileSync(
      summaryFile,
      renderSummary({ result, context: { reportId: 'cli' }, timings, now: new Date(), timeoutMs: inputs.timeoutMs }),
    );
  }
  if (format === 'json') {
    io.stdout(`${JSON.stringify(result, null, 2)}\n`);
  } else {
    io.stdout(textResult(result));
  }
  return exitCodeFor(result);
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
  if (result.findings.length) lines.push('', renderFindingsText(result.findings).trimEnd());
  if (result.rollback?.attempted) {
    lines.push('', 'rollback:');
    for (const r of result.rollback.workloads) {
      const forced = r.deletedPods?.length ? ` (forced: deleted pods ${r.deletedPods.join(', ')} of the failed revision)` : '';
      lines.push(`  ${r.done ? 'ok  ' : 'FAIL'} ${r.kind} ${r.namespace}/${r.name}: ${r.message}${forced}`);
    }
  }
  return `${lines.join('\n')}\n`;
}
