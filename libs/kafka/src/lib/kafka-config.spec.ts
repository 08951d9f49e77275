import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadKafkaSettings, KafkaConfigError } from './kafka-config';

const base = { KAFKA_BROKERS: 'a:1, b:2', SCHEMA_REGISTRY_URL: 'http://127.0.0.1:18081/apis/ccompat/v7/' };

describe('loadKafkaSettings', () => {
  it('splits brokers, trims the registry URL and defaults the client id to the app', () => {
    const s = loadKafkaSettings(base, 'writer');
    expect(s.brokers).toEqual(['a:1', 'b:2']);
    expect(s.registry.url).toBe('http://127.0.0.1:18081/apis/ccompat/v7');
    expect(s.clientId).toBe('writer');
    expect(s.registry.autoRegister).toBe(true);
    expect(s.sasl).toBeUndefined();
    expect(s.ssl).toBe(false);
  });

  it('names the missing variable', () => {
    expect(() => loadKafkaSettings({ SCHEMA_REGISTRY_URL: base.SCHEMA_REGISTRY_URL }, 'x')).toThrow(
      /KAFKA_BROKERS/,
    );
  });

  it('rejects a partial SASL configuration', () => {
    expect(() =>
      loadKafkaSettings({ ...base, KAFKA_SASL_MECHANISM: 'plain', KAFKA_SASL_USERNAME: 'u' }, 'x'),
    ).toThrow(KafkaConfigError);
  });

  it('builds SASL settings when all three parts are set', () => {
    const s = loadKafkaSettings(
      {
        ...base,
        KAFKA_SASL_MECHANISM: 'scram-sha-512',
        KAFKA_SASL_USERNAME: 'u',
        KAFKA_SASL_PASSWORD: 'p',
        KAFKA_SSL: 'true',
      },
      'x',
    );
    expect(s.sasl).toEqual({ mechanism: 'scram-sha-512', username: 'u', password: 'p' });
    expect(s.ssl).toEqual({ rejectUnauthorized: true });
  });
});

describe('loadKafkaSettings: TLS files', () => {
  // Not real certificates: only the PEM framing is checked at start; tls.connect parses them later.
  const CA = '-----BEGIN CERTIFICATE-----\nY2E=\n-----END CERTIFICATE-----\n';
  const CERT = '-----BEGIN CERTIFICATE-----\nY2VydA==\n-----END CERTIFICATE-----\n';
  const KEY = '-----BEGIN PRIVATE KEY-----\nc2VjcmV0LWtleS1ieXRlcw==\n-----END PRIVATE KEY-----\n';
  let dir: string;
  const file = (name: string, content: string): string => {
    const path = join(dir, name);
    writeFileSync(path, content);
    return path;
  };
  const ssl = { ...base, KAFKA_SSL: 'true' };
  const messageOf = (fn: () => unknown): string => {
    try {
      fn();
    } catch (error) {
      expect(error).toBeInstanceOf(KafkaConfigError);
      return (error as Error).message;
    }
    throw new Error('expected a KafkaConfigError');
  };

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'kafka-tls-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('reads the CA, client certificate and key at start', () => {
    const s = loadKafkaSettings(
      {
        ...ssl,
        KAFKA_SSL_CA_FILE: file('ca.pem', CA),
        KAFKA_SSL_CERT_FILE: file('client.pem', CERT),
        KAFKA_SSL_KEY_FILE: file('client.key', KEY),
      },
      'x',
    );
    expect(s.ssl).toEqual({ ca: CA, cert: CERT, key: KEY, rejectUnauthorized: true });
  });

  it('takes a CA alone (server-authenticated TLS, e.g. with SASL)', () => {
    const s = loadKafkaSettings({ ...ssl, KAFKA_SSL_CA_FILE: file('ca.pem', CA) }, 'x');
    expect(s.ssl).toEqual({ ca: CA, rejectUnauthorized: true });
  });

  it.each([
    ['false', false],
    ['0', false],
    ['true', true],
  ])('KAFKA_SSL_REJECT_UNAUTHORIZED=%s gives rejectUnauthorized %s', (value, expected) => {
    const s = loadKafkaSettings({ ...ssl, KAFKA_SSL_REJECT_UNAUTHORIZED: value }, 'x');
    expect(s.ssl).toEqual({ rejectUnauthorized: expected });
  });

  it('rejects a KAFKA_SSL_REJECT_UNAUTHORIZED that is not a boolean, naming it', () => {
    expect(
      messageOf(() => loadKafkaSettings({ ...ssl, KAFKA_SSL_REJECT_UNAUTHORIZED: 'maybe' }, 'x')),
    ).toMatch(/KAFKA_SSL_REJECT_UNAUTHORIZED/);
  });

  it('rejects an empty file path, naming the variable', () => {
    expect(messageOf(() => loadKafkaSettings({ ...ssl, KAFKA_SSL_CA_FILE: '' }, 'x'))).toMatch(
      /KAFKA_SSL_CA_FILE/,
    );
  });

  it.each(['KAFKA_SSL_CA_FILE', 'KAFKA_SSL_CERT_FILE', 'KAFKA_SSL_KEY_FILE'])(
    'names %s and its path when the file cannot be read',
    (variable) => {
      const env: Record<string, string> = {
        ...ssl,
        KAFKA_SSL_CA_FILE: file('ca.pem', CA),
        KAFKA_SSL_CERT_FILE: file('client.pem', CERT),
        KAFKA_SSL_KEY_FILE: file('client.key', KEY),
      };
      const missing = join(dir, 'missing.pem');
      env[variable] = missing;
      const message = messageOf(() => loadKafkaSettings(env, 'x'));
      expect(message).toContain(variable);
      expect(message).toContain(missing);
      expect(message).toContain('ENOENT');
    },
  );

  it('rejects a file that is not PEM without printing its contents', () => {
    const secretish = 'not-a-pem-but-secret-bytes';
    const message = messageOf(() =>
      loadKafkaSettings(
        {
          ...ssl,
          KAFKA_SSL_CERT_FILE: file('client.pem', CERT),
          KAFKA_SSL_KEY_FILE: file('client.der', secretish),
        },
        'x',
      ),
    );
    expect(message).toMatch(/KAFKA_SSL_KEY_FILE: .*client\.der is not a PEM file/);
    expect(message).not.toContain(secretish);
  });

  it('wants the client certificate and key together', () => {
    expect(
      messageOf(() => loadKafkaSettings({ ...ssl, KAFKA_SSL_CERT_FILE: file('c.pem', CERT) }, 'x')),
    ).toBe('KAFKA_SSL_CERT_FILE and KAFKA_SSL_KEY_FILE must be set together');
    expect(messageOf(() => loadKafkaSettings({ ...ssl, KAFKA_SSL_KEY_FILE: file('k.pem', KEY) }, 'x'))).toBe(
      'KAFKA_SSL_CERT_FILE and KAFKA_SSL_KEY_FILE must be set together',
    );
  });

  it('refuses TLS settings while KAFKA_SSL is off rather than silently connecting in plaintext', () => {
    const message = messageOf(() =>
      loadKafkaSettings(
        { ...base, KAFKA_SSL_CA_FILE: file('ca.pem', CA), KAFKA_SSL_REJECT_UNAUTHORIZED: 'false' },
        'x',
      ),
    );
    expect(message).toBe('KAFKA_SSL_CA_FILE, KAFKA_SSL_REJECT_UNAUTHORIZED set but KAFKA_SSL is not true');
  });
});
