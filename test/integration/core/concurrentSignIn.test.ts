import { completeSignIn } from '../../../src/dev-idp/index.js';
import { describe, expect, it } from 'vitest';
import { IndexedDbStorage, LogtoCallbackError } from '../../../src/core/index.js';
import { alice, redirectUri, rejectionOf, setUpTestIdp } from './harness.js';

const { newClient } = setUpTestIdp();

describe('tabs that start a sign-in at the same moment', () => {
  it('all finish their callbacks signed in (a browser restoring four tabs on protected pages)', async () => {
    // Four tabs of one browser: one IndexedDB, each with its own client.
    const tabs = Array.from({ length: 4 }, () =>
      newClient({}, { storage: new IndexedDbStorage() }),
    );

    await Promise.all(tabs.map((tab) => tab.client.signIn({ redirectUri })));
    const authorizeUrls = tabs.map((tab) => tab.navigations.at(-1) ?? '');
    expect(new Set(authorizeUrls.map((url) => new URL(url).searchParams.get('state'))).size).toBe(
      4,
    );
    // Each tab goes through Logto's sign-in page, then loads the callback page.
    const callbacks = await Promise.all(authorizeUrls.map((url) => completeSignIn(url, alice)));
    const results = await Promise.allSettled(
      tabs.map((tab, index) => tab.client.handleSignInCallback(callbacks[index] ?? '')),
    );

    const outcomes = results.map((result) =>
      result.status === 'fulfilled' ? 'signed in' : (result.reason as { code?: string }).code,
    );
    expect(outcomes).toEqual(Array(4).fill('signed in'));
    for (const tab of tabs) {
      expect(await tab.client.isAuthenticated()).toBe(true);
      expect(tab.client.getSnapshot().error).toBeUndefined();
    }

    // A callback page loaded again later (history, a new tab) is still told it was handled.
    const laterTab = newClient({}, { storage: new IndexedDbStorage() });
    for (const callback of callbacks) {
      const error = await rejectionOf(laterTab.client.handleSignInCallback(callback));
      expect(error).toBeInstanceOf(LogtoCallbackError);
      expect(error).toMatchObject({ code: 'callback_replayed' });
    }
  });
});
