// Issue 14, no false red: each situation that resolves by itself must end healthy, next to its doomed twin that must end
// failed with the category that says why. The situation is produced the way it happens in a real cluster: another
// process creates the Secret a little later, old pods free a ResourceQuota, a webhook's backend starts, a probe fails
// once, a node autoscaler adds a node.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { deployment, gate, projectRoot, testClient, useNamespace, writeManifests } from './harness.js';

const client = testClient();
const ns = useNamespace(client, 'no-false-red');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const manifest = (...docs: unknown[]) =>
  `${writeManifests({ 'deploy.yaml': docs.map((d) => (typeof d === 'string' ? d : JSON.stringify(d))).join('\n---\n') })}/deploy.yaml`;

/** A Deployment as users write it whose container reads `secret` through env. */
function readsSecret(name: string, secret: string, replicas = 2) {
  const d = JSON.parse(deployment(name, { replicas }));
  d.spec.template.spec.containers[0].env = [{ name: 'PASSWORD', valueFrom: { secretKeyRef: { name: secret, key: 'password' } } }];
  return d;
}

/** The verdict, or a failure that shows the findings and the log: what a person needs to see why it differed. */
function verdictOf(run: { result: { verdict: string; findings: unknown[] }; log: string[] }, expected: string): void {
  if (run.result.verdict === expected) return;
  const findings = JSON.stringify(
    run.result.findings.map((f) => {
      const { events: _e, logTail: _l, hint: _h, ...rest } = f as Record<string, unknown>;
      return rest;
    }),
    null,
    1,
  );
  expect.fail(`verdict ${run.result.verdict}, expected ${expected}\nfindings: ${findings}\nlog:\n${run.log.slice(-25).join('\n')}`);
}

const secret = (name: string) => ({
  apiVersion: 'v1',
  kind: 'Secret',
  metadata: { name, namespace: ns.name },
  stringData: { password: 'bootstrap' },
});

async function podsOf(app: string): Promise<{ metadata: { name: string; uid: string }; spec: { nodeName?: string } }[]> {
  return client.list('v1', 'Pod', ns.name, { labelSelector: `app=${app}` });
}

describe('a Secret the pods read that something else creates a little later', () => {
  it('created 20 s after the apply (a bootstrap Job or init container would): healthy', async () => {
    const run = gate({ manifests: [manifest(readsSecret('late-secret', 'bootstrap-password'))], namespace: ns.name, timeout: '120s' });
    await sleep(20_000);
    await client.apply(secret('bootstrap-password'), 'bootstrap-job', true);
    verdictOf(await run, 'healthy');
  });

  it('never created: failed with config-missing-ref once the 60 s grace from the pod creation is over', async () => {
    const started = Date.now();
    const gateRun = await gate({
      manifests: [manifest(readsSecret('no-secret', 'never-created'))],
      namespace: ns.name,
      timeout: '150s',
    });
    const { result } = gateRun;
    verdictOf(gateRun, 'failed');
    expect(result.findings[0]).toMatchObject({ category: 'config-missing-ref', fatal: true });
    expect(Date.now() - started).toBeGreaterThanOrEqual(60_000);
    expect(Date.now() - started).toBeLessThan(100_000);
  });

  it('named by a cert-manager Certificate of the same deploy: waits past the grace, says which object creates it, healthy', async () => {
    await client.apply(certificateCrd, 'e2e', true);
    try {
      await sleep(2000); // the CRD becomes Established
      const certificate = {
        apiVersion: 'cert-manager.io/v1',
        kind: 'Certificate',
        metadata: { name: 'web' },
        spec: { secretName: 'web-tls', dnsNames: ['web.example.com'], issuerRef: { name: 'letsencrypt' } },
      };
      const run = gate({ manifests: [manifest(certificate, readsSecret('tls-user', 'web-tls'))], namespace: ns.name, timeout: '150s' });
      await sleep(70_000); // cert-manager takes its time; past the 60 s a Secret nobody creates gets
      await client.apply(secret('web-tls'), 'cert-manager', true);
      const gateRun = await run;
      verdictOf(gateRun, 'healthy');
      expect(gateRun.result.findings).toEqual([]);
    } finally {
      // Cluster-scoped: left behind, it would make cert-manager look installed to every later test (plan's among them).
      await client.delete('apiextensions.k8s.io/v1', 'CustomResourceDefinition', undefined, certificateCrd.metadata.name).catch(() => {});
    }
  });
});

