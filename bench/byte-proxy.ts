// Bytes a tool received from the API server, counted on the wire for both tools alike: a TCP pass-through on
// 127.0.0.1 in front of the apiserver. TLS goes through untouched (the apiserver's certificate names 127.0.0.1, and a
// certificate does not name ports), so the count is what crossed the network: TLS records, and gzip where a client
// asked for it (kubectl does, for responses above the apiserver's 128 KiB threshold).
import net from 'node:net';
import YAML from 'yaml';

export interface ByteProxy {
  /** The apiserver URL to give the tool: https://127.0.0.1:<port>. */
  url: string;
  /** Bytes sent from the apiserver to clients since the last reset. */
  received(): number;
  reset(): void;
  stop(): Promise<void>;
}

export async function startByteProxy(server: string): Promise<ByteProxy> {
  const target = new URL(server);
  let received = 0;
  const sockets = new Set<net.Socket>();
  const proxy = net.createServer((client) => {
    const upstream = net.connect(Number(target.port || 443), target.hostname);
    sockets.add(client).add(upstream);
    upstream.on('data', (chunk: Buffer) => {
      received += chunk.length;
    });
    client.pipe(upstream);
    upstream.pipe(client);
    const close = () => {
      client.destroy();
      upstream.destroy();
      sockets.delete(client);
      sockets.delete(upstream);
    };
    client.on('error', close).on('close', close);
    upstream.on('error', close).on('close', close);
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  const { port } = proxy.address() as net.AddressInfo;
  return {
    url: `https://127.0.0.1:${port}`,
    received: () => received,
    reset: () => {
      received = 0;
    },
    stop: async () => {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => proxy.close(() => resolve()));
    },
  };
}

/** The same kubeconfig, pointed at the proxy. */
export function kubeconfigThrough(kubeconfigText: string, url: string): string {
  const config = YAML.parse(kubeconfigText);
  for (const c of config.clusters ?? []) c.cluster.server = url;
  return YAML.stringify(config);
}
