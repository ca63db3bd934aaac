// `undo KIND/NAME`: kubectl rollout undo, natively: the same revision choice, patch and messages.
// Exit 0 rolled back or skipped, 1 refused (revision not found, paused, no history), 2 could not run.
import type { CliIO } from './process-io.js';
import { UserError } from '../errors.js';
import { KubeClient } from '../kube/client.js';
import { loadKubeConfig } from '../kube/config.js';
import type { WorkloadKind } from '../k8s/kinds.js';
import { undoErrorLine, undoOutputLine } from '../rollback/kubectl-results.js';
import { planUndo } from '../rollback/rollbacker.js';
import { readHistory } from '../rollback/run.js';
import { last, parseArgs } from './args.js';

const KINDS: Record<string, WorkloadKind> = {
  deployment: 'Deployment',
  deployments: 'Deployment',
  deploy: 'Deployment',
  statefulset: 'StatefulSet',
  statefulsets: 'StatefulSet',
  sts: 'StatefulSet',
  daemonset: 'DaemonSet',
  daemonsets: 'DaemonSet',
  ds: 'DaemonSet',
};

export function parseTarget(target: string | undefined): { kind: WorkloadKind; name: string } {
  const [kindText, name, extra] = (target ?? '').split('/');
  const kind = KINDS[kindText?.toLowerCase().replace(/\.apps$/, '') ?? ''];
  if (!kindText || !name || extra !== undefined) throw new UserError(`undo needs KIND/NAME, e.g. deployment/web (got "${target ?? ''}")`);
  if (!kind) throw new UserError(`undo: "${kindText}" is not a Deployment, StatefulSet or DaemonSet`);
  return { kind, name };
}

export async function runUndoCommand(argv: string[], io: CliIO): Promise<number> {
  const args = parseArgs(
    argv,
    {
      values: ['namespace', 'to-revision', 'kubeconfig', 'context'],
      booleans: [],
      aliases: { n: 'namespace' },
      positionals: 1,
      positionalHint: 'undo takes one KIND/NAME',
    },
    'undo',
  );
  const { kind, name } = parseTarget(args.positional[0]);
  const revText = last(args, 'to-revision') ?? '0';
  const toRevision = Number(revText);
  if (!Number.isInteger(toRevision) || toRevision < 0) throw new UserError(`--to-revision must be a whole number, not "${revText}"`);
  const loaded = loadKubeConfig({ file: last(args, 'kubeconfig'), context: last(args, 'context') });
  try {
    const client = new KubeClient(loaded.kc);
    const namespace = last(args, 'namespace') ?? client.contextNamespace() ?? 'default';
    const object = await client.get('apps/v1', kind, namespace, name);
    if (!object) throw new UserError(`${kind.toLowerCase()}s.apps "${name}" not found in namespace ${namespace}`);
    const step = planUndo(kind, object, await readHistory(client, { kind, namespace, name }), toRevision);
    if (step.outcome === 'error') {
      io.stderr(`${undoErrorLine(step.message)}\n`);
      return 1;
    }
    if (step.outcome === 'patch') await client.patch('apps/v1', kind, namespace, name, step.patch, step.contentType);
    io.stdout(`${undoOutputLine(kind, name, step.message)}\n`);
    return 0;
  } finally {
    loaded.cleanup();
  }
}
