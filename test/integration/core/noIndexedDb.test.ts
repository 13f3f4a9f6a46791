import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LogtoCallbackError } from '../../../src/core/index.js';
import { completeSignIn } from '../../../src/dev-idp/index.js';
import {
  createTestClient,
  redirectUri,
  rejectionOf,
  setUpTestIdp,
  shopping,
  type TestClient,
} from './harness.js';

const { idp: getIdp } = setUpTestIdp();

/** A page load in the same tab: a new client on the default storage, as an app creates it. */
const pages: TestClient[] = [];
function loadPage(): TestClient {
  const page = createTestClient(getIdp());
  pages.push(page);
  return page;
}

/** Leaves for Logto from one page and returns the callback URL the next page load is given. */
async function leaveForSignIn(): Promise<string> {
  const page = loadPage();
  await page.client.signIn({ redirectUri });
  const authorizeUrl = page.navigations.at(-1) ?? '';
  return completeSignIn(authorizeUrl, { username: 'alice', password: 'alice-password' });
}

describe('a browser whose IndexedDB is blocked', () => {
  let open: { mock: { calls: unknown[] } } | undefined;
  beforeEach(() => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    open = vi.spyOn(indexedDB, 'open').mockImplementation(() => {
      throw new DOMException('blocked by the browser', 'SecurityError');
    });
  });
  afterEach(() => {
    for (const page of pages.splice(0)) page.client.dispose();
    vi.restoreAllMocks();
    window.sessionStorage.clear();
  });

  it('finishes sign-in after the redirect, stays signed in on reload, and signs out', async () => {
    const callbackUrl = await leaveForSignIn();

    const callbackPage = loadPage();
    expect(await callbackPage.client.isSignInRedirected(callbackUrl)).toBe(true);
    const { claims } = await callbackPage.client.handleSignInCallback(callbackUrl);
    expect(claims.sub).toBe('u_alice01');
    const apiToken = await callbackPage.client.getAccessToken(shopping);

    const reloaded = loadPage();
    expect(await reloaded.client.isAuthenticated()).toBe(true);
    expect(await reloaded.client.getAccessToken(shopping)).toBe(apiToken);
    expect(reloaded.tokenRequests()).toEqual([]);

    await reloaded.client.signOut(`${new URL(redirectUri).origin}/`);
    expect(await loadPage().client.isAuthenticated()).toBe(false);
    expect(open?.mock.calls.length).toBeGreaterThan(0);
    // One warning for the whole page, however many clients and calls.
    expect(console.warn).toHaveBeenCalledTimes(1);
    expect(String(vi.mocked(console.warn).mock.calls[0]?.[0])).toContain('sessionStorage');
  });

  it('cannot finish a redirect sign-in when sessionStorage is blocked too (memory only)', async () => {
    vi.spyOn(window, 'sessionStorage', 'get').mockImplementation(() => {
      throw new DOMException('site data blocked', 'SecurityError');
    });
    const callbackUrl = await leaveForSignIn();
    const error = await rejectionOf(loadPage().client.handleSignInCallback(callbackUrl));
    expect(error).toBeInstanceOf(LogtoCallbackError);
    expect((error as LogtoCallbackError).code).toBe('callback_no_transaction');
  });
});
