/**
 * Browsers without Web Locks (Safari < 15.4, Firefox < 96) or without BroadcastChannel (Safari
 * < 15.4), played by Chromium and Firefox with the API removed before the page's scripts run.
 * (WebKitWebDriver cannot run such init scripts; WebKit's own API-complete runs are in tabs.test.ts.)
 */
import { expect, it } from 'vitest';
import { defaultLeaseMs } from '../../../src/core/session/LeaseLock.js';
import type { BrowserDriver, DriverWindow } from '../support/BrowserDriver.js';
import { forEachEngine } from '../support/forEachEngine.js';
import { fixtureState, openFixture, signInOnFixture } from '../support/pageFlows.js';
import { runRefreshStorm, stormIdp } from '../support/refreshStorm.js';
import { signOutReachesOtherWindow } from '../support/signOutPropagation.js';
import { setUpStack, shopping } from '../support/startStack.js';

const { stack } = setUpStack({ app: 'fixture', ...stormIdp });

const hideWebLocks = 'delete Navigator.prototype.locks;';
const hideBroadcastChannel = 'delete window.BroadcastChannel;';

/** The refresh lease the fixture's client (app `demo-spa`) keeps in IndexedDB, read in a page. */
function readLease(win: DriverWindow): Promise<{ owner: string; expires: number } | null> {
  return win.evaluate(
    (key) =>
      new Promise<{ owner: string; expires: number } | null>((resolve, reject) => {
        const open = indexedDB.open('logto-spa');
        open.onerror = () => reject(open.error ?? new Error('open failed'));
        open.onsuccess = () => {
          const db = open.result;
          const read = db.transaction('kv').objectStore('kv').get(key);
          read.onsuccess = () => {
            db.close();
            resolve((read.result as { owner: string; expires: number } | undefined) ?? null);
          };
        };
      }),
    'logto:demo-spa:refresh:lease',
  );
}

/** Opens a window of `driver` and checks that `api` is really gone there. */
async function expectMissing(driver: BrowserDriver, api: 'locks' | 'BroadcastChannel') {
  const probe = await driver.openWindow();
  await openFixture(probe, stack().app.origin);
  expect(
    await probe.evaluate((name) => (name === 'locks' ? navigator.locks : window[name]), api),
  ).toBeFalsy();
  await probe.close();
}

forEachEngine(
  (engine) => {
    it('without Web Locks, the two-window refresh storm still never reuses a refresh token', async () => {
      const driver = await engine.driver({ initScripts: [hideWebLocks] });
      await expectMissing(driver, 'locks');
      const figures = await runRefreshStorm(driver, stack());
      console.log(
        `[${engine.name}, no Web Locks] storm: ${figures.refreshes} refreshes ` +
          `${JSON.stringify(figures.perPair)}, calls per window ${figures.calls.join(', ')}`,
      );
    });

    it('without Web Locks, a window that dies mid-refresh holds the others back only until its lease expires', async () => {
      const { app, idp } = stack();
      const driver = await engine.driver({ initScripts: [hideWebLocks] });
      await expectMissing(driver, 'locks');
      const dying = await driver.openWindow();
      const survivor = await driver.openWindow();
      await signInOnFixture(dying, app.origin);
      await openFixture(survivor, app.origin);

      // The dying window's refresh takes the lease, then its token request hangs; it is closed.
      await dying.evaluate(() => window.e2e.stallTokenRequests());
      await dying.evaluate((resource) => void window.e2e.client.getAccessToken(resource), shopping);
      await dying.waitFor(() => window.e2e.stalledTokenRequests > 0);
      await dying.close();
      const lease = await readLease(survivor);
      expect(lease?.owner).toEqual(expect.any(String));
      const expires = lease?.expires ?? 0;

      const mark = idp.requests.length;
      const { startedAt, doneAt } = await survivor.evaluate(async (resource) => {
        const started = Date.now();
        await window.e2e.client.getAccessToken(resource);
        return { startedAt: started, doneAt: Date.now() };
      }, shopping);
      const refreshes = idp.requests.slice(mark).filter((r) => r.path === '/oidc/token');
      console.log(
        `[${engine.name}, no Web Locks] dead window's lease had ${expires - startedAt} ms left; ` +
          `the survivor's refresh was answered ${doneAt - expires} ms after it expired`,
      );
      // The dead window's lease was really in force when the survivor asked...
      expect(expires - startedAt).toBeGreaterThan(1000);
      expect(expires - startedAt).toBeLessThanOrEqual(defaultLeaseMs);
      // ...the survivor's refresh went out only once it expired, and soon after.
      expect(refreshes).toHaveLength(1);
      expect(refreshes[0]?.status).toBe(200);
      expect(refreshes[0]?.time).toBeGreaterThanOrEqual(expires - 20);
      expect(doneAt - expires).toBeLessThan(2000);
      expect(await fixtureState(survivor)).toBe('signed-in');
    });

    it('without BroadcastChannel, sign-out in one window reaches the other within two seconds', async () => {
      const driver = await engine.driver({ initScripts: [hideBroadcastChannel] });
      await expectMissing(driver, 'BroadcastChannel');
      const lag = await signOutReachesOtherWindow(driver, stack().app.origin);
      console.log(
        `[${engine.name}, no BroadcastChannel] sign-out reached the other window after ${lag} ms`,
      );
      expect(lag).toBeLessThan(2000);
    });
  },
  ['chromium', 'firefox'],
);
