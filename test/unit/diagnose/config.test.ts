import { describe, expect, it } from 'vitest';
import { diagnoseWorkload } from '../../../src/diagnose/index.js';
import { NOW, ago, deployment, event, pod, snapshot, waiting } from './fixtures.js';

function configError(message: string) {
  return pod({ phase: 'Pending', containerStatuses: [waiting('app', 'CreateContainerConfigError', message)] });
}

describe('CreateContainerConfigError', () => {
  it.each([
    [
      'secret "db-credentials" not found',
      'config-missing-ref',
      true,
      /The Secret db-credentials the container references does not exist in namespace shop/,
      /Create Secret db-credentials in namespace shop/,
    ],
    [
      'configmap "web-config" not found',
      'config-missing-ref',
      true,
      /The ConfigMap web-config/,
      /Create ConfigMap web-config in namespace shop/,
    ],
    [
      "couldn't find key DATABASE_URL in Secret shop/db-credentials",
      'config-missing-key',
      true,
      /The Secret db-credentials has no key DATABASE_URL/,
      /Add key DATABASE_URL to Secret db-credentials/,
    ],
    [
      "couldn't find key level in ConfigMap shop/web-config",
      'config-missing-key',
      true,
      /The ConfigMap web-config has no key level/,
      /Add key level to ConfigMap web-config/,
    ],
    [
      'container has runAsNonRoot and image will run as root (pod: "web-7d9f8c6b5-x1_shop(uid-web-7d9f8c6b5-x1)", container: app)',
      'config-security-context',
      true,
      /runAsNonRoot and image will run as root/,
      /runAsUser to a non-zero UID/,
    ],
    [
      'container has runAsNonRoot and image has non-numeric user (nginx), cannot verify user is non-root (pod: "web-7d9f8c6b5-x1_shop(uid-web-7d9f8c6b5-x1)", container: app)',
      'config-security-context',
      true,
      /non-numeric user/,
      /numeric non-root USER/,
    ],
    [
      'failed to sync secret cache: timed out waiting for the condition',
      'config-cache-sync',
      false,
      /could not read the object in time/,
      /clears by itself/,
    ],
    ['failed to prepare subPath for volumeMount "cfg" of container "app"', 'container-create-error', false, /subPath/, /runtime/],
  ])('%s', (message, category, fatal, text, hint) => {
    const [f] = diagnoseWorkload(deployment(), snapshot({ pods: [configError(message)] }), NOW);
    expect(f).toMatchObject({ category, fatal, reason: 'CreateContainerConfigError', container: 'app' });
    expect(f.message).toMatch(text);
    expect(f.hint).toMatch(hint);
  });
});

function creating(createdAgo = 120) {
  return pod({ phase: 'Pending', createdAgo, containerStatuses: [waiting('app', 'ContainerCreating', undefined)] });
}

describe('stuck in ContainerCreating', () => {
  it('a volume whose ConfigMap is missing is missing configuration', () => {
    const p = creating();
    const e = event(p, 'Warning', 'FailedMount', 'MountVolume.SetUp failed for volume "config" : configmap "web-config" not found', {
      count: 7,
    });
    const [f] = diagnoseWorkload(deployment(), snapshot({ pods: [p], events: [e] }), NOW);
    expect(f).toMatchObject({ category: 'config-missing-ref', fatal: true, reason: 'FailedMount', container: null, node: 'worker-1' });
    expect(f.message).toMatch(/^Volume config cannot be mounted: the ConfigMap web-config does not exist/);
  });

  it('a volume held by another node is volume-mount-failed, fatal after two minutes', () => {
    const p = creating();
    const msg = 'Multi-Attach error for volume "pvc-0c2f" Volume is already used by pod(s) web-5c4b3a291-q8k2s';
    const young = diagnoseWorkload(
      deployment(),
      snapshot({ pods: [p], events: [event(p, 'Warning', 'FailedAttachVolume', msg, { firstAgo: 60, lastAgo: 10 })] }),
      NOW,
    );
    const old = diagnoseWorkload(
      deployment(),
      snapshot({ pods: [p], events: [event(p, 'Warning', 'FailedAttachVolume', msg, { firstAgo: 130, lastAgo: 10 })] }),
      NOW,
    );
    expect(young[0]).toMatchObject({ category: 'volume-mount-failed', fatal: false, message: msg });
    expect(old[0]).toMatchObject({ category: 'volume-mount-failed', fatal: true });
  });

  it('a sandbox the CNI cannot set up', () => {
    const p = creating();
    const msg =
      'Failed to create pod sandbox: rpc error: code = Unknown desc = failed to setup network for sandbox "4f1a": plugin type="calico" failed (add): stat /var/lib/calico/nodename: no such file or directory';
    const [f] = diagnoseWorkload(
      deployment(),
      snapshot({ pods: [p], events: [event(p, 'Warning', 'FailedCreatePodSandBox', msg, { count: 12 })] }),
      NOW,
    );
    expect(f).toMatchObject({
      category: 'sandbox-failed',
      reason: 'FailedCreatePodSandBox',
      message: 'The CNI plugin calico cannot set up the pod network: stat /var/lib/calico/nodename: no such file or directory',
    });
    expect(f.hint).toMatch(/CNI plugin calico on worker-1/);
  });

  it('a mount failure that a later pull superseded is history', () => {
    const p = creating(200);
    const events = [
      event(p, 'Warning', 'FailedMount', 'MountVolume.SetUp failed for volume "config" : configmap "web-config" not found', {
        lastAgo: 100,
      }),
      event(p, 'Normal', 'Pulling', 'Pulling image "ghcr.io/acme/web:1.4.2"', { lastAgo: 50 }),
    ];
    const [f] = diagnoseWorkload(deployment(), snapshot({ pods: [p], events }), NOW);
    expect(f).toMatchObject({ category: 'container-creating-slow', fatal: false });
    expect(f.message).toMatch(/still pulling image "ghcr.io\/acme\/web:1.4.2"/);
  });

  it('a pod creating for a few seconds is not a finding yet', () => {
    const p = creating(10);
    p.status.conditions = p.status.conditions.map((c: any) => ({ ...c, lastTransitionTime: ago(10) }));
    expect(diagnoseWorkload(deployment(), snapshot({ pods: [p] }), NOW)).toEqual([]);
  });
});
