import { createLogger } from './logger';
import { ObservabilityConfigError } from './observability-errors';
import { REDACTED } from './redaction-paths';
import { createLogCapture } from './testing/log-capture';

const SECRET = 'hunter2-do-not-log';
const PERSONAL = 'jane.doe@example.com';

function setup(level?: string) {
  const capture = createLogCapture();
  const logger = createLogger({ app: 'test-app', level, destination: capture.destination });
  return { capture, logger };
}

describe('createLogger', () => {
  it('writes JSON with app, pid, ISO time and the level name', () => {
    const { capture, logger } = setup();
    logger.info({ sku: 'SKU-1' }, 'hello');
    const [entry] = capture.entries();
    expect(entry).toMatchObject({
      app: 'test-app',
      pid: process.pid,
      level: 'info',
      msg: 'hello',
      sku: 'SKU-1',
    });
    expect(entry?.['time']).toEqual(new Date(String(entry?.['time'])).toISOString());
    expect(entry).not.toHaveProperty('hostname');
  });

  it('adds bindings on child loggers', () => {
    const { capture, logger } = setup();
    logger.child({ sku: 'SKU-2' }).warn('low stock');
    expect(capture.entries()[0]).toMatchObject({ app: 'test-app', sku: 'SKU-2', level: 'warn' });
  });

  it('takes the level from LOG_LEVEL when none is given, else info', () => {
    const previous = process.env['LOG_LEVEL'];
    try {
      process.env['LOG_LEVEL'] = 'debug';
      expect(setup().logger.level).toBe('debug');
      delete process.env['LOG_LEVEL'];
      expect(setup().logger.level).toBe('info');
      expect(setup('WARN').logger.level).toBe('warn');
    } finally {
      if (previous === undefined) delete process.env['LOG_LEVEL'];
      else process.env['LOG_LEVEL'] = previous;
    }
  });

  it('rejects an unknown level', () => {
    expect(() => setup('verbose')).toThrow(ObservabilityConfigError);
  });

  it('drops lines below the level', () => {
    const { capture, logger } = setup('warn');
    logger.info('not shown');
    logger.error('shown');
    expect(capture.entries().map((entry) => entry['msg'])).toEqual(['shown']);
  });
});

describe('createLogger redaction', () => {
  it.each([
    ['password', { password: SECRET }],
    ['clientSecret', { clientSecret: SECRET }],
    ['client_secret', { body: { client_secret: SECRET } }],
    ['secret', { config: { secret: SECRET } }],
    ['token', { token: SECRET }],
    ['accessToken', { auth: { accessToken: SECRET } }],
    ['access_token', { response: { body: { access_token: SECRET } } }],
    ['apiKey', { apiKey: SECRET }],
    ['sasl.password', { kafka: { sasl: { mechanism: 'plain', username: 'svc', password: SECRET } } }],
    ['req.headers.authorization', { req: { headers: { authorization: `Bearer ${SECRET}` } } }],
    ['Authorization header', { request: { headers: { Authorization: `Basic ${SECRET}` } } }],
    ['cookie', { req: { headers: { cookie: `session=${SECRET}` } } }],
    ['set-cookie', { res: { headers: { 'set-cookie': `session=${SECRET}` } } }],
    ['x-api-key', { headers: { 'x-api-key': SECRET } }],
    ['email', { email: PERSONAL }],
    ['phone', { customer: { phone: PERSONAL } }],
    ['firstName/lastName', { contact: { firstName: PERSONAL, lastName: PERSONAL } }],
    ['customerName', { order: { customerName: PERSONAL } }],
    ['customerInfo', { order: { customerInfo: { customerName: PERSONAL, email: PERSONAL } } }],
    ['billingAddress', { order: { billingAddress: { fullName: PERSONAL, address1: PERSONAL } } }],
    [
      'shipments[].shippingAddress',
      { order: { shipments: [{ shippingAddress: { firstName: PERSONAL, city: PERSONAL } }] } },
    ],
  ])('hides %s', (_name, fields) => {
    const { capture, logger } = setup();
    logger.info({ ...fields, orderNo: 'ORD-1' }, 'event');
    const [line] = capture.lines();
    expect(line).toContain(REDACTED);
    expect(line).not.toContain(SECRET);
    expect(line).not.toContain(PERSONAL);
    expect(line).toContain('"orderNo":"ORD-1"');
  });

  it('replaces the value in place and keeps sibling fields', () => {
    const { capture, logger } = setup();
    logger.info({ sasl: { username: 'svc', password: SECRET }, sku: 'SKU-3' });
    expect(capture.entries()[0]).toMatchObject({
      sasl: { username: 'svc', password: REDACTED },
      sku: 'SKU-3',
    });
  });

  it('hides secrets in child bindings', () => {
    const { capture, logger } = setup();
    logger.child({ credentials: { clientSecret: SECRET } }).info('bound');
    expect(capture.lines()[0]).not.toContain(SECRET);
  });

  it('does not mutate the logged object', () => {
    const { logger } = setup();
    const fields = { auth: { token: SECRET } };
    logger.info(fields);
    expect(fields.auth.token).toBe(SECRET);
  });

  it('applies extra paths', () => {
    const capture = createLogCapture();
    const logger = createLogger({
      app: 'a',
      destination: capture.destination,
      redactPaths: ['webhook.signature'],
    });
    logger.info({ webhook: { signature: SECRET, id: 'w1' } });
    expect(capture.entries()[0]).toMatchObject({ webhook: { signature: REDACTED, id: 'w1' } });
  });
});
