/**
 * `createFetch` in real Chromium, given a `Request` made in a same-origin iframe: such a Request
 * is not `instanceof Request` in the page, and its string is "[object Request]", yet `fetch`
 * sends it to its own URL. The helper must judge (and send) that URL.
 */
import { mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { createFetch } from '../../src/fetch/index.js';
import { launchBrowser, type E2eBrowser } from './support/launchBrowser.js';
import { startAppServer, type AppServer } from './support/startAppServer.js';

let root: string;
let server: AppServer;
let browser: E2eBrowser;

beforeAll(async () => {
  // A bare page that loads the built `logto-spa/fetch` (globalSetup built dist/).
  root = await mkdtemp(join(tmpdir(), 'logto-spa-fetch-'));
  await symlink(resolve('dist'), join(root, 'dist'));
  await writeFile(
    join(root, 'index.html'),
    '<!doctype html><html><head><title>createFetch</title></head><body>' +
      '<script type="module">import { createFetch } from \'/dist/fetch/index.js\';' +
      'window.createFetch = createFetch; document.title = "ready";</script></body></html>',
  );
  server = await startAppServer({ root, runtimeConfig: () => ({}) });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser.close();
  await server.close();
  await rm(root, { recursive: true, force: true });
});

describe('createFetch and a Request from another window', () => {
  it('refuses one for another origin, and sends one for an allowed origin to its own URL', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.origin}/`);
    await page.waitForFunction(() => document.title === 'ready');

    const outcome = await page.evaluate(async () => {
      const make = (window as unknown as { createFetch: typeof createFetch }).createFetch;
      const frame = document.createElement('iframe');
      document.body.append(frame);
      const FrameRequest = (frame.contentWindow as unknown as typeof globalThis).Request;
      const sent: { url: string; authorization: string | null }[] = [];
      const apiFetch = make(
        {
          getAccessToken: () => Promise.resolve('the-token'),
          refreshAccessToken: () => Promise.resolve('the-token'),
        },
        {
          // The page's own origin is allowed: "[object Request]" would resolve there.
          origins: [location.origin],
          fetch: (input, init) => {
            // Where fetch would send it: a Request (of any window) goes to its `url`.
            const { url } = input as { url?: unknown };
            const target =
              typeof input === 'string' ? input : input instanceof URL ? input.href : url;
            sent.push({
              url: typeof target === 'string' ? target : 'no URL',
              authorization: new Headers(init?.headers).get('authorization'),
            });
            return Promise.resolve(new Response('ok'));
          },
        },
      );
      const foreign = new FrameRequest('http://evil.example/steal');
      const refused = await apiFetch(foreign).then(
        () => 'sent',
        (error: unknown) => (error as { code?: string }).code,
      );
      await apiFetch(new FrameRequest(`${location.origin}/api/orders`, { method: 'POST' }));
      return {
        crossRealm: !(foreign instanceof Request) && String(foreign) === '[object Request]',
        refused,
        sent,
      };
    });

    expect(outcome).toEqual({
      crossRealm: true,
      refused: 'origin_refused',
      sent: [{ url: `${server.origin}/api/orders`, authorization: 'Bearer the-token' }],
    });
    expect(browser.blocked).toEqual([]);
  });
});
