import { buildRedactPaths, DEFAULT_REDACT_PATHS, PERSONAL_KEYS, SECRET_KEYS } from './redaction-paths';

describe('buildRedactPaths', () => {
  it('covers a key at the top and under each wildcard level', () => {
    expect(buildRedactPaths(['password'], 2)).toEqual(['password', '*.password', '*.*.password']);
  });

  it('uses bracket notation for keys that are not identifiers', () => {
    expect(buildRedactPaths(['set-cookie'], 1)).toEqual(['["set-cookie"]', '*["set-cookie"]']);
  });

  it('builds the default paths from the secret and personal keys', () => {
    expect(DEFAULT_REDACT_PATHS).toContain('*.*.authorization');
    expect(DEFAULT_REDACT_PATHS).toContain('*.*.*.shippingAddress');
    expect(DEFAULT_REDACT_PATHS).toHaveLength((SECRET_KEYS.length + PERSONAL_KEYS.length) * 4);
  });
});
