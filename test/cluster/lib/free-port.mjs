// Whether nothing listens on a loopback port: a listener on 127.0.0.1 or on every address makes the bind fail.
import net from 'node:net';

export function isPortFree(port) {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}
