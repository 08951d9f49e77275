import { createServer } from 'node:net';
import { freeLowPort } from './free-low-port';

describe('freeLowPort', () => {
  it('returns a port below the ephemeral range that can be listened on', async () => {
    const port = await freeLowPort();
    expect(port).toBeGreaterThanOrEqual(20_000);
    expect(port).toBeLessThan(32_768);
    await new Promise<void>((resolve, reject) => {
      const server = createServer()
        .once('error', reject)
        .listen(port, '127.0.0.1', () => server.close(() => resolve()));
    });
  });

  it('skips a taken port and fails clearly when the whole range is taken', async () => {
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const { port } = taken.address() as { port: number };
    try {
      await expect(freeLowPort({ from: port, to: port + 1 })).rejects.toThrow(
        `no free port in ${port}–${port + 1} after 20 attempts`,
      );
    } finally {
      await new Promise((resolve) => taken.close(resolve));
    }
  });
});
