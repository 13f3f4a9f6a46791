/**
 * A signed-in reload paints the signed-in UI on its first render: with the default storage, the
 * client's very first snapshot already has the user's claims (kept in localStorage, never a
 * token), and IndexedDB confirms or corrects it before any token is handed out.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MemoryStorage } from '../../../src/core/index.js';
import { createTestClient, setUpTestIdp, shopping, signIn, type TestClient } from './harness.js';

const { idp } = setUpTestIdp();

/** A page load: a new client on the default storage (fake IndexedDB), as an app creates it. */
const pages: TestClient[] = [];
function loadPage(options: Parameters<typeof createTestClient>[2] = {}): TestClient {
  const page = createTestClient(idp(), {}, options);
  pages.push(page);
  return page;
}

afterEach(async () => {
  for (const page of pages.splice(0)) {
    await page.client.clearAllTokens().catch(() => undefined);
    page.client.dispose();
  }
  localStorage.clear();
});

describe('the first snapshot of a signed-in reload', () => {
  it('is signed in with the claims before storage is read, and storage confirms it', async () => {
    const first = loadPage();
    await signIn(first);
    const claims = await first.client.getIdTokenClaims();
    first.client.dispose();

    const reloaded = loadPage();
    // Synchronously, on construction: what a first render reads.
    expect(reloaded.client.getSnapshot()).toMatchObject({
      status: 'signedIn',
      isLoading: false,
      isAuthenticated: true,
      idTokenClaims: { sub: claims.sub, name: claims.name },
    });
    await reloaded.client.start();
    expect(reloaded.client.getSnapshot()).toMatchObject({ status: 'signedIn' });
    expect(reloaded.wire).toEqual([]);
    expect(JSON.stringify(localStorage)).not.toContain(await reloaded.client.getIdToken());
  });

  it('is corrected before any token is handed out when the session ended meanwhile', async () => {
    const first = loadPage();
    await signIn(first);
    const hint = Object.entries(localStorage as Record<string, string>).find(([key]) =>
      key.endsWith(':hint'),
    );
    await first.client.clearAllTokens();
    first.client.dispose();
    // A hint left behind (storage evicted, an old version): the session itself is gone.
    if (hint) localStorage.setItem(hint[0], hint[1]);

    const reloaded = loadPage();
    expect(reloaded.client.getSnapshot().isAuthenticated).toBe(true);
    await expect(reloaded.client.getAccessToken(shopping)).rejects.toMatchObject({
      code: 'not_authenticated',
    });
    expect(reloaded.client.getSnapshot()).toMatchObject({
      status: 'signedOut',
      idTokenClaims: undefined,
    });
    expect(reloaded.tokenRequests()).toEqual([]);
  });

  it('still tries single sign-on on load when only the hint was left (storage evicted)', async () => {
    const first = loadPage();
    await signIn(first);
    const hint = Object.entries(localStorage as Record<string, string>).find(([key]) =>
      key.endsWith(':hint'),
    );
    await first.client.clearAllTokens();
    first.client.dispose();
    if (hint) localStorage.setItem(hint[0], hint[1]);

    const signInSilently = vi.fn(() => Promise.resolve());
    const reloaded = loadPage({ signInSilently });
    expect(reloaded.client.getSnapshot().isAuthenticated).toBe(true);
    await reloaded.client.start();
    expect(signInSilently).toHaveBeenCalledTimes(1);
  });

  it('starts loading after a sign-out, and when the app brings its own storage', async () => {
    const first = loadPage();
    await signIn(first);
    const own = loadPage({ storage: new MemoryStorage() });
    expect(own.client.getSnapshot().status).toBe('loading');
    await first.client.clearAllTokens();

    expect(loadPage().client.getSnapshot().status).toBe('loading');
  });
});
