// Errors the runtime returns while creating or starting a container (rules/start.ts): which category each waiting
// reason and message lands in, the message the finding reads, and when a create error becomes conclusive.
import { describe, expect, it } from 'vitest';
import { diagnoseWorkload } from '../../../src/diagnose/index.js';
import { NOW, deployment, event, pod, snapshot, terminated, waiting } from './fixtures.js';

const RUNC = 'failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: ';
const NOT_FOUND = `${RUNC}unable to start container process: error during container init: exec: "hello.sh": executable file not found in $PATH: unknown`;
const EXEC_FORMAT = `${RUNC}unable to start container process: exec /usr/local/bin/web: exec format error: unknown`;
const HOOK =
  'Exec lifecycle hook ([/bin/sh -c /hooks/warm.sh]) for Container "app" in Pod "web-7d9f8c6b5-x1_shop(uid-web-7d9f8c6b5-x1)" failed - error: command \'/bin/sh -c /hooks/warm.sh\' exited with 126: , message: "/bin/sh: /hooks/warm.sh: Permission denied\\n"';
const MKDIR =
  'failed to generate container "abc" spec: failed to apply OCI options: failed to mkdir "/data/x": mkdir /data/x: no such file or directory';
const NAME_IN_USE = 'Error response from daemon: Conflict. The container name "/k8s_app_web" is already in use';
const START_HINT =
  "Fix the container's command, args or workingDir so the runtime can start it; the message above says what it could not do.";

function diagnose(status: unknown, failedEvents: { count: number; firstAgo: number; message: string }[] = []) {
  const p = pod({ containerStatuses: [status] });
  const events = failedEvents.map((e, i) =>
    event(p, 'Warning', 'Failed', e.message, { count: e.count, container: 'app', firstAgo: e.firstAgo, lastAgo: 5 + i }),
  );
  const findings = diagnoseWorkload(deployment(), snapshot({ pods: [p], events }), NOW);
  expect(findings).toHaveLength(1);
  return findings[0];
}

describe('start rule', () => {
  it('RunContainerError after a StartError: the command, exit 128 and the restarts', () => {
    const f = diagnose(
      waiting('app', 'RunContainerError', NOT_FOUND, { restartCount: 1, lastState: terminated(128, 'StartError', NOT_FOUND) }),
      [{ count: 2, firstAgo: 60, message: `Error: ${NOT_FOUND}` }],
    );
    expect(f).toMatchObject({
      category: 'container-start-error',
      fatal: true,
      reason: 'RunContainerError',
      container: 'app',
      exitCode: 128,
      restarts: 1,
      message: 'The runtime could not start container app: exec: "hello.sh": executable file not found in $PATH',
      hint: "Fix the container's command: \"hello.sh\" is missing or not executable in the image; check command/args, the image's PATH and the file's execute bit.",
    });
  });

  it('an exec format error names the CPU architecture', () => {
    const f = diagnose(waiting('app', 'RunContainerError', EXEC_FORMAT));
    expect(f).toMatchObject({
      category: 'exec-format-error',
      fatal: true,
      reason: 'RunContainerError',
      exitCode: null,
      message: `Container app cannot run: the image's binary is built for another CPU architecture (${EXEC_FORMAT})`,
    });
    expect(f.hint).toMatch(/^Build the image for the nodes' CPU architecture \(docker buildx build/);
  });

  it.each([
    ['PostStartHookError', 'PostStart'],
    ['PreStartHookError', 'PreStart'],
    ['PreCreateHookError', 'PreCreate'],
  ])('%s names the hook that failed', (reason, hook) => {
    const f = diagnose(waiting('app', reason, HOOK));
    expect(f).toMatchObject({
      category: 'container-start-error',
      fatal: true,
      reason,
      message: `The ${hook} hook of container app failed: ${HOOK}`,
      hint: START_HINT,
    });
  });

  it('a CreateContainerError about a missing file is a start error', () => {
    const f = diagnose(waiting('app', 'CreateContainerError', MKDIR));
    expect(f).toMatchObject({
      category: 'container-start-error',
      fatal: true,
      reason: 'CreateContainerError',
      message: `The runtime could not start container app: ${MKDIR}`,
      hint: START_HINT,
    });
  });

  it.each([
    ['failing for 90 s: conclusive', 90, true],
    ['failing for 30 s: the runtime may still recover', 30, false],
  ])("any other CreateContainerError is the runtime's, %s", (_, firstAgo, fatal) => {
    const f = diagnose(waiting('app', 'CreateContainerError', NAME_IN_USE), [
      { count: 3, firstAgo, message: `Error: ${NAME_IN_USE}` },
      { count: 1, firstAgo: 200, message: 'Failed to pull image: not an Error: prefix' },
    ]);
    expect(f).toMatchObject({
      category: 'container-create-error',
      fatal,
      reason: 'CreateContainerError',
      exitCode: null,
      message: `The runtime could not create container app: ${NAME_IN_USE}`,
      hint: 'Check the runtime on worker-1 and the message above; the kubelet keeps retrying container app.',
    });
  });

  it('a CreateContainerError without a Failed event to date it is not conclusive yet', () => {
    expect(diagnose(waiting('app', 'CreateContainerError', NAME_IN_USE)).fatal).toBe(false);
  });
});
