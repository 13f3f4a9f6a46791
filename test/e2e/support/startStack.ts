import { resolve } from 'node:path';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { createDemoApiHandler, type DemoApiHandler } from '../../../demo/server/demoApi.js';
import {
  loadSeed,
  startDevIdp,
  type DevIdp,
  type DevIdpOptions,
} from '../../../src/dev-idp/index.js';
import { e2eBuildDir } from '../globalSetup.js';
import { launchBrowser, type E2eBrowser } from './launchBrowser.js';
import { startAppServer, type AppServer } from './startAppServer.js';

export const shopping = 'https://api.example.com/shopping';
export const store = 'https://api.example.com/store';
export { alice } from './pageFlows.js';

export interface Stack {
  idp: DevIdp;
  app: AppServer;
  close(): Promise<void>;
}

/**
 * Starts an app (the built demo, the bare test page, or the guard app) on a free port and a dev IdP whose seed
 * registers that app's origin, with the lifetimes a scenario needs.
 */
export async function startStack(options: {
  app: 'demo' | 'fixture' | 'guard';
  idp?: Omit<DevIdpOptions, 'seed'>;
  resourceTtl?: number;
  /** Extra runtime configuration of the demo, e.g. `{ silentSignIn: true }`. */
  demo?: Record<string, unknown>;
}): Promise<Stack> {
  // Both are set after the app server starts: its origin goes into the IdP's seed.
  let idp: DevIdp | undefined; // eslint-disable-line prefer-const
  let api: DemoApiHandler | undefined;
  const app = await startAppServer({
    root: resolve(e2eBuildDir, options.app),
    // The demo keeps its own scopes and resources; the bare page is told everything.
    runtimeConfig: () =>
      options.app === 'demo'
        ? { endpoint: idp?.origin, ...options.demo }
        : {
            endpoint: idp?.origin,
            appId: 'demo-spa',
            resources: [shopping, store],
            scopes: [
              'read:products',
              'write:products',
              'read:orders',
              'read:members',
              'invite:members',
            ],
          },
    api: (request, response) => api?.(request, response) ?? false,
  });
  const seed = structuredClone(await loadSeed('demo/idp.seed.json'));
  seed.app.redirectUris = [`${app.origin}/callback`];
  seed.app.postSignOutRedirectUris = [`${app.origin}/`];
  if (options.resourceTtl !== undefined) {
    for (const resource of seed.resources) resource.accessTokenTtl = options.resourceTtl;
  }
  idp = await startDevIdp({ port: 0, quiet: true, ...options.idp, seed });
  // The demo's protected API checks bearer tokens against this IdP's keys.
  if (options.app === 'demo')
    api = createDemoApiHandler({ issuer: idp.issuer, onError: () => undefined });
  const started = idp;
  return {
    idp: started,
    app,
    close: async () => {
      await app.close();
      await started.close();
    },
  };
}

/**
 * Starts a stack for the test file (stopped after it). `browser()` gives each test its own fresh
 * Chromium (new user-data dir: no session, no IndexedDB), closed after the test. Call at the top
 * level of a test file.
 */
export function setUpStack(options: Parameters<typeof startStack>[0]): {
  stack: () => Stack;
  browser: () => Promise<E2eBrowser>;
} {
  let stack: Stack | undefined;
  const browsers: E2eBrowser[] = [];
  beforeAll(async () => {
    stack = await startStack(options);
  });
  afterEach(async () => {
    for (const browser of browsers.splice(0)) await browser.close();
  });
  afterAll(async () => {
    await stack?.close();
  });
  return {
    stack: () => {
      if (!stack) throw new Error('the stack is not started yet');
      return stack;
    },
    browser: async () => {
      const browser = await launchBrowser();
      browsers.push(browser);
      return browser;
    },
  };
}
