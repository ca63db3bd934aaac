// Pod templates as the API server returns them (defaults filled in), for the change tests.
import type { Finding } from '../../../src/model.js';
import type { Category } from '../../../src/diagnose/categories/index.js';

export function apiContainer(overrides: Record<string, unknown> = {}): Record<string, any> {
  return {
    name: 'api',
    image: 'ghcr.io/acme/api:1.4.2',
    imagePullPolicy: 'IfNotPresent',
    args: ['--port=8080'],
    env: [
      { name: 'LOG_LEVEL', value: 'info' },
      { name: 'DB_USER', valueFrom: { secretKeyRef: { name: 'db-creds', key: 'user' } } },
    ],
    envFrom: [{ configMapRef: { name: 'api-config' } }],
    resources: { requests: { cpu: '100m', memory: '256Mi' }, limits: { memory: '512Mi' } },
    readinessProbe: {
      httpGet: { path: '/healthz', port: 8080, scheme: 'HTTP' },
      initialDelaySeconds: 0,
      periodSeconds: 10,
      timeoutSeconds: 1,
      successThreshold: 1,
      failureThreshold: 3,
    },
    livenessProbe: { tcpSocket: { port: 8080 }, periodSeconds: 10, timeoutSeconds: 1, successThreshold: 1, failureThreshold: 3 },
    volumeMounts: [{ name: 'config', mountPath: '/etc/api', readOnly: true }],
    securityContext: { runAsNonRoot: true, allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] } },
    terminationMessagePath: '/dev/termination-log',
    ...overrides,
  };
}

export function template(spec: Record<string, unknown> = {}): Record<string, any> {
  return {
    metadata: { labels: { app: 'api' } },
    spec: {
      initContainers: [{ name: 'migrate', image: 'ghcr.io/acme/api:1.4.2', imagePullPolicy: 'IfNotPresent', command: ['/app/migrate'] }],
      containers: [apiContainer()],
      volumes: [{ name: 'config', configMap: { name: 'api-files', defaultMode: 420 } }],
      serviceAccountName: 'api',
      serviceAccount: 'api',
      nodeSelector: { 'kubernetes.io/os': 'linux' },
      tolerations: [{ key: 'dedicated', operator: 'Equal', value: 'api', effect: 'NoSchedule' }],
      securityContext: { fsGroup: 1000 },
      imagePullSecrets: [{ name: 'regcred' }],
      restartPolicy: 'Always',
      ...spec,
    },
  };
}

/** A copy of `base` changed by `edit`, so each case states only its difference. */
export function edited<T>(base: T, edit: (copy: any) => void): T {
  const copy = structuredClone(base);
  edit(copy);
  return copy;
}

export function finding(category: Category, overrides: Partial<Finding> = {}): Finding {
  return {
    category,
    fatal: true,
    workload: 'Deployment/shop/api',
    pod: 'api-7d9c6b5f4-x2kqp',
    container: 'api',
    node: 'worker-1',
    reason: null,
    message: '',
    exitCode: null,
    restarts: null,
    hint: '',
    events: [],
    logTail: [],
    count: '1/1 pods',
    suspectedChange: null,
    ...overrides,
  };
}
