// Maps apiVersion + kind to the REST resource (plural name, namespaced or not) through API discovery, the way kubectl's
// RESTMapper does, fetching one group-version at a time and refreshing on a miss (a CRD applied in this run).
import type { KubeHttp } from './http.js';
import { KubeApiError } from './errors.js';
import { UserError } from '../errors.js';
import { pathSegmentProblem } from '../k8s/names.js';

export interface ResourceInfo {
  apiVersion: string;
  kind: string;
  plural: string;
  namespaced: boolean;
  /** Discovery lists a `<plural>/status` subresource: a controller reports on these objects through it. */
  hasStatus?: boolean;
}

interface ApiResourceList {
  resources: { name: string; kind: string; namespaced: boolean }[];
}

export class Discovery {
  private readonly cache = new Map<string, Map<string, ResourceInfo>>();

  constructor(private readonly http: KubeHttp) {}

  /** Confirms the server is a Kubernetes API server and returns its version. */
  async serverVersion(): Promise<string> {
    let body: unknown;
    try {
      body = await this.http.request('/version');
    } catch (e) {
      if (e instanceof KubeApiError && e.status === 404) throw notKubernetes(this.http.server);
      throw e;
    }
    const v = body as { gitVersion?: string };
    if (typeof v !== 'object' || v === null || typeof v.gitVersion !== 'string') throw notKubernetes(this.http.server);
    return v.gitVersion;
  }

  async resourceFor(apiVersion: string, kind: string): Promise<ResourceInfo> {
    let info = (await this.groupVersion(apiVersion, false))?.get(kind);
    if (!info) info = (await this.groupVersion(apiVersion, true))?.get(kind);
    if (!info) {
      throw new UserError(`no matches for kind "${kind}" in version "${apiVersion}": is the CRD installed, and is the apiVersion right?`);
    }
    return info;
  }

  private async groupVersion(apiVersion: string, refresh: boolean): Promise<Map<string, ResourceInfo> | undefined> {
    if (!refresh && this.cache.has(apiVersion)) return this.cache.get(apiVersion);
    const path = apiVersion.includes('/') ? `/apis/${apiVersion}` : `/api/${apiVersion}`;
    let list: ApiResourceList;
    try {
      list = await this.http.request<ApiResourceList>(path);
    } catch (e) {
      if (e instanceof KubeApiError && (e.status === 404 || e.status === 503)) {
        this.cache.set(apiVersion, new Map());
        return this.cache.get(apiVersion);
      }
      throw e;
    }
    const byKind = new Map<string, ResourceInfo>();
    const names = new Set((list.resources ?? []).map((r) => r.name));
    for (const r of list.resources ?? []) {
      if (r.name.includes('/')) continue; // subresources such as deployments/status
      byKind.set(r.kind, { apiVersion, kind: r.kind, plural: r.name, namespaced: r.namespaced, hasStatus: names.has(`${r.name}/status`) });
    }
    this.cache.set(apiVersion, byKind);
    return byKind;
  }
}

function notKubernetes(server: string): UserError {
  return new UserError(
    `the server at ${server} answered, but it is not a Kubernetes API server (no /version): check the kubeconfig's server address`,
  );
}

/**
 * The REST path of a collection or an object. Every segment is checked and encoded: a name such as ".." or "a/b" would
 * otherwise send the request to another URL (the URL parser collapses dot segments), which is never what was meant.
 */
export function resourcePath(info: ResourceInfo, namespace: string | undefined, name?: string): string {
  const base = info.apiVersion.includes('/') ? `/apis/${info.apiVersion}` : `/api/${info.apiVersion}`;
  const ns = info.namespaced && namespace ? `/namespaces/${segment('namespace', namespace)}` : '';
  return `${base}${ns}/${segment('resource', info.plural)}${name !== undefined ? `/${segment(`${info.kind} name`, name)}` : ''}`;
}

function segment(what: string, value: string): string {
  const problem = value === '' ? 'must not be empty' : pathSegmentProblem(value);
  if (problem) throw new UserError(`${what} "${value}" cannot be used in a request path: it ${problem}`);
  return encodeURIComponent(value);
}
