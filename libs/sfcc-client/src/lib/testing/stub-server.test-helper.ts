import express, { type Express } from 'express';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';

/** An express app listening on a free loopback port, for specs that drive real HTTP adapters. */
export interface StubServer {
  url: string;
  close(): Promise<void>;
}

export async function startStub(configure: (app: Express) => void): Promise<StubServer> {
  const app = express();
  configure(app);
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A multipart/mixed OCAPI batch response body. */
export function batchResponseBody(
  boundary: string,
  parts: Array<{ contentId: string; status: number; body?: unknown; headers?: Record<string, string> }>,
): string {
  return (
    parts
      .map(
        (p) =>
          `--${boundary}\r\nx-dw-content-id: ${p.contentId}\r\nx-dw-status-code: ${p.status}\r\n` +
          Object.entries(p.headers ?? {})
            .map(([k, v]) => `${k}: ${v}\r\n`)
            .join('') +
          `content-type: application/json\r\n\r\n${JSON.stringify(p.body ?? {})}\r\n`,
      )
      .join('') + `--${boundary}--\r\n`
  );
}

/** An OCAPI fault document. */
export const fault = (type: string, message: string): object => ({
  _v: '24.5',
  fault: { type, message, arguments: {} },
});

/** Account Manager token endpoint handing out `token-1`, `token-2`, ... */
export function accountManagerRoute(app: Express, state: { issued: number; expiresIn?: number }): void {
  app.post('/dwsso/oauth2/access_token', express.urlencoded({ extended: false }), (req, res) => {
    if (req.headers.authorization !== `Basic ${Buffer.from('client:secret').toString('base64')}`) {
      res.status(401).json({ error: 'invalid_client' });
      return;
    }
    if ((req.body as Record<string, string>)['grant_type'] !== 'client_credentials') {
      res.status(400).json({ error: 'unsupported_grant_type' });
      return;
    }
    state.issued += 1;
    res.json({
      access_token: `token-${state.issued}`,
      token_type: 'Bearer',
      expires_in: state.expiresIn ?? 1799,
      scope: 'mail',
    });
  });
}
