import { parseJavaMajor, pickJava } from './java-discovery';

describe('java discovery', () => {
  it.each([
    ['openjdk version "17.0.15" 2025-04-15', 17],
    ['openjdk version "25" 2025-09-16', 25],
    ['java version "1.8.0_392"', 8],
    ['no version here', undefined],
  ])('parses %s', (output, major) => {
    expect(parseJavaMajor(output)).toBe(major);
  });

  it('picks the newest runtime at or above the minimum', () => {
    const runtimes = [
      { bin: '/jvm/25/bin/java', major: 25 },
      { bin: '/jvm/17/bin/java', major: 17 },
    ];
    expect(pickJava(runtimes, 21)?.bin).toBe('/jvm/25/bin/java');
    expect(pickJava([{ bin: 'java', major: 17 }], 21)).toBeUndefined();
  });
});