const certificateCrd = {
  apiVersion: 'apiextensions.k8s.io/v1',
  kind: 'CustomResourceDefinition',
  metadata: { name: 'certificates.cert-manager.io' },
  spec: {
    group: 'cert-manager.io',
    names: { kind: 'Certificate', plural: 'certificates', singular: 'certificate', listKind: 'CertificateList' },
    scope: 'Namespaced',
    versions: [
      {
        name: 'v1',
        served: true,
        storage: true,
        schema: { openAPIV3Schema: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true } },
      },
    ],
  },
};

describe('a ResourceQuota refusing the surge pod', () => {
  const quota = (cpu: string) => ({
    apiVersion: 'v1',
    kind: 'ResourceQuota',
    metadata: { name: 'compute', namespace: ns.name },
    spec: { hard: { 'requests.cpu': cpu } },
  });
  const app = (name: string, replicas: number, cpu: string, tag: string) =>
    deployment(name, { replicas, cpu, image: `ghcr.io/acme/app:${tag}` });

  // On this cluster the ReplicaSet controller's retry backoff (5 ms doubling per refused create, reset only by a
  // successful sync) makes this rollout take minutes to converge after the quota frees, so the test holds the gate to
  // what it promises within a deadline: no red, and a finding that says it is waiting for the old pods.
  it('while the old pods hold the quota and the default strategy lets one go first (4 replicas): no red, it waits', async () => {
    const name = 'quota-fits';
    await client.apply(quota('1'), 'e2e', true); // 4 x 250m: v1 uses all of it
    try {
      verdictOf(await gate({ manifests: [manifest(app(name, 4, '250m', 'v1'))], namespace: ns.name }), 'healthy');
      const gateRun = await gate({ manifests: [manifest(app(name, 4, '250m', 'v2'))], namespace: ns.name, timeout: '45s' });
      verdictOf(gateRun, 'timeout');
      const quotaFinding = gateRun.result.findings.find((f) => f.category === 'quota-exceeded');
      expect(quotaFinding).toMatchObject({ fatal: false });
      expect(quotaFinding?.message).toMatch(/4 new pods need 1, the quota allows 1: waiting for the old pods to go\)$/);
    } finally {
      await client.delete('apps/v1', 'Deployment', ns.name, name);
      await client.delete('v1', 'ResourceQuota', ns.name, 'compute');
    }
  });

  it('when the new template can never fit (4 x 300m in 1 cpu): failed at once with quota-exceeded', async () => {
    const name = 'quota-never';
    verdictOf(await gate({ manifests: [manifest(app(name, 4, '250m', 'v1'))], namespace: ns.name }), 'healthy');
    await client.apply(quota('1'), 'e2e', true);
    try {
      const started = Date.now();
      const gateRun = await gate({ manifests: [manifest(app(name, 4, '300m', 'v2'))], namespace: ns.name, timeout: '120s' });
      verdictOf(gateRun, 'failed');
      expect(gateRun.result.findings[0]).toMatchObject({ category: 'quota-exceeded', fatal: true });
      expect(gateRun.result.findings[0].message).toMatch(/requests\.cpu: 4 new pods need 1200m, the quota allows 1\)/);
      expect(Date.now() - started).toBeLessThan(30_000);
    } finally {
      await client.delete('v1', 'ResourceQuota', ns.name, 'compute');
    }
  });
});

