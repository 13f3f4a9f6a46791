import { afterEach, describe, expect, it, vi } from 'vitest';
import { MemoryStorage, reauthenticate } from '../../../../src/core/index.js';
import { completeSignIn } from '../../../../src/dev-idp/index.js';
import { stubPopup } from '../../../support/fakeWindows.js';
import { alice, rejectionOf, setUpTestIdp, shopping, signIn } from '../harness.js';

const { newClient } = setUpTestIdp();

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('reauthenticate (step-up) against the dev IdP', () => {
  it('an answer refused as auth_time_stale leaves the session exactly as it was', async () => {
    const storage = new MemoryStorage();
    const opener = newClient({}, { storage });
    const popupPage = newClient({}, { storage });
    await signIn(opener);
    await opener.client.getAccessToken(shopping);
    const before = {
      idToken: await opener.client.getIdToken(),
      refreshToken: await opener.client.getRefreshToken(),
      claims: await opener.client.getIdTokenClaims(),
      accessToken: await opener.client.getAccessToken(shopping),
      snapshotClaims: opener.client.getSnapshot().idTokenClaims,
    };
    const exchangesBefore = opener.tokenRequests('authorization_code').length;

    // The user proves who they are in the popup, then the code exchange happens 45 s later
    // (on Logto's clock too): the ID token's iat is 45 s after its auth_time, past maxAge 0 + 30 s.
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() });
    stubPopup(async (url) => {
      const callback = await completeSignIn(url, alice);
      vi.setSystemTime(Date.now() + 45_000);
      void popupPage.client.handleSignInCallback(callback);
    });
    const error = await rejectionOf(reauthenticate(opener.client));

    expect(error).toMatchObject({ name: 'LogtoWindowError', code: 'auth_time_stale' });
    // Logto was asked (the code exchange happened), and nothing of its answer was kept.
    expect(opener.tokenRequests('authorization_code')).toHaveLength(exchangesBefore + 1);
    // Compared as booleans, so that a failure does not print tokens.
    expect({
      idToken: (await opener.client.getIdToken()) === before.idToken,
      refreshToken: (await opener.client.getRefreshToken()) === before.refreshToken,
      accessToken: (await opener.client.getAccessToken(shopping)) === before.accessToken,
    }).toEqual({ idToken: true, refreshToken: true, accessToken: true });
    expect(await opener.client.getIdTokenClaims()).toEqual(before.claims);
    expect(opener.client.getSnapshot()).toMatchObject({
      isAuthenticated: true,
      idTokenClaims: before.snapshotClaims,
    });
    // The other tab of this browser (the popup's page) did not receive a new session either.
    expect((await popupPage.client.getRefreshToken()) === before.refreshToken).toBe(true);
  });
});
