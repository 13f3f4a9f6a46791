/**
 * A browser restoring its tabs: four windows of the demo open on a protected page at the same
 * moment, so each `<Protected>` starts a sign-in while the others do. Each window then goes
 * through the IdP's form and must come back to its page signed in: no window may lose its
 * pending sign-in (PKCE verifier, state, nonce) to another's.
 */
import { expect, it } from 'vitest';
import type { DriverWindow } from './support/BrowserDriver.js';
import { forEachEngine } from './support/forEachEngine.js';
import { demoAuthState, submitIdpForm } from './support/pageFlows.js';
import { setUpStack } from './support/startStack.js';

const { stack } = setUpStack({ app: 'demo' });

/**
 * A busy disk, as while a browser starts and restores its tabs: every IndexedDB read answers
 * 200 ms late. A tab's read-then-write of a shared value then overlaps another tab's, as it does
 * on a loaded machine; on an idle one the tabs' IndexedDB calls are a millisecond apart and two
 * sign-ins only sometimes collide.
 */
const slowIndexedDbReads = `(() => {
  const onsuccess = Object.getOwnPropertyDescriptor(IDBRequest.prototype, 'onsuccess');
  Object.defineProperty(IDBRequest.prototype, 'onsuccess', {
    configurable: true,
    get() { return onsuccess.get.call(this); },
    set(handler) {
      onsuccess.set.call(this, typeof handler === 'function'
        ? (event) => setTimeout(() => handler.call(this, event), 200)
        : handler);
    },
  });
})();`;

const shown = ['protected-content', 'callback-error', 'protected-error']
  .map((testId) => `[data-testid="${testId}"]`)
  .join(', ');

/** Where a window ended: its protected page shown, or the code of the error it shows instead. */
async function outcome(win: DriverWindow): Promise<string> {
  await win.waitFor(shown, { timeout: 20_000 });
  if ((await win.text('[data-testid="protected-content"]')) !== null) return 'protected page';
  return (
    (await win.text('[data-testid="callback-error-code"]')) ??
    (await win.text('[data-testid="protected-error-code"]')) ??
    'an error without a code'
  );
}

forEachEngine(
  (engine) => {
    it('four windows opened on a protected page at once all sign in and show it', async () => {
      const { app, idp } = stack();
      const driver = await engine.driver({ initScripts: [slowIndexedDbReads] });
      const windows: DriverWindow[] = [];
      for (let index = 0; index < 4; index++) windows.push(await driver.openWindow());
      idp.clearRequests();

      // Together: every window's sign-in starts while the others' are being stored.
      await Promise.all(windows.map((win) => win.goto(`${app.origin}/protected`)));
      // Each window tries single sign-on in a hidden iframe first, then shows Logto's form.
      await Promise.all(windows.map((win) => win.waitFor('#sign-in-form', { timeout: 20_000 })));
      // The user signs in in each window in turn, as one would going through restored tabs.
      for (const win of windows) await submitIdpForm(win);

      expect(await Promise.all(windows.map(outcome))).toEqual(Array(4).fill('protected page'));
      for (const win of windows) {
        await demoAuthState(win, 'signed-in');
        expect(new URL(await win.url()).pathname).toBe('/protected');
      }
      const exchanges = idp.requests.filter((r) => r.grantType === 'authorization_code');
      expect(exchanges).toHaveLength(4);
    });
  },
  ['chromium'],
);