/** A TLS admission webhook on 127.0.0.1 the test apiserver can call: it starts when told, and allows or denies. */
function webhookServer(allow: boolean) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kdg-webhook-'));
  execFileSync(
    'openssl',
    [
      ...['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=127.0.0.1'],
      ...['-addext', 'subjectAltName=IP:127.0.0.1', '-keyout', `${dir}/key.pem`, '-out', `${dir}/cert.pem`],
    ],
    { stdio: 'ignore' },
  );
  const cert = fs.readFileSync(`${dir}/cert.pem`);
  const server = https.createServer({ key: fs.readFileSync(`${dir}/key.pem`), cert }, (req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      const review = JSON.parse(body) as { request: { uid: string } };
      const response = allow
        ? { uid: review.request.uid, allowed: true }
        : { uid: review.request.uid, allowed: false, status: { code: 403, message: 'pods must carry the label team' } };
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ apiVersion: 'admission.k8s.io/v1', kind: 'AdmissionReview', response }));
    });
  });
  // A free port now, listened on later: until then the apiserver gets "connection refused", as from a starting backend.
  const probe = https.createServer();
  return {
    caBundle: cert.toString('base64'),
    port: new Promise<number>((resolve) =>
      probe.listen(0, '127.0.0.1', () => {
        const port = (probe.address() as AddressInfo).port;
        probe.close(() => resolve(port));
      }),
    ),
    start: (port: number) => new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve)),
    stop: () => new Promise((resolve) => server.close(resolve)),
  };
}

function webhookConfig(name: string, port: number, caBundle: string) {
  return {
    apiVersion: 'admissionregistration.k8s.io/v1',
    kind: 'ValidatingWebhookConfiguration',
    metadata: { name },
    webhooks: [
      {
        name: `${name}.acme.dev`,
        clientConfig: { url: `https://127.0.0.1:${port}/validate`, caBundle },
        rules: [{ apiGroups: [''], apiVersions: ['v1'], operations: ['CREATE'], resources: ['pods'] }],
        namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': ns.name } },
        failurePolicy: 'Fail',
        sideEffects: 'None',
        admissionReviewVersions: ['v1'],
        timeoutSeconds: 5,
      },
    ],
  };
}

describe('an admission webhook on the pods', () => {
  it('whose backend is still starting when the deploy applies it (connection refused for 15 s): healthy', async () => {
    const hook = webhookServer(true);
    const port = await hook.port;
    try {
      const run = gate({
        manifests: [manifest(webhookConfig('starting', port, hook.caBundle), deployment('behind-webhook'))],
        namespace: ns.name,
        timeout: '150s',
      });
      await sleep(15_000);
      await hook.start(port);
      const gateRun = await run;
      verdictOf(gateRun, 'healthy');
    } finally {
      await client.delete('admissionregistration.k8s.io/v1', 'ValidatingWebhookConfiguration', undefined, 'starting').catch(() => {});
      await hook.stop();
    }
  });

  it('that denies the pods: failed at once with admission-denied', async () => {
    const hook = webhookServer(false);
    const port = await hook.port;
    await hook.start(port);
    try {
      const started = Date.now();
      const gateRun = await gate({
        manifests: [manifest(webhookConfig('denying', port, hook.caBundle), deployment('denied'))],
        namespace: ns.name,
        timeout: '120s',
      });
      const { result } = gateRun;
      verdictOf(gateRun, 'failed');
      expect(result.findings[0]).toMatchObject({ category: 'admission-denied', fatal: true });
      expect(result.findings[0].message).toMatch(/pods must carry the label team/);
      expect(Date.now() - started).toBeLessThan(30_000);
    } finally {
      await client.delete('admissionregistration.k8s.io/v1', 'ValidatingWebhookConfiguration', undefined, 'denying').catch(() => {});
      await hook.stop();
    }
  });
});

