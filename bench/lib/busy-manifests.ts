// The other teams' Deployments in the busy namespace: pod templates the size of real ones (a sidecar, environment,
// resources, probes, labels and annotations), labelled with the same `app` key the measured deploy uses, as teams
// sharing a namespace do. They carry the bench label so that an interrupted run's leftovers are found and removed.
import { BENCH_LABEL } from './manifests.js';

const TEAMS = ['payments', 'search', 'catalog', 'checkout', 'identity', 'ledger'];

function env(i: number): { name: string; value: string }[] {
  const vars: [string, string][] = [
    ['LOG_LEVEL', 'info'],
    ['LOG_FORMAT', 'json'],
    ['HTTP_PORT', '8080'],
    ['METRICS_PORT', '9090'],
    ['DB_HOST', `postgres-${i % 4}.databases.svc.cluster.local`],
    ['DB_POOL_SIZE', '20'],
    ['CACHE_URL', 'redis://redis-master.cache.svc.cluster.local:6379/0'],
    ['OTEL_EXPORTER_OTLP_ENDPOINT', 'http://otel-collector.observability.svc.cluster.local:4317'],
    ['OTEL_SERVICE_NAME', `service-${i}`],
    ['FEATURE_FLAGS_URL', 'https://flags.internal.example.com/api/v2/environments/production'],
    ['JAVA_TOOL_OPTIONS', '-XX:MaxRAMPercentage=75 -XX:+UseG1GC -XX:+ExitOnOutOfMemoryError'],
    ['REQUEST_TIMEOUT_MS', '5000'],
  ];
  return vars.map(([name, value]) => ({ name, value }));
}

export function otherTeamDeployment(index: number, replicas: number, runId: string): any {
  const name = `other-${String(index + 1).padStart(3, '0')}`;
  const team = TEAMS[index % TEAMS.length];
  const labels = { app: name, team, tier: 'backend', 'app.kubernetes.io/part-of': `${team}-platform`, [BENCH_LABEL]: runId };
  const probe = (path: string) => ({ httpGet: { path, port: 8080 }, periodSeconds: 10, timeoutSeconds: 2, failureThreshold: 3 });
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, labels },
    spec: {
      replicas,
      selector: { matchLabels: { app: name } },
      template: {
        metadata: {
          labels: { ...labels, version: 'v2.14.3' },
          annotations: {
            'prometheus.io/scrape': 'true',
            'prometheus.io/port': '9090',
            'kubectl.kubernetes.io/default-container': 'app',
          },
        },
        spec: {
          terminationGracePeriodSeconds: 30,
          containers: [
            {
              name: 'app',
              image: `registry.example.com/${team}/${name}:2.14.3`,
              ports: [
                { name: 'http', containerPort: 8080 },
                { name: 'metrics', containerPort: 9090 },
              ],
              env: env(index),
              resources: { requests: { cpu: '10m', memory: '32Mi' }, limits: { memory: '512Mi' } },
              readinessProbe: probe('/ready'),
              livenessProbe: probe('/healthz'),
            },
            {
              name: 'proxy',
              image: 'registry.example.com/platform/envoy:1.31.2',
              args: ['--config-path', '/etc/envoy/envoy.yaml', '--log-level', 'warn'],
              resources: { requests: { cpu: '5m', memory: '16Mi' }, limits: { memory: '128Mi' } },
            },
          ],
        },
      },
    },
  };
}
