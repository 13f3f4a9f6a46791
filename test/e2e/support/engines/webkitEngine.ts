import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { pollUntil, type BrowserEngine, type DriverWindow } from '../BrowserDriver.js';
import { startXvfb } from './startXvfb.js';

/** `WEBKIT_DRIVER_PATH`, or Debian's `WebKitWebDriver` (package webkit2gtk-driver). */
export const webkitDriverPath = process.env.WEBKIT_DRIVER_PATH ?? '/usr/bin/WebKitWebDriver';

/** `MINIBROWSER_PATH`, or MiniBrowser from Debian's libwebkit2gtk-4.1-0, whatever the arch dir. */
export function miniBrowserPath(): string {
  if (process.env.MINIBROWSER_PATH) return process.env.MINIBROWSER_PATH;
  const found = readdirSync('/usr/lib')
    .map((dir) => join('/usr/lib', dir, 'webkit2gtk-4.1', 'MiniBrowser'))
    .find((path) => existsSync(path));
  if (!found) throw new Error('MiniBrowser not found: apt-get install -y webkit2gtk-driver');
  return found;
}

/** The W3C WebDriver key of an element reference. */
const elementKey = 'element-6066-11e4-a52e-4f735466cecf';

type Send = (method: string, path: string, body?: unknown) => Promise<unknown>;

/** Calls one WebDriver endpoint; WebDriver errors become exceptions. */
function client(base: string): Send {
  return async (method, path, body) => {
    const response = await fetch(`${base}${path}`, {
      method,
      headers: { 'content-type': 'application/json' },
      body: body === undefined ? null : JSON.stringify(body),
    });
    const { value } = (await response.json()) as { value: unknown };
    if (!response.ok) {
      const { error, message } = value as { error: string; message: string };
      throw new Error(`WebDriver ${method} ${path}: ${error}: ${message}`);
    }
    return value;
  };
}

/** The page side of evaluate(): runs the function, always answers (a rejection becomes data). */
const evaluateScript = (source: string) => `
  const done = arguments[arguments.length - 1];
  Promise.resolve()
    .then(() => (${source})(arguments[0] === null ? undefined : arguments[0]))
    .then(
      (value) => done({ ok: true, value: value === undefined ? null : value }),
      (error) => done({ ok: false, error: String((error && error.stack) || error) }),
    );`;

/**
 * One WebDriver session (one MiniBrowser, ephemeral storage) and its windows. WebDriver commands
 * act on the session's current window, so commands are queued and each switches to its window
 * first: scenarios may drive two windows at once.
 */
