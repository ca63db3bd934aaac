// Stands in for @kubernetes/client-node's generated API clients in dist/ (see scripts/build.mjs): the gate never
// calls KubeConfig.makeApiClient, and bundling every generated model tripled start-up time and memory.
const notBundled = () => {
  throw new Error('KubeConfig.makeApiClient is not available in the kube-deploy-gate bundle');
};
export const createConfiguration = notBundled;
export class ServerConfiguration {
  constructor() {
    notBundled();
  }
}
