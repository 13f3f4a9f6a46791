// @vitest-environment-options {"settings":{"enableIframePageLoading":true}}
import { afterEach, describe, expect, it, vi } from 'vitest';
import { checkSession, MemoryStorage, signInSilently } from '../../../../src/core/index.js';
import { findForm } from '../../../../src/dev-idp/htmlForm.js';
import { NodeBrowser } from '../../../../src/dev-idp/NodeBrowser.js';
import { watchFrames } from '../../../support/fakeWindows.js';
import {
  alice,
  redirectUri,
  rejectionOf,
  setUpTestIdp,
  signIn,
  snapshotWhere,
} from '../harness.js';

// Logto on `localhost` like the page: same site, so the iframe carries Logto's session cookie.
const { idp, newClient } = setUpTestIdp({ host: 'localhost' });

const isCallback = (url: string) => url.startsWith(redirectUri);
let stopWatching: (() => void) | undefined;

afterEach(() => {
  stopWatching?.();
  vi.restoreAllMocks();
});

/** A browser profile: its Logto session cookie lives in `logto`. */
function browser() {
  const storage = new MemoryStorage();
  return {
    storage,
    logto: new NodeBrowser(),
    app: newClient({}, { storage }),
    frame: newClient({}, { storage }),
    other: newClient({}, { storage }),
  };
}

/** Signs in at Logto in this browser (as if in another app): sets Logto's session cookie. */
async function signInAtLogto(profile: ReturnType<typeof browser>): Promise<void> {
  const elsewhere = newClient();
  await elsewhere.client.signIn({ redirectUri });
  const page = await profile.logto.navigate(elsewhere.navigations.at(-1) ?? '', {}, isCallback);
  if (page.kind !== 'page') throw new Error('expected the sign-in page');
  const form = findForm(page.body, page.url, 'sign-in-form');
  if (!form) throw new Error('no sign-in form');
  await profile.logto.submit(form, alice, isCallback);
}

/** The iframe loads Logto in this browser and lands on the app's callback route. */
function playFrames(profile: ReturnType<typeof browser>, relay = true) {
  const watching = watchFrames(async (src) => {
    const landed = await profile.logto.navigate(src, {}, isCallback);
    if (relay) void profile.frame.client.handleSignInCallback(landed.url);
  });
  stopWatching = () => watching.stop();
  return watching;
}

describe('signInSilently against the dev IdP', () => {
  it('signs in with no click when the browser has a Logto session; the code is exchanged once, by the page', async () => {
    const profile = browser();
    await signInAtLogto(profile);
    const { frames } = playFrames(profile);

    const result = await signInSilently(profile.app.client);

    expect(result.claims.sub).toBe('u_alice01');
    expect(frames).toHaveLength(1);
    const frame = frames[0];
    expect(frame?.element.hidden).toBe(true);
    expect(new URL(frame?.src ?? '').searchParams.get('prompt')).toBe('none');
    expect(frame?.element.isConnected).toBe(false);
    expect(profile.app.tokenRequests('authorization_code')).toHaveLength(1);
    expect(profile.frame.tokenRequests()).toHaveLength(0);
    await snapshotWhere(profile.other.client, (snapshot) => snapshot.isAuthenticated);
    // Logto strips offline_access without prompt=consent: such a session has no refresh token.
    expect(await profile.app.client.getRefreshToken()).toBeUndefined();
    expect(await profile.app.client.fetchUserInfo()).toMatchObject({ sub: 'u_alice01' });
  });

  it('rejects login_required quickly without a Logto session, and leaves the auth state clean', async () => {
    const profile = browser();
    playFrames(profile);
    const started = Date.now();

    const error = await rejectionOf(signInSilently(profile.app.client));

    expect(error).toMatchObject({
      name: 'LogtoWindowError',
      code: 'login_required',
      error: 'login_required',
    });
    expect(Date.now() - started).toBeLessThan(2000);
    expect(profile.app.client.getSnapshot()).toMatchObject({
      isAuthenticated: false,
      error: undefined,
    });
    expect(profile.app.tokenRequests()).toHaveLength(0);
  });

  it('rejects silent_sign_in_unavailable at once when Logto is on another site (its Lax cookie would not be sent)', async () => {
    const profile = browser();
    const crossSite = newClient({ endpoint: idp().origin.replace('localhost', '127.0.0.1') });
    const { frames } = playFrames(profile);

    const error = await rejectionOf(signInSilently(crossSite.client));

    expect(error).toMatchObject({ code: 'silent_sign_in_unavailable' });
    expect(frames).toHaveLength(0);
    expect(crossSite.wire).toHaveLength(0);
  });

  it('rejects silent_sign_in_unavailable when no answer comes in time, removing the iframe', async () => {
    const profile = browser();
    await signInAtLogto(profile);
    const { frames } = playFrames(profile, false);

    const error = await rejectionOf(signInSilently(profile.app.client, { timeoutSeconds: 1 }));

    expect(error).toMatchObject({ code: 'silent_sign_in_unavailable' });
    expect(frames[0]?.element.isConnected).toBe(false);
    expect(profile.app.client.getSnapshot().isAuthenticated).toBe(false);
  });

  it('resolves with the current session, without asking Logto, when already signed in', async () => {
    const profile = browser();
    await signIn(profile.app);
    const { frames } = playFrames(profile);

    await expect(signInSilently(profile.app.client)).resolves.toMatchObject({
      claims: { sub: 'u_alice01' },
    });
    expect(frames).toHaveLength(0);
  });
});

