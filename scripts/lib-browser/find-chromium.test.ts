import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { canShowWindow, ChromiumNotFoundError, findChromium, isXDisplayReachable } from './find-chromium';

/** A fake machine where only `files` exist. */
const machine = (platform: NodeJS.Platform, env: Record<string, string>, files: string[]) => ({
  platform,
  env,
  exists: (file: string) => files.includes(file),
});

describe('findChromium', () => {
  it.each([
    ['Debian', machine('linux', { PATH: '/usr/bin' }, ['/usr/bin/chromium']), '/usr/bin/chromium'],
    [
      'Linux with Chrome on PATH only',
      machine('linux', { PATH: '/opt/bin:/home/u/bin' }, ['/home/u/bin/google-chrome']),
      '/home/u/bin/google-chrome',
    ],
    [
      'macOS with Google Chrome',
      machine('darwin', { HOME: '/Users/li' }, [
        '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
      ]),
      '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
    ],
    [
      'macOS with Chromium in the home folder',
      machine('darwin', { HOME: '/Users/li' }, [
        '/Users/li/Applications/Chromium.app/Contents/MacOS/Chromium',
      ]),
      '/Users/li/Applications/Chromium.app/Contents/MacOS/Chromium',
    ],
    [
      'Windows with Chrome for the user',
      machine('win32', { LOCALAPPDATA: 'C:\\Users\\li\\AppData\\Local', PROGRAMFILES: 'C:\\Program Files' }, [
        'C:\\Users\\li\\AppData\\Local\\Google\\Chrome\\Application\\chrome.exe',
      ]),
      'C:\\Users\\li\\AppData\\Local\\Google\\Chrome\\Application\\chrome.exe',
    ],
    [
      'PLANLENS_CHROMIUM first',
      machine('linux', { PLANLENS_CHROMIUM: '/opt/cft/chrome' }, ['/usr/bin/chromium', '/opt/cft/chrome']),
      '/opt/cft/chrome',
    ],
  ])('%s', (_, search, expected) => {
    expect(findChromium(search)).toBe(expected);
  });

  it('names everything it looked for when nothing is there', () => {
    const search = machine('linux', { PATH: '/usr/local/bin' }, []);
    expect(() => findChromium(search)).toThrow(ChromiumNotFoundError);
    const message = (() => {
      try {
        findChromium(search);
        return '';
      } catch (error) {
        return (error as Error).message;
      }
    })();
    expect(message).toContain('  /usr/bin/chromium\n');
    expect(message).toContain('  /usr/local/bin/google-chrome\n');
    expect(message).toContain('apt-get install chromium');
    expect(message).toContain('PLANLENS_CHROMIUM');
  });

  it('does not fall back when PLANLENS_CHROMIUM names a missing file', () => {
    expect(() =>
      findChromium(machine('linux', { PLANLENS_CHROMIUM: '/nope' }, ['/usr/bin/chromium'])),
    ).toThrow('PLANLENS_CHROMIUM is set to /nope, but there is no file there.');
  });
});

describe('canShowWindow', () => {
  it('falls back to headless for a DISPLAY with no X server behind it', async () => {
    // Display :59 — no socket /tmp/.X11-unix/X59 on a test machine.
    expect(await canShowWindow({ DISPLAY: ':59' }, 'linux')).toEqual({
      ok: false,
      reason: 'DISPLAY=:59 points at no running X server',
    });
    expect(await canShowWindow({}, 'linux')).toEqual({ ok: false, reason: 'no DISPLAY is set' });
    expect((await canShowWindow({}, 'darwin')).ok).toBe(true);
    expect(await isXDisplayReachable('not a display')).toBe(false);
  });

  it('finds a display that answers', async () => {
    // A TCP "X server" on 127.0.0.1:6000+n, for the first free n from 90.
    const server = createServer((socket) => socket.end());
    let display = 90;
    for (; ; display++) {
      const listening = await new Promise<boolean>((resolve) => {
        server.once('error', () => resolve(false));
        server.listen(6000 + display, '127.0.0.1', () => resolve(true));
      });
      if (listening) break;
    }
    try {
      expect(await isXDisplayReachable(`127.0.0.1:${display}`)).toBe(true);
      expect(await canShowWindow({ DISPLAY: `127.0.0.1:${display}.0` }, 'linux')).toEqual({
        ok: true,
        reason: '',
      });
    } finally {
      server.close();
    }
  });
});
