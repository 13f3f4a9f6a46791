import { expect } from 'vitest';
import type { BrowserDriver } from './BrowserDriver.js';
import { fixtureState, openFixture, signInOnFixture } from './pageFlows.js';

/**
 * Signs in, opens a second window, signs out in the first and resolves how long (ms, measured in
 * the pages on the browser's clock) the second took to learn it — without a reload.
 */
export async function signOutReachesOtherWindow(
  driver: BrowserDriver,
  origin: string,
): Promise<number> {
  const first = await driver.openWindow();
  const second = await driver.openWindow();
  await signInOnFixture(first, origin);
  await openFixture(second, origin);
  expect(await fixtureState(second)).toBe('signed-in');
  const loadedAt = await second.evaluate(() => performance.timeOrigin);

  const clickedAt = await first.evaluate((home) => {
    const at = Date.now();
    // Not awaited: signOut() ends by navigating to the IdP's end-session page.
    void window.e2e.client.signOut(home);
    return at;
  }, `${origin}/`);
  await second.waitFor(() => window.e2e.signedOutAt !== null, { timeout: 5000 });
  const signedOutAt = await second.evaluate(() => window.e2e.signedOutAt ?? 0);
  expect(await fixtureState(second)).toBe('signed-out');
  // The same document all along: it learnt through the other tab, not by reloading.
  expect(await second.evaluate(() => performance.timeOrigin)).toBe(loadedAt);
  await first.waitFor((home) => location.href === home, { arg: `${origin}/`, timeout: 15_000 });
  return signedOutAt - clickedAt;
}
