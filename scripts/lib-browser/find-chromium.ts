/**
 * Finding a Chromium-family browser for the demo, the benchmarks and the browser tests, on Linux,
 * macOS and Windows, and deciding whether a window can be shown at all.
 *
 * @module
 */
import { existsSync } from 'node:fs';
import { connect } from 'node:net';
import path from 'node:path';

/** What {@link findChromium} may look at; the real process by default, a fake one in tests. */
export interface BrowserSearchEnv {
  env: Record<string, string | undefined>;
  platform: NodeJS.Platform;
  exists(file: string): boolean;
}

/** No browser was found; the message lists every place that was tried and how to point at one. */
export class ChromiumNotFoundError extends Error {
  override name = 'ChromiumNotFoundError';
}

const PATH_NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'];

/** The fixed install locations for `platform`, most likely first. */
function knownLocations(platform: NodeJS.Platform, env: BrowserSearchEnv['env']): string[] {
  if (platform === 'darwin') {
    const apps = ['/Applications', ...(env.HOME ? [path.posix.join(env.HOME, 'Applications')] : [])];
    return apps.flatMap((dir) => [
      `${dir}/Chromium.app/Contents/MacOS/Chromium`,
      `${dir}/Google Chrome.app/Contents/MacOS/Google Chrome`,
    ]);
  }
  if (platform === 'win32') {
    const roots = [env.LOCALAPPDATA, env.PROGRAMFILES, env['PROGRAMFILES(X86)']].filter(
      (root): root is string => Boolean(root),
    );
    return roots.flatMap((root) => [
      path.win32.join(root, 'Chromium', 'Application', 'chrome.exe'),
      path.win32.join(root, 'Google', 'Chrome', 'Application', 'chrome.exe'),
    ]);
  }
  return [
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
    '/usr/bin/google-chrome-stable',
    '/snap/bin/chromium',
  ];
}

/** The `PATH` entries joined with each browser name (`.exe` on Windows). */
function pathCandidates(platform: NodeJS.Platform, env: BrowserSearchEnv['env']): string[] {
  const separator = platform === 'win32' ? ';' : ':';
  const join = platform === 'win32' ? path.win32.join : path.posix.join;
  const names = platform === 'win32' ? ['chrome.exe', 'chromium.exe'] : PATH_NAMES;
  const dirs = (env.PATH ?? env.Path ?? '').split(separator).filter(Boolean);
  return dirs.flatMap((dir) => names.map((name) => join(dir, name)));
}

/**
 * The browser to launch: `PLANLENS_CHROMIUM` when set (an error if it names no file, rather than
 * silently using another browser), else the first that exists of `/usr/bin/chromium`, the usual
 * Chromium and Google Chrome locations of the platform, and `chromium`/`google-chrome` (Windows:
 * `chrome.exe`) on `PATH`. Throws {@link ChromiumNotFoundError} naming everything tried.
 */
export function findChromium(
  search: BrowserSearchEnv = { env: process.env, platform: process.platform, exists: existsSync },
): string {
  const { env, platform, exists } = search;
  const chosen = env.PLANLENS_CHROMIUM;
  if (chosen) {
    if (exists(chosen)) return chosen;
    throw new ChromiumNotFoundError(`PLANLENS_CHROMIUM is set to ${chosen}, but there is no file there.`);
  }
  const tried = [...new Set([...knownLocations(platform, env), ...pathCandidates(platform, env)])];
  const found = tried.find((file) => exists(file));
  if (found) return found;
  const install =
    platform === 'linux'
      ? 'Install one (Debian/Ubuntu: `apt-get install chromium`)'
      : 'Install Chromium or Google Chrome';
  throw new ChromiumNotFoundError(
    [
      'No Chromium or Google Chrome found. Looked for:',
      ...tried.map((file) => `  ${file}`),
      `${install}, or set PLANLENS_CHROMIUM to the browser's executable.`,
    ].join('\n'),
  );
}

/**
 * Whether an X server answers at `display` (`:0`, `unix:1.0`, `host:10`): a local display is a
 * socket in /tmp/.X11-unix, a remote one a TCP port 6000+n. Resolves false on a malformed value or
 * after `timeoutMs` without an answer.
 */
export function isXDisplayReachable(display: string, timeoutMs = 1000): Promise<boolean> {
  const match = /^(.*):(\d+)(?:\.\d+)?$/u.exec(display);
  if (!match) return Promise.resolve(false);
  const [, host = '', number = '0'] = match;
  const local = host === '' || host === 'unix';
  return new Promise((resolve) => {
    const socket = local
      ? connect({ path: `/tmp/.X11-unix/X${number}` })
      : connect({ host, port: 6000 + Number(number) });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

/**
 * Whether the demo can open a window: always on macOS and Windows; on Linux when `DISPLAY` points
 * at a live X server or `WAYLAND_DISPLAY` is set. `reason` says why not, for one line of output.
 */
export async function canShowWindow(
  env: Record<string, string | undefined> = process.env,
  platform: NodeJS.Platform = process.platform,
): Promise<{ ok: boolean; reason: string }> {
  if (platform === 'darwin' || platform === 'win32') return { ok: true, reason: '' };
  if (env.WAYLAND_DISPLAY) return { ok: true, reason: '' };
  if (!env.DISPLAY) return { ok: false, reason: 'no DISPLAY is set' };
  if (await isXDisplayReachable(env.DISPLAY)) return { ok: true, reason: '' };
  return { ok: false, reason: `DISPLAY=${env.DISPLAY} points at no running X server` };
}