describe('ClientOptions.signInSilently (single sign-on on load)', () => {
  /** Every snapshot the client goes through from its first read of storage. */
  function recordSnapshots(client: ReturnType<typeof newClient>['client']) {
    const seen = [client.getSnapshot()];
    client.subscribe(() => seen.push(client.getSnapshot()));
    return seen;
  }

  it('stays loading until the silent sign-in lands, so no signed-out state ever shows', async () => {
    const profile = browser();
    await signInAtLogto(profile);
    playFrames(profile);
    const app = newClient({}, { storage: profile.storage, signInSilently });

    const seen = recordSnapshots(app.client);
    await snapshotWhere(app.client, (snapshot) => snapshot.isAuthenticated);

    expect(seen.some((s) => !s.isLoading && !s.isAuthenticated)).toBe(false);
    expect(app.client.getSnapshot()).toMatchObject({ isLoading: false, error: undefined });
  });

  it('ends loading signed out (no error) when the browser has no Logto session', async () => {
    const profile = browser();
    playFrames(profile);
    const app = newClient({}, { storage: profile.storage, signInSilently });

    const seen = recordSnapshots(app.client);
    await snapshotWhere(app.client, (snapshot) => !snapshot.isLoading);

    expect(app.client.getSnapshot()).toMatchObject({ isAuthenticated: false, error: undefined });
    expect(seen.filter((s) => !s.isLoading)).toHaveLength(1);
  });

  it('is not tried on the sign-in callback URL (the iframe landing there must not start another)', async () => {
    const profile = browser();
    const { frames } = playFrames(profile);
    window.history.replaceState(null, '', '/callback?code=abc&state=xyz');
    try {
      const app = newClient({}, { storage: new MemoryStorage(), signInSilently });
      await app.client.isAuthenticated();
      expect(app.client.getSnapshot().isLoading).toBe(false);
      expect(frames).toHaveLength(0);
    } finally {
      window.history.replaceState(null, '', '/');
    }
  });
});

describe('checkSession against the dev IdP', () => {
  it('keeps the session while Logto has one (its code is never exchanged), ends it everywhere after a sign-out at Logto', async () => {
    const profile = browser();
    await signInAtLogto(profile);
    playFrames(profile);
    await signInSilently(profile.app.client);
    await snapshotWhere(profile.other.client, (snapshot) => snapshot.isAuthenticated);
    const exchanges = profile.app.tokenRequests().length;

    await expect(checkSession(profile.app.client)).resolves.toBe(true);
    expect(profile.app.tokenRequests()).toHaveLength(exchanges);
    expect(await profile.app.client.isAuthenticated()).toBe(true);

    const endSession = await profile.logto.navigate(`${idp().issuer}/session/end`);
    if (endSession.kind !== 'page') throw new Error('expected the sign-out page');
    const form = findForm(endSession.body, endSession.url);
    if (!form) throw new Error('no sign-out form');
    await profile.logto.submit(form, { logout: 'yes' });
    const events: unknown[] = [];
    profile.other.client.on('signedOut', (event) => events.push(event));

    await expect(checkSession(profile.app.client)).resolves.toBe(false);

    expect(await profile.app.client.isAuthenticated()).toBe(false);
    await snapshotWhere(profile.other.client, (snapshot) => !snapshot.isAuthenticated);
    expect(events).toEqual([{ reason: 'signedOutElsewhere', fromOtherTab: true }]);
  });

  it('keeps the session when Logto cannot be asked (cross-site)', async () => {
    const crossSite = newClient({ endpoint: idp().origin.replace('localhost', '127.0.0.1') });
    const error = await rejectionOf(checkSession(crossSite.client));

    expect(error).toMatchObject({ code: 'silent_sign_in_unavailable' });
  });
});
