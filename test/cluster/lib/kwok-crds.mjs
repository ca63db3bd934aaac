// The one KWOK CRD the cluster serves: Logs (kwok.x-k8s.io/v1alpha1, namespaced), so the kubelet-events helper can
// point each scenario pod at its log file while KWOK runs (KWOK watches it with --enable-crds=Logs). The schema is
// left open: KWOK validates what it reads.
import { apiRequest } from './api.mjs';

const logsCrd = {
  apiVersion: 'apiextensions.k8s.io/v1',
  kind: 'CustomResourceDefinition',
  metadata: { name: 'logs.kwok.x-k8s.io' },
  spec: {
    group: 'kwok.x-k8s.io',
    names: { kind: 'Logs', listKind: 'LogsList', plural: 'logs', singular: 'logs' },
    scope: 'Namespaced',
    versions: [{
      name: 'v1alpha1', served: true, storage: true,
      schema: { openAPIV3Schema: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true } },
      subresources: { status: {} },
    }],
  },
};

export async function installKwokCrds() {
  const r = await apiRequest('POST', '/apis/apiextensions.k8s.io/v1/customresourcedefinitions', logsCrd);
  if (r.status !== 201 && r.status !== 409) throw new Error(`creating the Logs CRD: HTTP ${r.status} ${r.body?.message ?? ''}`);
}
