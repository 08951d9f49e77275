import { alertConfigSchema, AlertWebhookConfigError, parseAlertWebhooks } from './alert-config';

describe('alert config', () => {
  it('parses comma-separated <format>=<url> webhooks, keeping "=" inside URLs', () => {
    expect(
      parseAlertWebhooks(' slack=https://hooks.slack.com/services/T/B/x , generic=https://h.example/a?k=v'),
    ).toEqual([
      { format: 'slack', url: 'https://hooks.slack.com/services/T/B/x' },
      { format: 'generic', url: 'https://h.example/a?k=v' },
    ]);
    expect(parseAlertWebhooks(undefined)).toEqual([]);
    expect(parseAlertWebhooks('  ')).toEqual([]);
  });

  it.each([
    ['teams=https://x.example/hook', 'webhook #1: expected "slack=<url>" or "generic=<url>"'],
    ['https://x.example/secret-token', 'webhook #1: expected'],
    ['slack=https://a.example/x,generic=not a url', 'webhook #2 (generic): not a valid URL'],
    ['slack=ftp://a.example/secret', 'webhook #1 (slack): must be http(s)'],
  ])('refuses %p without echoing the URL', (text, message) => {
    expect(() => parseAlertWebhooks(text)).toThrow(AlertWebhookConfigError);
    expect(() => parseAlertWebhooks(text)).toThrow(message);
    try {
      parseAlertWebhooks(text);
    } catch (error) {
      expect((error as Error).message).not.toContain('secret');
    }
  });

  it('validates the fragment and applies defaults', () => {
    const config = alertConfigSchema.parse({});
    expect(config).toMatchObject({
      ALERT_MIN_SEVERITY: 'HIGH',
      ALERT_GROUP_WAIT_MS: 30_000,
      ALERT_MAX_PER_WINDOW: 10,
      ALERT_WEBHOOK_ATTEMPTS: 3,
    });
    expect(alertConfigSchema.safeParse({ ALERT_WEBHOOKS_SECRET: 'x=y' }).success).toBe(false);
    expect(alertConfigSchema.safeParse({ ALERT_MIN_SEVERITY: 'URGENT' }).success).toBe(false);
  });
});
