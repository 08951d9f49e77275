import { z } from 'zod';

/** How a webhook wants its body: Slack incoming-webhook JSON or the generic JSON body. */
export type WebhookFormat = 'slack' | 'generic';

/** One alert destination. The URL usually embeds a token: never log it. */
export interface WebhookTarget {
  url: string;
  format: WebhookFormat;
}

/** An `ALERT_WEBHOOKS_SECRET` value that cannot be used. */
export class AlertWebhookConfigError extends Error {
  readonly retriable = false;
  constructor(message: string) {
    super(message);
    this.name = 'AlertWebhookConfigError';
  }
}

/**
 * Parses `slack=https://…,generic=https://…`: comma-separated `<format>=<url>` entries (a comma
 * inside a URL must be written `%2C`). Error messages name the entry's position and format only,
 * never the URL, which carries the webhook's token.
 * @throws AlertWebhookConfigError
 */
export function parseAlertWebhooks(text: string | undefined): WebhookTarget[] {
  if (!text || !text.trim()) return [];
  return text
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean)
    .map((entry, i) => {
      const eq = entry.indexOf('=');
      const format = eq > 0 ? entry.slice(0, eq).trim().toLowerCase() : '';
      if (format !== 'slack' && format !== 'generic') {
        throw new AlertWebhookConfigError(`webhook #${i + 1}: expected "slack=<url>" or "generic=<url>"`);
      }
      const url = entry.slice(eq + 1).trim();
      let parsed: URL;
      try {
        parsed = new URL(url);
      } catch {
        throw new AlertWebhookConfigError(`webhook #${i + 1} (${format}): not a valid URL`);
      }
      if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
        throw new AlertWebhookConfigError(`webhook #${i + 1} (${format}): must be http(s)`);
      }
      return { url, format };
    });
}

const ms = (def: number, what: string) => z.coerce.number().int().min(0).default(def).describe(what);

/**
 * Alert settings of the reconciliation auditor, to be merged into its config schema
 * (`baseAppEnvSchema.extend({ ...alertConfigShape, … })`). Keys are the environment variables.
 */
export const alertConfigShape = {
  ALERT_WEBHOOKS_SECRET: z
    .string()
    .optional()
    .superRefine((text, ctx) => {
      try {
        parseAlertWebhooks(text);
      } catch (error) {
        ctx.addIssue({ code: 'custom', message: (error as Error).message });
      }
    })
    .describe(
      'Alert webhooks as comma-separated "<format>=<url>" entries, format slack (Slack-compatible incoming webhook) or generic (generic JSON body), e.g. "slack=https://hooks.slack.com/services/…,generic=https://alerts.example/hook". Unset sends no alerts (metrics still count them). The URLs carry tokens: from a secret store only.',
    ),
  ALERT_MIN_SEVERITY: z
    .enum(['LOW', 'MEDIUM', 'HIGH', 'CRITICAL'])
    .default('HIGH')
    .describe('New or escalated exceptions at or above this severity are alerted; breaches always are.'),
  ALERT_GROUP_WAIT_MS: ms(
    30_000,
    'Identical alerts arriving within this time of the first one are sent as one message with a count.',
  ),
  ALERT_REPEAT_INTERVAL_MS: ms(
    900_000,
    'After an alert was sent, more of the same kind wait at least this long and are sent as one message.',
  ),
  ALERT_MAX_PER_WINDOW: z.coerce
    .number()
    .int()
    .min(1)
    .default(10)
    .describe(
      'At most this many alert messages per ALERT_RATE_WINDOW_MS; the rest are folded into one overflow message.',
    ),
  ALERT_RATE_WINDOW_MS: ms(600_000, 'Window of ALERT_MAX_PER_WINDOW, in milliseconds.'),
  ALERT_WEBHOOK_TIMEOUT_MS: z.coerce
    .number()
    .int()
    .min(100)
    .default(5_000)
    .describe('Timeout of one webhook request, in milliseconds.'),
  ALERT_WEBHOOK_ATTEMPTS: z.coerce
    .number()
    .int()
    .min(1)
    .max(10)
    .default(3)
    .describe(
      'Attempts per webhook and message (network errors, 429 and 5xx are retried with exponential backoff).',
    ),
  ALERT_CONSUMER_LAG_THRESHOLD: z.coerce
    .number()
    .int()
    .min(1)
    .default(10_000)
    .describe('Consumer lag (records, per group and topic) above which a CONSUMER_LAG breach is alerted.'),
};

export const alertConfigSchema = z.object(alertConfigShape);

/** The parsed alert settings (a subset of the auditor config). */
export type AlertConfig = z.infer<typeof alertConfigSchema>;
