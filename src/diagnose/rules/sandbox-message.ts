// What a FailedCreatePodSandBox event says. The kubelet writes "Failed to create pod sandbox: %v" with the CRI error
// (kuberuntime/kuberuntime_manager.go), "rpc error: code = Unknown desc = <containerd error>". containerd
// (internal/cri/server/sandbox_run.go, 1.7 and 2.x) says "failed to setup network for sandbox "<id>": <CNI error>",
// where libcni prefixes the plugin's own text with `plugin type="<type>" name="<name>" failed (add): `; "failed to get
// sandbox runtime: no runtime for "<handler>" is configured" (1.7) or "unable to get OCI runtime for sandbox "<id>": no
// runtime for ..." (2.x); "failed to get sandbox image "<pause>": failed to pull image ..." (2.x adds "failed to start
// sandbox "<id>": " before it). The dockershim-era form was "networkPlugin cni failed to set up pod ... network: <CNI
// error>". Repeats fold into "(combined from similar events): <message>".
export type SandboxCause = 'cni' | 'ip-exhausted' | 'runtime-handler' | 'sandbox-image' | 'other';

export interface SandboxFacts {
  cause: SandboxCause;
  /** The CNI plugin type (aws-cni, azure-vnet, calico, cilium-cni...), when libcni named it. */
  plugin: string | null;
  handler: string | null;
  image: string | null;
  /** The part of the message that says what went wrong, without wrappers and sandbox IDs. */
  detail: string;
}

const WRAPPERS = [
  /^\(combined from similar events\): /,
  /^Failed to create pod sandbox: /,
  /^rpc error: code = \w+ desc = /,
  /^failed to start sandbox "[0-9a-f]+": /,
];
const NETWORK = new RegExp(
  `(?:${[
    'failed to setup network for sandbox "[0-9a-f]+"',
    'failed to set up sandbox container "[0-9a-f]+" network for pod "[^"]*"',
    'networkPlugin cni failed to set up pod "[^"]*" network',
  ].join('|')}): `,
  'g',
);
const PLUGIN = /plugin type="([^"]+)"(?: name="[^"]*")? failed \(add\): /;
const HANDLER = /no runtime for "([^"]+)" is configured/;
const SANDBOX_IMAGE = /failed to get sandbox image "([^"]+)"(?:: )?/;
// IP address management ran out: AWS VPC CNI, host-local and whereabouts IPAM, Azure CNS, Cilium's IPAM.
const NO_IPS = new RegExp(
  [
    'failed to (?:assign|allocate) (?:an )?IP',
    'could not allocate IP',
    'no (?:more )?(?:free )?IP addresses',
    'not enough IPs',
    'no available (?:IP )?addresses',
    'range is full',
    'InsufficientCidrBlocks',
    'failed to allocate for range',
    'IP (?:pool|range|addresses) .*exhausted',
    'exhausted .*IP',
  ].join('|'),
  'i',
);

function unwrap(message: string): string {
  let out = message.trim();
  for (let changed = true; changed;) {
    changed = false;
    for (const w of WRAPPERS) {
      const next = out.replace(w, '');
      if (next !== out) {
        out = next;
        changed = true;
      }
    }
  }
  return out;
}

export function parseSandboxMessage(message: string): SandboxFacts {
  const text = unwrap(message);
  const handler = HANDLER.exec(text)?.[1] ?? null;
  if (handler) return { cause: 'runtime-handler', plugin: null, handler, image: null, detail: `no runtime for "${handler}" is configured` };
  const image = SANDBOX_IMAGE.exec(text);
  if (image) {
    const rest = text.slice(image.index + image[0].length);
    const reason = rest.split(/: (?=failed to resolve reference|unexpected status|pull access denied|failed to do request|dial tcp)/).pop();
    return { cause: 'sandbox-image', plugin: null, handler: null, image: image[1], detail: reason?.trim() || text };
  }
  // The dockershim form nests two of these wrappers: the CNI's text follows the last one.
  const network = [...text.matchAll(NETWORK)].pop();
  if (network) {
    const cni = text.slice(network.index + network[0].length);
    const plugin = PLUGIN.exec(cni);
    const detail = plugin ? cni.slice(plugin.index + plugin[0].length) : cni;
    return { cause: NO_IPS.test(detail) ? 'ip-exhausted' : 'cni', plugin: plugin?.[1] ?? null, handler: null, image: null, detail };
  }
  const plugin = PLUGIN.exec(text);
  if (plugin) {
    const detail = text.slice(plugin.index + plugin[0].length);
    return { cause: NO_IPS.test(detail) ? 'ip-exhausted' : 'cni', plugin: plugin[1], handler: null, image: null, detail };
  }
  return { cause: 'other', plugin: null, handler: null, image: null, detail: text.replace(/"[0-9a-f]{64}"/g, '"<id>"') };
}
