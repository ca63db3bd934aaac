// The first loopback port from `preferred` on that nothing listens on, so a stray process holding the default does
// not leave the cluster without a working kubelet endpoint.
import net from 'node:net';

function tryPort(port) {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

export async function freePort(preferred, attempts = 20) {
  for (let port = preferred; port < preferred + attempts; port++) {
    if (await tryPort(port)) return port;
  }
  throw new Error(`no free port in 127.0.0.1:${preferred}-${preferred + attempts - 1}`);
}
