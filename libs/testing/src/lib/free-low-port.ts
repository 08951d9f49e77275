import { createServer } from 'node:net';

/**
 * A loopback port that is free now, below Linux's ephemeral range (32768+): a port the OS hands
 * out (`listen(0)`) lies inside that range, where an outgoing connection may take it between the
 * check and the spawned service's own listen.
 */
export async function freeLowPort(range: { from: number; to: number } = { from: 20_000, to: 32_000 }) {
  for (let attempt = 0; attempt < 20; attempt += 1) {
    const port = range.from + Math.floor(Math.random() * (range.to - range.from));
    const free = await new Promise<boolean>((resolve) => {
      const server = createServer()
        .once('error', () => resolve(false))
        .listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
    });
    if (free) return port;
  }
  throw new Error(`no free port in ${range.from}–${range.to} after 20 attempts`);
}
