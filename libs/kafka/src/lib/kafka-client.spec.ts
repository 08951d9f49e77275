import { createLogger } from '@wair-sfcc/observability';
import { createKafkaClient } from './kafka-client';
import { loadKafkaSettings } from './kafka-config';

const base = { KAFKA_BROKERS: 'a:1', SCHEMA_REGISTRY_URL: 'http://127.0.0.1:18081/apis/ccompat/v7' };

describe('createKafkaClient', () => {
  const logged = (settings: ReturnType<typeof loadKafkaSettings>): string[] => {
    const lines: string[] = [];
    createKafkaClient(
      settings,
      createLogger({
        app: 'x',
        level: 'info',
        destination: { write: (line: string) => void lines.push(line) },
      }),
    );
    return lines;
  };

  it('warns when broker certificates are not verified', () => {
    const lines = logged(
      loadKafkaSettings({ ...base, KAFKA_SSL: 'true', KAFKA_SSL_REJECT_UNAUTHORIZED: 'false' }, 'x'),
    );
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('broker certificates are not verified');
  });

  it('logs nothing for verified TLS', () => {
    expect(logged(loadKafkaSettings({ ...base, KAFKA_SSL: 'true' }, 'x'))).toEqual([]);
  });
});
