import { ChromiumNotFoundError, findChromium } from './find-chromium';

describe('findChromium', () => {
  it('uses CHROMIUM_PATH when it is executable', () => {
    expect(findChromium({ CHROMIUM_PATH: process.execPath }, [])).toBe(process.execPath);
  });

  it('does not fall back when CHROMIUM_PATH is wrong', () => {
    expect(() => findChromium({ CHROMIUM_PATH: '/nope/chromium' }, [process.execPath])).toThrow(
      ChromiumNotFoundError,
    );
  });

  it('takes the first usual path that exists', () => {
    expect(findChromium({}, ['/nope/chromium', process.execPath])).toBe(process.execPath);
  });

  it('says how to install a browser when none exists', () => {
    expect(() => findChromium({}, ['/nope/a', '/nope/b'])).toThrow(
      /apt-get install -y chromium.*CHROMIUM_PATH/s,
    );
  });
});
