/**
 * Two windows of the bare test page in Chromium, Firefox and WebKit: a refresh storm with
 * 3-second tokens, and a sign-out reaching the other window.
 */
import { expect, it } from 'vitest';
import { forEachEngine } from '../support/forEachEngine.js';
import { runRefreshStorm, stormIdp, stormTokenLifetime } from '../support/refreshStorm.js';
import { setUpStack } from '../support/startStack.js';
import { signOutReachesOtherWindow } from '../support/signOutPropagation.js';

const { stack } = setUpStack({ app: 'fixture', ...stormIdp });

forEachEngine((engine) => {
  it(`two windows refreshing every 250 ms with ${stormTokenLifetime} s tokens for 15 s: no failure, no refresh-token reuse`, async () => {
    const figures = await runRefreshStorm(await engine.driver(), stack());
    console.log(
      `[${engine.name}] storm: ${figures.refreshes} refreshes ${JSON.stringify(figures.perPair)}, ` +
        `getAccessToken calls per window ${figures.calls.join(', ')}`,
    );
  });

  it('sign-out in one window shows signed-out in the other within one second', async () => {
    const lag = await signOutReachesOtherWindow(await engine.driver(), stack().app.origin);
    console.log(`[${engine.name}] sign-out reached the other window after ${lag} ms`);
    expect(lag).toBeLessThan(1000);
  });
});
