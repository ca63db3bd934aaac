// A minimal SOCKS5 proxy (RFC 1928: no authentication, CONNECT only) for the proxy-url test: it records each target
// it was asked for and pipes the bytes, as `ssh -D` would for a user reaching a private cluster through a bastion.
import net from 'node:net';

export interface SocksProxy {
  url: string;
  /** "host:port" of every CONNECT, in order. */
  connects: string[];
  close(): Promise<void>;
}

export async function startSocksProxy(): Promise<SocksProxy> {
  const connects: string[] = [];
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    sockets.add(client);
    client.on('close', () => sockets.delete(client));
    client.on('error', () => client.destroy());
    let buffered = Buffer.alloc(0);
    let stage: 'greeting' | 'request' = 'greeting';
    const onData = (chunk: Buffer) => {
      buffered = Buffer.concat([buffered, chunk]);
      if (stage === 'greeting') {
        if (buffered.length < 2 || buffered.length < 2 + buffered[1]) return;
        buffered = buffered.subarray(2 + buffered[1]);
        client.write(Buffer.from([0x05, 0x00])); // version 5, no authentication
        stage = 'request';
      }
      const target = parseConnect(buffered);
      if (!target) return;
      client.off('data', onData);
      connects.push(`${target.host}:${target.port}`);
      const upstream = net.connect(target.port, target.host, () => {
        client.write(Buffer.from([0x05, 0x00, 0x00, 0x01, 0, 0, 0, 0, 0, 0])); // succeeded; bound address unused
        if (target.rest.length > 0) upstream.write(target.rest);
        client.pipe(upstream).pipe(client);
      });
      sockets.add(upstream);
      upstream.on('close', () => {
        sockets.delete(upstream);
        client.destroy();
      });
      upstream.on('error', () => client.end(Buffer.from([0x05, 0x05, 0x00, 0x01, 0, 0, 0, 0, 0, 0]))); // connection refused
    };
    client.on('data', onData);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  return {
    url: `socks5://127.0.0.1:${port}`,
    connects,
    close: () =>
      new Promise((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

/** VER CMD RSV ATYP DST.ADDR DST.PORT, once all of it has arrived. */
function parseConnect(b: Buffer): { host: string; port: number; rest: Buffer } | null {
  if (b.length < 5) return null;
  if (b[0] !== 0x05 || b[1] !== 0x01) throw new Error(`socks proxy: only CONNECT is supported (got command ${b[1]})`);
  const atyp = b[3];
  const addrLength = atyp === 0x01 ? 4 : atyp === 0x04 ? 16 : 1 + b[4];
  const end = 4 + addrLength + 2;
  if (b.length < end) return null;
  const addr = b.subarray(4, 4 + addrLength);
  const host =
    atyp === 0x01
      ? [...addr].join('.')
      : atyp === 0x04
        ? [...Array(8).keys()].map((i) => addr.readUInt16BE(i * 2).toString(16)).join(':')
        : addr.subarray(1).toString('latin1');
  return { host, port: b.readUInt16BE(4 + addrLength), rest: b.subarray(end) };
}
