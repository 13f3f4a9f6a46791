import { afterEach, describe, expect, it, vi } from 'vitest';
import { LogtoCallbackError, MemoryStorage, signInWithPopup } from '../../../../src/core/index.js';
import { completeSignIn } from '../../../../src/dev-idp/index.js';
import { stubPopup } from '../../../support/fakeWindows.js';
import {
  alice,
  appOrigin,
  redirectUri,
  rejectionOf,
  setUpTestIdp,
  snapshotWhere,
} from '../harness.js';

const { newClient } = setUpTestIdp();

afterEach(() => {
  vi.restoreAllMocks();
});

/** The opener tab, the popup's page (the app's callback route) and another tab, on one origin. */
function tabs() {
  const storage = new MemoryStorage();
  return {
    opener: newClient({}, { storage }),
    popupPage: newClient({}, { storage }),
    otherTab: newClient({}, { storage }),
  };
}

const stateOf = (url: string) => new URL(url).searchParams.get('state') ?? '';

describe('signInWithPopup against the dev IdP', () => {
  it('signs in through the popup: the app callback relays, the opener exchanges once, every tab follows', async () => {
    const { opener, popupPage, otherTab } = tabs();
    let relayed: Promise<unknown> | undefined;
    const { popup, open } = stubPopup(async (url) => {
      const callback = await completeSignIn(url, alice);
      // The popup lands on the app's usual callback route, which calls handleSignInCallback.
      relayed = popupPage.client.handleSignInCallback(callback);
    });

    const result = await signInWithPopup(opener.client, { postRedirectUri: '/orders' });

    expect(open).toHaveBeenCalledTimes(1);
    const authorize = new URL(popup.navigations[0] ?? '');
    expect(authorize.searchParams.get('redirect_uri')).toBe(redirectUri);
    expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
    expect(result).toMatchObject({ postRedirectUri: '/orders', claims: { sub: 'u_alice01' } });
    expect(opener.client.getSnapshot()).toMatchObject({ isAuthenticated: true, error: undefined });
    // One code exchange, by the opener; the popup's page handed the URL over and exchanged nothing.
    expect(opener.tokenRequests('authorization_code')).toHaveLength(1);
    expect(popupPage.tokenRequests()).toHaveLength(0);
    expect(popup.closed).toBe(true);
    const settled = await Promise.race([
      relayed,
      new Promise((r) => setTimeout(() => r('pending'), 50)),
    ]);
    expect(settled).toBe('pending');
    await snapshotWhere(otherTab.client, (snapshot) => snapshot.isAuthenticated);
    expect(await opener.client.getRefreshToken()).toEqual(expect.any(String));
  });

  it('opens the popup synchronously, before anything asynchronous (user-gesture rule)', () => {
    const { opener } = tabs();
    const { open } = stubPopup();

    const pending = signInWithPopup(opener.client, { timeoutSeconds: 1 });

    expect(open).toHaveBeenCalledTimes(1);
    return expect(pending).rejects.toMatchObject({ code: 'popup_timeout' });
  });

  it('rejects popup_blocked at once when the browser refuses the window, and starts no sign-in', async () => {
    const { opener } = tabs();
    vi.spyOn(window, 'open').mockImplementation(() => null);

    const error = await rejectionOf(signInWithPopup(opener.client));

    expect(error).toMatchObject({ name: 'LogtoWindowError', code: 'popup_blocked' });
    expect(opener.wire).toHaveLength(0);
    expect(opener.client.getSnapshot().isAuthenticated).toBe(false);
  });

  it('rejects popup_closed within a second when the user closes the popup, and drops the transaction', async () => {
    const { opener, popupPage } = tabs();
    let authorizeUrl = '';
    const { popup } = stubPopup((url) => {
      authorizeUrl = url;
    });
    const pending = signInWithPopup(opener.client);
    await vi.waitFor(() => expect(authorizeUrl).not.toBe(''));
    const closedAt = Date.now();

    popup.closeByUser();
    const error = await rejectionOf(pending);

    expect(error).toMatchObject({ code: 'popup_closed' });
    expect(Date.now() - closedAt).toBeLessThan(1000);
    // A callback arriving later finds no sign-in to complete, in any tab.
    const late = await completeSignIn(authorizeUrl, alice);
    await expect(popupPage.client.handleSignInCallback(late)).rejects.toMatchObject({
      code: 'callback_no_transaction',
    });
    expect(await opener.client.isAuthenticated()).toBe(false);
  });

  it("reports Logto's refusal (access_denied) as the callback error, storing nothing", async () => {
    const { opener, popupPage } = tabs();
    stubPopup((url) => {
      const denied = new URL(redirectUri);
      denied.searchParams.set('error', 'access_denied');
      denied.searchParams.set('state', stateOf(url));
      void popupPage.client.handleSignInCallback(denied.href);
    });

    const error = await rejectionOf(signInWithPopup(opener.client));

    expect(error).toBeInstanceOf(LogtoCallbackError);
    expect(error).toMatchObject({ code: 'callback_error_response', error: 'access_denied' });
    expect(opener.tokenRequests()).toHaveLength(0);
    expect(await opener.client.isAuthenticated()).toBe(false);
  });

  it('ignores forged messages (other origin, other window, other state, URL elsewhere); only the real relay signs in', async () => {
    const { opener, popupPage } = tabs();
    let callback = '';
    const { popup } = stubPopup(async (url) => {
      callback = await completeSignIn(url, alice);
    });
    const pending = signInWithPopup(opener.client);
    await vi.waitFor(() => expect(callback).not.toBe(''), { timeout: 5000 });
    const state = stateOf(callback);
    const message = { type: 'logto:callback', url: callback };
    const post = (init: MessageEventInit) =>
      window.dispatchEvent(new MessageEvent('message', { data: message, ...init }));

    post({ origin: 'http://evil.example', source: popup.window });
    post({ origin: appOrigin, source: null });
    post({ origin: appOrigin, source: window });
    const elsewhere = new URL(callback.replace(appOrigin, 'http://evil.example'));
    post({ origin: appOrigin, source: popup.window, data: { ...message, url: elsewhere.href } });
    const wrongState = new URL(callback);
    wrongState.searchParams.set('state', 'forged');
    const channel = new BroadcastChannel(`logto:callback${state}`);
    channel.postMessage({ type: 'logto:callback', url: wrongState.href });
    channel.postMessage({ type: 'not-ours', url: callback });
    channel.close();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(opener.tokenRequests()).toHaveLength(0);
    expect(opener.client.getSnapshot().isAuthenticated).toBe(false);

    // The genuine page relays; the sign-in completes with exactly one exchange.
    void popupPage.client.handleSignInCallback(callback);
    await expect(pending).resolves.toMatchObject({ claims: { sub: 'u_alice01' } });
    expect(opener.tokenRequests('authorization_code')).toHaveLength(1);
  });

  it('accepts the relay by postMessage from the popup itself (origin and source checked)', async () => {
    const { opener } = tabs();
    let callback = '';
    const { popup } = stubPopup(async (url) => {
      callback = await completeSignIn(url, alice);
    });
    const pending = signInWithPopup(opener.client);
    await vi.waitFor(() => expect(callback).not.toBe(''), { timeout: 5000 });

    window.dispatchEvent(
      new MessageEvent('message', {
        data: { type: 'logto:callback', url: callback },
        origin: appOrigin,
        source: popup.window,
      }),
    );

    await expect(pending).resolves.toMatchObject({ claims: { sub: 'u_alice01' } });
  });
});
