// A postStart hook that fails once may have met a dependency that was not up yet; the kubelet runs it again with the
// restarted container. A command that cannot run at all is conclusive at once.
import { describe, expect, it } from 'vitest';
import { diagnoseWorkload } from '../../../src/diagnose/index.js';
import { NOW, deployment, event, pod, snapshot, waiting } from './fixtures.js';

const HOOK =
  'Exec lifecycle hook ([/bin/sh -c curl -fsS http://registry:8080/register]) for Container "app" in Pod "web-7d9f_shop(0b6c)" failed - error: command \'/bin/sh -c curl -fsS http://registry:8080/register\' exited with 7: , message: "curl: (7) Failed to connect to registry port 8080: Connection refused\\n"';

function hookFailed(failures: number) {
  const p = pod({ containerStatuses: [waiting('app', 'PostStartHookError', HOOK)] });
  const events = [event(p, 'Warning', 'FailedPostStartHook', HOOK, { count: failures, container: 'app' })];
  return diagnoseWorkload(deployment(), snapshot({ pods: [p], events }), NOW)[0];
}

describe('a failing postStart hook', () => {
  it.each([
    { failures: 1, fatal: false },
    { failures: 2, fatal: true },
  ])('after $failures failure(s): fatal $fatal', ({ failures, fatal }) => {
    const f = hookFailed(failures);
    expect(f).toMatchObject({ category: 'container-start-error', reason: 'PostStartHookError', fatal });
    expect(f.message).toMatch(/^The PostStart hook of container app failed: /);
  });

  it('a command the runtime cannot run is still fatal at once', () => {
    const p = pod({
      containerStatuses: [
        waiting(
          'app',
          'RunContainerError',
          'failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: exec: "/app/server": stat /app/server: no such file or directory: unknown',
        ),
      ],
    });
    expect(diagnoseWorkload(deployment(), snapshot({ pods: [p] }), NOW)[0]).toMatchObject({
      category: 'container-start-error',
      fatal: true,
    });
  });
});

describe('a postStart hook that cannot run at all', () => {
  it.each([
    ['exit 126, permission denied', 'exited with 126: , message: "/bin/sh: /hooks/warm.sh: Permission denied\\n"'],
    ['exit 127, not found', 'exited with 127: , message: "/bin/sh: /hooks/warm.sh: not found\\n"'],
  ])('%s: fatal at its first failure', (_, tail) => {
    const message = `Exec lifecycle hook ([/bin/sh -c /hooks/warm.sh]) for Container "app" in Pod "web-7d9f_shop(0b6c)" failed - error: command '/bin/sh -c /hooks/warm.sh' ${tail}`;
    const p = pod({ containerStatuses: [waiting('app', 'PostStartHookError', message)] });
    expect(diagnoseWorkload(deployment(), snapshot({ pods: [p] }), NOW)[0]).toMatchObject({
      category: 'container-start-error',
      fatal: true,
    });
  });
});
