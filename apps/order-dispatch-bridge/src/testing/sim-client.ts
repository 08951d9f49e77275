// Test helper: JSON calls to a simulator's control API (never imported by service code).

export interface SimClient {
  url: string;
  get<T>(path: string): Promise<T>;
  put<T = unknown>(path: string, body: unknown): Promise<T>;
  post<T = unknown>(path: string, body?: unknown): Promise<T>;
}

export function createSimClient(url: string): SimClient {
  const send = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const res = await fetch(`${url}${path}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text}`);
    return (text ? JSON.parse(text) : undefined) as T;
  };
  return {
    url,
    get: (path) => send('GET', path),
    put: (path, body) => send('PUT', path, body),
    post: (path, body) => send('POST', path, body ?? {}),
  };
}