function webDriverSession(send: Send, id: string, firstWindow: string) {
  let queue: Promise<unknown> = Promise.resolve();
  let current: string | undefined = firstWindow;
  const inWindow = <T>(handle: string, command: (path: string) => Promise<T>): Promise<T> => {
    const run = queue.then(async () => {
      if (current !== handle) {
        await send('POST', `/session/${id}/window`, { handle });
        current = handle;
      }
      return command(`/session/${id}`);
    });
    queue = run.catch(() => undefined);
    return run;
  };

  const windowOf = (handle: string): DriverWindow => {
    const evaluate = async <R, A>(fn: (arg: A) => R, arg?: A): Promise<Awaited<R>> => {
      const source = fn.toString();
      const result = (await inWindow(handle, (path) =>
        send('POST', `${path}/execute/async`, {
          script: evaluateScript(source),
          args: [arg ?? null],
        }),
      )) as { ok: true; value: Awaited<R> } | { ok: false; error: string };
      if (!result.ok) throw new Error(`evaluate failed in WebKit: ${result.error}`);
      return result.value;
    };
    const waitFor: DriverWindow['waitFor'] = (condition, { arg, timeout = 10_000 } = {}) =>
      typeof condition === 'string'
        ? pollUntil(
            () => evaluate((s: string) => document.querySelector(s) !== null, condition),
            timeout,
            condition,
          )
        : pollUntil(() => evaluate(condition, arg), timeout, condition.toString());
    const find = async (path: string, selector: string) => {
      const element = (await send('POST', `${path}/element`, {
        using: 'css selector',
        value: selector,
      })) as Record<string, string>;
      return `${path}/element/${element[elementKey]}`;
    };
    return {
      goto: async (url) => {
        await inWindow(handle, (path) => send('POST', `${path}/url`, { url }));
      },
      reload: async () => {
        await inWindow(handle, (path) => send('POST', `${path}/refresh`, {}));
      },
      url: () => inWindow(handle, async (path) => (await send('GET', `${path}/url`)) as string),
      // Like the other tools, wait for the element to exist before acting on it.
      click: async (selector) => {
        await waitFor(selector);
        await inWindow(handle, async (path) => {
          await send('POST', `${await find(path, selector)}/click`, {});
        });
      },
      fill: async (selector, value) => {
        await waitFor(selector);
        await inWindow(handle, async (path) => {
          const element = await find(path, selector);
          await send('POST', `${element}/clear`, {});
          await send('POST', `${element}/value`, { text: value });
        });
      },
      text: (selector) =>
        evaluate((s: string) => document.querySelector(s)?.textContent ?? null, selector),
      evaluate,
      waitFor,
      close: () =>
        inWindow(handle, async (path) => {
          await send('DELETE', `${path}/window`);
          current = undefined;
        }),
    };
  };

  let opened = 0;
  const handles = async () => (await send('GET', `/session/${id}/window/handles`)) as string[];
  return {
    // WebDriver has no event for a new window: compare the window handles before and after.
    popup: async (trigger: () => Promise<void>, timeout = 10_000) => {
      const before = new Set(await handles());
      await trigger();
      let found: string | undefined;
      await pollUntil(
        async () => (found = (await handles()).find((handle) => !before.has(handle))),
        timeout,
        'the page to open a window',
      );
      return windowOf(found ?? '');
    },
    openWindow: async () => {
      // The session starts with one window: hand it out first.
      if (opened++ === 0) return windowOf(firstWindow);
      const { handle } = (await inWindow(firstWindow, (path) =>
        send('POST', `${path}/window/new`, { type: 'window' }),
      )) as { handle: string };
      return windowOf(handle);
    },
    close: async () => {
      await queue;
      // After a popup closed itself, WebKitWebDriver can refuse to end the session with
      // "no such window" (its current window is gone); the session is ended all the same when
      // the driver process stops, so that refusal is not a test failure.
      await send('DELETE', `/session/${id}`).catch((error: unknown) => {
        if (!String(error).includes('no such window')) throw error;
      });
    },
  };
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/**
 * WebKitGTK's MiniBrowser through WebKitWebDriver (classic W3C WebDriver over HTTP, plain fetch
 * calls), on a virtual display since MiniBrowser has no headless mode. Xvfb and the driver start
 * once; every driver is a new session, whose MiniBrowser has ephemeral storage of its own.
 */
export async function launchWebKit(): Promise<BrowserEngine> {
  const binary = miniBrowserPath();
  const xvfb = await startXvfb();
  const port = await freePort();
  const driverProcess = spawn(webkitDriverPath, [`--port=${port}`, '--host=127.0.0.1'], {
    env: { ...process.env, DISPLAY: xvfb.display },
    stdio: 'ignore',
  });
  const exited = new Promise<void>((resolve) => driverProcess.once('exit', () => resolve()));
  const base = `http://127.0.0.1:${port}`;
  const send = client(base);
  try {
    await pollUntil(
      async () => (await fetch(`${base}/status`)).ok,
      15_000,
      'WebKitWebDriver to listen',
    );
  } catch (error) {
    driverProcess.kill();
    await xvfb.stop();
    throw error;
  }
  return {
    name: 'webkit',
    supportsInitScripts: false,
    newDriver: async ({ initScripts = [] } = {}) => {
      if (initScripts.length > 0) throw new Error('WebKitWebDriver cannot run init scripts');
      const { sessionId } = (await send('POST', '/session', {
        capabilities: {
          alwaysMatch: {
            'webkitgtk:browserOptions': { binary, args: ['--automation'] },
            timeouts: { script: 120_000, pageLoad: 30_000, implicit: 0 },
          },
        },
      })) as { sessionId: string };
      const firstWindow = (await send('GET', `/session/${sessionId}/window`)) as string;
      return { engine: 'webkit', ...webDriverSession(send, sessionId, firstWindow) };
    },
    close: async () => {
      if (driverProcess.exitCode === null) driverProcess.kill();
      await exited;
      await xvfb.stop();
    },
  };
}
