// Init containers run one after another before the app containers; the first one that has not finished is what the
// pod waits on. Its failures are reported as init-container-failed with the inner reason (exit 127 "command not
// found", OOMKilled...); image and configuration errors keep their own categories, named with the init container.
import { conditionOf, timeOf } from '../../k8s/fields.js';
import { type ContainerStatus } from '../../k8s/objects.js';
import { classifyContainer } from './containers.js';
import { classifyTermination } from './terminated.js';
import { containerDraft, type ContainerContext, type Draft, type PodContext } from './types.js';

const INIT_WAIT_GRACE_MS = 15_000;

function finished(status: ContainerStatus): boolean {
  return status.state?.terminated?.exitCode === 0;
}

function innerDetail(d: Draft): string {
  if (d.category === 'oom-killed') return d.message.replace(/^Container \S+ was /, 'was ');
  // "Container x cannot run: the image's binary is built for another CPU architecture (...)" reads on after the name.
  if (d.category === 'exec-format-error') return d.message.replace(/^Container \S+ /, '');
  if (d.category === 'container-start-error') return `could not start: ${d.evidence.cause ?? d.message}`;
  return d.message.replace(/^Container \S+ (?:keeps crashing|exited) with /, 'failed with ');
}

export function initContainerFailure(ctx: PodContext, contextFor: (status: ContainerStatus) => ContainerContext): Draft | null {
  const { pod } = ctx;
  if (conditionOf(pod.status?.conditions, 'Initialized')?.status === 'True') return null;
  const specs = pod.spec?.initContainers ?? [];
  const statuses = pod.status?.initContainerStatuses ?? [];
  for (const spec of specs) {
    const status = statuses.find((s) => s.name === spec.name);
    if (!status) return null;
    const sidecar = spec.restartPolicy === 'Always';
    if (sidecar ? status.started === true : finished(status)) continue;
    const cctx = contextFor(status);
    const terminated =
      status.state?.terminated ?? (status.state?.waiting?.reason === 'CrashLoopBackOff' ? status.lastState?.terminated : undefined);
    if (terminated && !sidecar) {
      const inner = classifyTermination(cctx, terminated, status.state?.waiting?.reason === 'CrashLoopBackOff');
      if (!inner) return null;
      return {
        ...inner,
        category: 'init-container-failed',
        message: `Init container ${spec.name} ${innerDetail(inner)}`,
        evidence: { ...inner.evidence, initContainer: spec.name },
      };
    }
    if (status.state?.running && !sidecar) {
      const started = status.state.running.startedAt ?? null;
      if (ctx.now.getTime() - (timeOf(started) ?? ctx.now.getTime()) < INIT_WAIT_GRACE_MS) return null;
      return containerDraft(cctx, {
        category: 'init-container-waiting',
        reason: 'PodInitializing',
        message: `Init container ${spec.name} is still running; the app containers start only after it finishes`,
        evidence: { initContainer: spec.name },
        since: started,
      });
    }
    const other = classifyContainer(cctx);
    return other ? { ...other, evidence: { ...other.evidence, initContainer: spec.name } } : null;
  }
  return null;
}
