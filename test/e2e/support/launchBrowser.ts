import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page, type Request } from 'playwright-core';
import { chromiumArgs, chromiumPath } from '../../../scripts/chromium.js';

/** The shared flags, plus: hidden tabs keep running timers at full speed for the multi-tab scenarios. */
export const e2eArgs: readonly string[] = [
  ...chromiumArgs,
  '--disable-background-timer-throttling',
  '--disable-renderer-backgrounding',
  '--disable-backgrounding-occluded-windows',
];

export interface E2eBrowser {
  context: BrowserContext;
  /** Every request the browser made, in order, with the page URL it came from. */
  requests: Request[];
  /** Requests to hosts other than 127.0.0.1/localhost, which were aborted. */
  blocked: string[];
  newPage(): Promise<Page>;
  close(): Promise<void>;
}

/**
 * Starts headless Chromium with a fresh user-data dir. Requests to anything but loopback are
 * aborted and recorded, so a test can assert the page never reached out.
 */
export async function launchBrowser(): Promise<E2eBrowser> {
  const userDataDir = await mkdtemp(join(tmpdir(), 'logto-spa-e2e-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumPath,
    headless: true,
    args: [...e2eArgs],
    viewport: { width: 1100, height: 800 },
  });
  const requests: Request[] = [];
  const blocked: string[] = [];
  await context.route('**/*', (route) => {
    const { hostname } = new URL(route.request().url());
    if (hostname === '127.0.0.1' || hostname === 'localhost') return route.continue();
    blocked.push(route.request().url());
    return route.abort();
  });
  context.on('request', (request) => requests.push(request));
  return {
    context,
    requests,
    blocked,
    newPage: () => context.newPage(),
    close: async () => {
      await context.close();
      await rm(userDataDir, { recursive: true, force: true });
    },
  };
}
