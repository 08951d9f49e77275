import { z } from 'zod';
import { isLoopbackUrl, refuseFixtureCredentialsOffLoopback } from './fixture-credentials.guard';

const schema = z
  .object({ HOST: z.string().optional(), SECRET: z.string().default('fixture') })
  .superRefine(refuseFixtureCredentialsOffLoopback([{ name: 'SECRET', fixture: 'fixture', urls: ['HOST'] }]));

describe('refuseFixtureCredentialsOffLoopback', () => {
  it.each([
    ['http://127.0.0.1:8302', true],
    ['http://localhost:8302', true],
    ['http://[::1]:8302', true],
    ['http://127.0.0.2', true],
    ['https://sfcc.example.com', false],
    ['not a url', false],
  ])('%s is loopback: %s', (url, expected) => {
    expect(isLoopbackUrl(url)).toBe(expected);
  });

  it('accepts the fixture locally or with no host, and a real secret anywhere', () => {
    expect(schema.safeParse({}).success).toBe(true);
    expect(schema.safeParse({ HOST: 'http://127.0.0.1:1' }).success).toBe(true);
    expect(schema.safeParse({ HOST: 'https://sfcc.example.com', SECRET: 'real' }).success).toBe(true);
  });

  it('names the credential and the remote host when the fixture would leave the machine', () => {
    const result = schema.safeParse({ HOST: 'https://sfcc.example.com:8443/x' });
    expect(result.success).toBe(false);
    expect(result.error?.issues).toEqual([
      expect.objectContaining({
        path: ['SECRET'],
        message: expect.stringContaining('HOST=sfcc.example.com:8443; set SECRET from the secret store'),
      }),
    ]);
  });
});