describe('a liveness probe', () => {
  const withLiveness = (name: string, scenario: string) => {
    const d = JSON.parse(deployment(name, { annotations: { 'kwok.kube-deploy-gate.dev/scenario': scenario } }));
    d.spec.template.spec.containers[0].livenessProbe = {
      httpGet: { path: '/healthz', port: 8080 },
      initialDelaySeconds: 2,
      periodSeconds: 3,
      failureThreshold: 3,
    };
    return d;
  };

  it('that fails once and then passes (one Unhealthy event is not a kill): healthy', async () => {
    const gateRun = await gate({
      manifests: [manifest(withLiveness('flaky-probe', 'liveness-once'))],
      namespace: ns.name,
      extra: { 'min-ready': '15s' },
    });
    verdictOf(gateRun, 'healthy');
  });

  it('that keeps failing until the kubelet restarts the container: failed with liveness-probe-failing', async () => {
    const gateRun = await gate({ manifests: [manifest(withLiveness('dead-probe', 'liveness'))], namespace: ns.name, timeout: '120s' });
    const { result } = gateRun;
    verdictOf(gateRun, 'failed');
    expect(result.findings[0]).toMatchObject({ category: 'liveness-probe-failing', fatal: true });
  });
});

describe('a pod no node can fit', () => {
  const big = (name: string) => deployment(name, { replicas: 1, cpu: '6' }); // every test node has 4 cpu

  it('while the cluster autoscaler adds a bigger node (TriggeredScaleUp, the node 25 s later): healthy', async () => {
    const lib = await import(pathToFileURL(path.join(projectRoot, 'test/cluster/lib/nodes.mjs')).href);
    const worker = await client.get<{
      status: { nodeInfo: { kubeletVersion: string }; daemonEndpoints: { kubeletEndpoint: { Port: number } } };
    }>('v1', 'Node', undefined, 'worker-1');
    const node = lib.workerNode(
      'scaled-up-1',
      0,
      worker!.status.nodeInfo.kubeletVersion,
      worker!.status.daemonEndpoints.kubeletEndpoint.Port,
    );
    node.status.allocatable.cpu = node.status.capacity.cpu = '8';
    try {
      const run = gate({ manifests: [manifest(big('needs-big-node'))], namespace: ns.name, timeout: '150s' });
      let pod: Awaited<ReturnType<typeof podsOf>>[number] | undefined;
      while (!pod) {
        await sleep(500);
        pod = (await podsOf('needs-big-node'))[0];
      }
      await client.apply(scaleUpEvent(pod.metadata.name, pod.metadata.uid), 'cluster-autoscaler', true);
      await sleep(25_000); // longer than a pod nobody scales up for gets
      await client.apply(node, 'cluster-autoscaler', true);
      const gateRun = await run;
      verdictOf(gateRun, 'healthy');
      expect((await podsOf('needs-big-node'))[0].spec.nodeName).toBe('scaled-up-1');
    } finally {
      await client.delete('apps/v1', 'Deployment', ns.name, 'needs-big-node').catch(() => {});
      await client.delete('v1', 'Node', undefined, 'scaled-up-1').catch(() => {});
    }
  });

  it('with no autoscaler in sight: failed with unschedulable-resources within seconds, not a minute', async () => {
    const started = Date.now();
    const gateRun = await gate({ manifests: [manifest(big('too-big'))], namespace: ns.name, timeout: '120s' });
    const { result } = gateRun;
    verdictOf(gateRun, 'failed');
    expect(result.findings[0]).toMatchObject({ category: 'unschedulable-resources', fatal: true });
    expect(result.findings[0].message).toMatch(/no node can ever fit it and no scale-up is in sight/);
    expect(Date.now() - started).toBeLessThan(35_000);
  });
});

/** The Event cluster-autoscaler records on a pod it scales up for (core/v1, source cluster-autoscaler). */
function scaleUpEvent(pod: string, uid: string) {
  const now = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
  return {
    apiVersion: 'v1',
    kind: 'Event',
    metadata: { name: `${pod}.${Date.now().toString(16)}`, namespace: ns.name },
    involvedObject: { apiVersion: 'v1', kind: 'Pod', name: pod, namespace: ns.name, uid },
    reason: 'TriggeredScaleUp',
    message: 'pod triggered scale-up: [{big-pool 0->1 (max: 3)}]',
    type: 'Normal',
    source: { component: 'cluster-autoscaler' },
    reportingComponent: 'cluster-autoscaler',
    firstTimestamp: now,
    lastTimestamp: now,
    count: 1,
  };
}
