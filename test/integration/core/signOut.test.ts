import { afterEach, describe, expect, it, vi } from 'vitest';
import { MemoryStorage } from '../../../src/core/index.js';
import { revocationWaitMs } from '../../../src/core/protocol/endSession.js';
import { signOutLeaveTimeoutMs } from '../../../src/core/session/SignOut.js';
import {
  appOrigin,
  postSignOutUri,
  rejectionOf,
  setUpTestIdp,
  signIn,
  spendRefreshTokenElsewhere,
} from './harness.js';

const { idp: getIdp, newClient } = setUpTestIdp();
const sessionKey = 'logto:demo-spa:session';

afterEach(() => {
  vi.useRealTimers();
});

/** A fetch that notes the `keepalive` flag of every revocation request. */
function keepaliveRecorder(): { fetch: typeof fetch; revocations: (boolean | undefined)[] } {
  const revocations: (boolean | undefined)[] = [];
  return {
    revocations,
    fetch: (input, init) => {
      if (new Request(input).url.endsWith('/token/revocation')) revocations.push(init?.keepalive);
      return fetch(input, init);
    },
  };
}

describe('signOut', () => {
  it('clears storage, revokes with a request that survives the navigation, goes to end-session', async () => {
    const storage = new MemoryStorage();
    const recorder = keepaliveRecorder();
    const test = newClient({}, { storage, fetch: recorder.fetch });
    await signIn(test);
    const refreshToken = (await test.client.getRefreshToken()) ?? '';

    await test.client.signOut(postSignOutUri);

    const revocation = test.wire.find((request) => request.path.endsWith('/token/revocation'));
    expect(revocation?.status).toBe(200);
    expect(revocation?.params.get('client_id')).toBe('demo-spa');
    expect(recorder.revocations).toEqual([true]);
    const endSession = new URL(test.navigations.at(-1) ?? '');
    expect(`${endSession.origin}${endSession.pathname}`).toBe(`${getIdp().issuer}/session/end`);
    expect(endSession.searchParams.get('client_id')).toBe('demo-spa');
    expect(endSession.searchParams.get('post_logout_redirect_uri')).toBe(postSignOutUri);
    expect(await storage.get(sessionKey)).toBeNull();
    expect(await test.client.isAuthenticated()).toBe(false);

    // The IdP no longer honours the revoked refresh token.
    const reuse = await spendRefreshTokenElsewhere(getIdp(), refreshToken);
    expect(reuse.status).toBe(400);
  });

  it('finishes the revocation (its answer read to the end) before it navigates, so the navigation cancels nothing', async () => {
    const storage = new MemoryStorage();
    await signIn(newClient({}, { storage }));
    const answers: Response[] = [];
    const bodyReadAtNavigation: boolean[] = [];
    const test = newClient(
      {},
      {
        storage,
        fetch: async (input, init) => {
          const response = await fetch(input, init);
          if (new Request(input).url.endsWith('/token/revocation')) answers.push(response);
          return response;
        },
        navigate: () => bodyReadAtNavigation.push(...answers.map((answer) => answer.bodyUsed)),
      },
    );
    const refreshToken = (await test.client.getRefreshToken()) ?? '';
    await test.client.signOut(postSignOutUri);
    // An answer whose body is unread is a request still open: Chromium's navigation aborts it
    // (net::ERR_ABORTED in DevTools, though the revocation landed).
    expect(bodyReadAtNavigation).toEqual([true]);
    expect((await spendRefreshTokenElsewhere(getIdp(), refreshToken)).status).toBe(400);
  });

  it('keeps the tab looking signed in (isSigningOut) until the page leaves, then shows signed out if it stayed', async () => {
    const test = newClient();
    await signIn(test);
    const signedOut: string[] = [];
    test.client.on('signedOut', ({ reason }) => signedOut.push(reason));
    const seen: { isAuthenticated: boolean; isSigningOut: boolean }[] = [];
    test.client.subscribe(() => {
      const { isAuthenticated, isSigningOut } = test.client.getSnapshot();
      seen.push({ isAuthenticated, isSigningOut });
    });
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });

    await test.client.signOut(postSignOutUri);

    // Navigated, session gone from storage — but no snapshot ever said "signed out".
    expect(test.navigations.at(-1)).toContain('/oidc/session/end');
    expect(test.client.getSnapshot()).toMatchObject({
      isAuthenticated: true,
      isSigningOut: true,
      idTokenClaims: expect.objectContaining({ sub: 'u_alice01' }),
    });
    expect(seen.every((snapshot) => snapshot.isAuthenticated)).toBe(true);
    expect(signedOut).toEqual([]);

    // The navigation did not leave (a blocked navigation; here the test's navigate): the state
    // does not stick.
    await vi.advanceTimersByTimeAsync(signOutLeaveTimeoutMs - 1);
    expect(test.client.getSnapshot().isSigningOut).toBe(true);
    expect(signedOut).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(test.client.getSnapshot()).toMatchObject({
      isAuthenticated: false,
      isSigningOut: false,
      idTokenClaims: undefined,
    });
    expect(signedOut).toEqual(['signOut']);

    // And a sign-in after that works as usual.
    vi.useRealTimers();
    await signIn(test);
    expect(test.client.getSnapshot().isAuthenticated).toBe(true);
  });

  it('a double click signs out once', async () => {
    const test = newClient();
    await signIn(test);
    await Promise.all([test.client.signOut(postSignOutUri), test.client.signOut(postSignOutUri)]);
    expect(test.wire.filter((request) => request.path.endsWith('/revocation'))).toHaveLength(1);
    expect(test.navigations.filter((url) => url.includes('/session/end'))).toHaveLength(1);
  });

  it('does not wait for a hanging revocation longer than a short bound', async () => {
    // The revocation is sent only after hanging twice as long as sign-out waits (on the fake clock).
    const hangMs = 2 * revocationWaitMs;
    let revocationDone: Promise<Response> | undefined;
    let revocationSent!: () => void;
    const sent = new Promise<void>((resolve) => (revocationSent = resolve));
    const slowRevocation: typeof fetch = (input, init) => {
      if (!new Request(input).url.endsWith('/token/revocation')) return fetch(input, init);
      revocationDone = new Promise((resolve) => setTimeout(resolve, hangMs)).then(() =>
        fetch(input, init),
      );
      revocationSent();
      return revocationDone;
    };
    const test = newClient({}, { fetch: slowRevocation });
    await signIn(test);
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    let signedOut = false;
    const signingOut = test.client.signOut(postSignOutUri).then(() => (signedOut = true));
    await sent;

    await vi.advanceTimersByTimeAsync(revocationWaitMs - 1);
    expect(signedOut).toBe(false);
    expect(test.navigations.filter((url) => url.includes('/session/end'))).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(signedOut).toBe(true);
    await signingOut;
    expect(test.navigations.at(-1)).toContain('/oidc/session/end');
    // The request itself goes on (in a browser, keepalive carries it past the navigation).
    await vi.advanceTimersByTimeAsync(hangMs - revocationWaitMs);
    expect((await revocationDone)?.status).toBe(200);
  });

  it('signs out locally and still navigates when the IdP is unreachable', async () => {
    const storage = new MemoryStorage();
    const test = newClient({}, { storage });
    await signIn(test);
    await getIdp().suspend();
    try {
      await test.client.signOut(postSignOutUri);
    } finally {
      await getIdp().resume();
    }
    expect(await storage.get(sessionKey)).toBeNull();
    expect(await test.client.isAuthenticated()).toBe(false);
    // The end-session URL comes from the cached discovery document: Logto ends its session as
    // soon as the browser gets there.
    expect(test.navigations.at(-1)).toContain('/oidc/session/end');
  });

  it('with the IdP unreachable and no cached discovery, signs out locally and reports why it cannot go on', async () => {
    const storage = new MemoryStorage();
    await signIn(newClient({}, { storage }));
    await storage.remove('logto:demo-spa:discovery');
    const test = newClient({}, { storage });
    expect(await test.client.isAuthenticated()).toBe(true);
    await getIdp().suspend();
    let error: unknown;
    try {
      error = await rejectionOf(test.client.signOut(postSignOutUri));
    } finally {
      await getIdp().resume();
    }
    expect(error).toMatchObject({ code: 'network_error' });
    expect(await storage.get(sessionKey)).toBeNull();
    expect(test.client.getSnapshot()).toMatchObject({
      isAuthenticated: false,
      isSigningOut: false,
    });
    expect(test.navigations.filter((url) => url.includes('/session/end'))).toEqual([]);
  });

  it('refuses a post-logout URI Logto could never match, before touching the session', async () => {
    const test = newClient();
    await signIn(test);
    for (const uri of ['/', 'localhost:3000/']) {
      const error = await rejectionOf(test.client.signOut(uri));
      expect(error).toMatchObject({ code: 'config_invalid', field: 'postLogoutRedirectUri' });
    }
    expect(test.client.getSnapshot()).toMatchObject({
      isAuthenticated: true,
      isSigningOut: false,
    });
    expect(await test.client.getRefreshToken()).toBeTruthy();
    expect(test.wire.filter((request) => request.path.endsWith('/revocation'))).toEqual([]);
    // The URI the README tells users to register, with its trailing slash.
    expect(postSignOutUri).toBe(`${appOrigin}/`);
  });
});
