// The seam to the cluster: every other module talks to Kubernetes through this small interface, so tests can
// inject a client pointed at the real test cluster and the pure core never sees HTTP.
import type { KubeConfig } from '@kubernetes/client-node';
import type { KubeObject } from '../k8s/objects.js';
import { Discovery, resourcePath, type ResourceInfo } from './discovery.js';
import { KubeHttp, type KubeHttpOptions } from './http.js';
import { KubeApiError } from './errors.js';
import { listAndWatch, type CollectionWatcher } from './watch-stream.js';

export type FieldValidation = 'Strict' | 'Warn' | 'Ignore';

export interface ApplyExtras {
  dryRun?: boolean;
  fieldValidation?: FieldValidation;
  /** The answer's Warning headers, each one (admission's "would violate PodSecurity" on a dry run). */
  onWarning?: (warning: string) => void;
}

const POD_RESOURCE: ResourceInfo = { apiVersion: 'v1', kind: 'Pod', plural: 'pods', namespaced: true };

export class KubeClient {
  readonly http: KubeHttp;
  readonly discovery: Discovery;

  constructor(
    readonly kc: KubeConfig,
    http: KubeHttp | KubeHttpOptions = {},
  ) {
    this.http = http instanceof KubeHttp ? http : new KubeHttp(kc, http);
    this.discovery = new Discovery(this.http);
  }

  /** The namespace the kubeconfig's current context names, if any. */
  contextNamespace(): string | undefined {
    return this.kc.getContextObject(this.kc.getCurrentContext())?.namespace;
  }

  resource(apiVersion: string, kind: string): Promise<ResourceInfo> {
    return this.discovery.resourceFor(apiVersion, kind);
  }

  async get<T = KubeObject>(apiVersion: string, kind: string, namespace: string | undefined, name: string): Promise<T | null> {
    const info = await this.resource(apiVersion, kind);
    try {
      return await this.http.request<T>(resourcePath(info, namespace, name));
    } catch (e) {
      if (e instanceof KubeApiError && e.status === 404) return null;
      throw e;
    }
  }

  async list<T = KubeObject>(
    apiVersion: string,
    kind: string,
    namespace: string | undefined,
    query: { labelSelector?: string; fieldSelector?: string } = {},
  ): Promise<T[]> {
    const info = await this.resource(apiVersion, kind);
    const list = await this.http.request<{ items: T[] }>(resourcePath(info, namespace), { query });
    return list.items ?? [];
  }

  /**
   * How many objects a collection holds, from a one-item page: the items after it are the server's remainingItemCount.
   * Null when the server does not say (it counts only unfiltered lists, and may leave it out).
   */
  async count(apiVersion: string, kind: string, namespace: string | undefined): Promise<number | null> {
    const info = await this.resource(apiVersion, kind);
    const page = await this.http.request<{ items?: unknown[]; metadata?: { continue?: string; remainingItemCount?: number } }>(
      resourcePath(info, namespace),
      { query: { limit: 1 } },
    );
    const items = page.items?.length ?? 0;
    if (!page.metadata?.continue) return items;
    return typeof page.metadata.remainingItemCount === 'number' ? items + page.metadata.remainingItemCount : null;
  }

  /**
   * Server-side apply (the body is JSON, which is valid YAML for application/apply-patch+yaml). `dryRun` runs
   * admission and validation without storing anything; `fieldValidation` decides what an unknown field does.
   */
  async apply(obj: KubeObject, fieldManager: string, force: boolean, extra: ApplyExtras = {}): Promise<KubeObject> {
    const info = await this.resource(obj.apiVersion!, obj.kind!);
    return this.http.request(resourcePath(info, obj.metadata?.namespace, obj.metadata!.name!), {
      method: 'PATCH',
      query: { fieldManager, force: force || undefined, dryRun: extra.dryRun ? 'All' : undefined, fieldValidation: extra.fieldValidation },
      body: obj,
      contentType: 'application/apply-patch+yaml',
      retry: true, // applying the same configuration twice is idempotent
      onWarning: extra.onWarning,
    });
  }

  /** POST a new object (the plan sends a pod of a template with dryRun so admission judges it; nothing is stored). */
  async create(obj: KubeObject, extra: ApplyExtras & { fieldManager?: string } = {}): Promise<KubeObject> {
    const info = await this.resource(obj.apiVersion!, obj.kind!);
    return this.http.request(resourcePath(info, obj.metadata?.namespace), {
      method: 'POST',
      query: { fieldManager: extra.fieldManager, dryRun: extra.dryRun ? 'All' : undefined, fieldValidation: extra.fieldValidation },
      body: obj,
      // Only a dry run may be repeated safely: a real create could succeed twice under generateName.
      retry: extra.dryRun === true,
      onWarning: extra.onWarning,
    });
  }

  async patch(
    apiVersion: string,
    kind: string,
    namespace: string | undefined,
    name: string,
    body: unknown,
    contentType: string,
    fieldManager?: string,
  ): Promise<KubeObject> {
    const info = await this.resource(apiVersion, kind);
    return this.http.request(resourcePath(info, namespace, name), {
      method: 'PATCH',
      query: { fieldManager },
      body,
      contentType,
      retry: false,
    });
  }

  async delete(apiVersion: string, kind: string, namespace: string | undefined, name: string): Promise<void> {
    const info = await this.resource(apiVersion, kind);
    await this.http.request(resourcePath(info, namespace, name), {
      method: 'DELETE',
      body: { kind: 'DeleteOptions', apiVersion: 'v1', propagationPolicy: 'Background' },
    });
  }

  async logs(namespace: string, pod: string, container: string, opts: { previous?: boolean; tailLines?: number } = {}): Promise<string> {
    return this.http.request<string>(`${resourcePath(POD_RESOURCE, namespace, pod)}/log`, {
      query: { container, previous: opts.previous || undefined, tailLines: opts.tailLines ?? 25 },
    });
  }

  async watchCollection(
    apiVersion: string,
    kind: string,
    namespace: string | undefined,
    watcher: CollectionWatcher,
    signal: AbortSignal,
    selectors: { fieldSelector?: string; labelSelector?: string } = {},
    onRetry?: (m: string) => void,
  ): Promise<void> {
    const info = await this.resource(apiVersion, kind);
    return listAndWatch(this.http, { path: resourcePath(info, namespace), signal, onRetry, ...selectors }, watcher);
  }
}
