import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  LogtoCallbackError,
  LogtoClient,
  LogtoConfigError,
  LogtoNetworkError,
  LogtoResponseError,
  LogtoSessionExpiredError,
  LogtoTokenEndpointError,
  buildOrganizationUrn,
  decodeJwtClaims,
  type LogtoEvents,
} from '../../../src/core/index.js';
import type { LogtoClientLike } from '../../../src/react/index.js';
import { createMockClient, createUnsignedJwt } from '../../../src/testing/index.js';

const api = 'https://api.example.com/orders';
const now = () => 1_700_000_000;

/** Rejection reason of a promise that must reject. */
async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error('expected the promise to reject');
    },
    (reason: unknown) => reason,
  );
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('createMockClient: the same public surface as LogtoClient', () => {
  it('has every method and property of the real client, and type-checks as one', () => {
    const real = new LogtoClient({ endpoint: 'https://tenant.logto.app', appId: 'app' });
    const mock: LogtoClientLike = createMockClient();
    // The public surface, from LogtoClient and the class it extends; not what only subclasses see.
    const protectedNames = new Set([
      'constructor',
      'context',
      'session',
      'disposed',
      'trySignInOnLoad',
    ]);
    const names = [
      ...Object.getOwnPropertyNames(LogtoClient.prototype),
      ...Object.getOwnPropertyNames(Object.getPrototypeOf(LogtoClient.prototype) as object),
      ...Object.keys(real),
    ].filter((name) => !protectedNames.has(name));
    expect(names.length).toBeGreaterThan(15);
    for (const name of names) {
      expect(typeof (mock as unknown as Record<string, unknown>)[name], name).toBe(
        typeof (real as unknown as Record<string, unknown>)[name],
      );
    }
    real.dispose();
  });
});

// The contracts shared with the real client, state by state: clientContract.test.ts.

describe('createMockClient, signed in', () => {
  it('hands out the user as verified ID-token claims and a decodable ID token', async () => {
    const mock = createMockClient({
      user: { sub: 'u1', name: 'Ada', email: 'ada@example.com' },
      claims: { roles: ['admin'] },
      now,
    });
    expect(mock.getSnapshot()).toMatchObject({ isLoading: false, isAuthenticated: true });
    const claims = await mock.getIdTokenClaims();
    expect(claims).toMatchObject({ sub: 'u1', name: 'Ada', roles: ['admin'], aud: 'mock-app' });
    expect(claims.iss).toBe(mock.config.issuer);
    expect(claims.exp).toBeGreaterThan(now());
    expect(decodeJwtClaims(await mock.getIdToken())).toEqual(claims);
    expect(mock.getSnapshot().idTokenClaims).toBe(claims);
    expect(await mock.getRefreshToken()).toEqual(expect.any(String));
  });

  it('builds access tokens with sensible claims, the same string until refreshed', async () => {
    const mock = createMockClient({
      user: { sub: 'u1' },
      config: { scopes: ['email', 'read:orders'] },
      now,
    });
    const token = await mock.getAccessToken(api);
    expect(await mock.getAccessToken(api)).toBe(token);
    expect(decodeJwtClaims(token)).toMatchObject({
      aud: api,
      sub: 'u1',
      scope: 'read:orders',
      client_id: 'mock-app',
      iat: now(),
      exp: now() + 3600,
    });
    expect(await mock.getAccessTokenClaims(api)).toEqual(decodeJwtClaims(token));
  });

  it('uses the configured tokens: strings verbatim, claims as unsigned JWTs, or a function', async () => {
    const fixed = createUnsignedJwt({ aud: api, scope: 'fixed' });
    const mock = createMockClient({
      user: { sub: 'u1' },
      organizations: ['acme'],
      accessTokens: { [api]: fixed, [buildOrganizationUrn('acme')]: { scope: 'read:members' } },
    });
    expect(await mock.getAccessToken(api)).toBe(fixed);
    expect(await mock.getOrganizationTokenClaims('acme')).toMatchObject({
      aud: 'urn:logto:organization:acme',
      scope: 'read:members',
      sub: 'u1',
    });

    const byFunction = createMockClient({
      user: {},
      accessTokens: (resource, organizationId) =>
        organizationId === 'globex' ? `globex-token-for-${String(resource)}` : undefined,
    });
    expect(await byFunction.getAccessToken(api, 'globex')).toBe(`globex-token-for-${api}`);
    expect(await byFunction.getAccessTokenClaims(api, 'acme')).toMatchObject({
      aud: api,
      organization_id: 'acme',
    });
  });

  it('gives an opaque userinfo token, whose claims cannot be read, like the real one', async () => {
    const mock = createMockClient({ user: {} });
    expect(await mock.getAccessToken()).toMatch(/^mock-opaque-access-token-/);
    expect(await rejectionOf(mock.getAccessTokenClaims())).toBeInstanceOf(LogtoResponseError);
  });

  it('refuses organizations the user is not a member of, and unknown resources, like Logto', async () => {
    const mock = createMockClient({
      user: {},
      organizations: ['acme'],
      config: { resources: [api] },
    });
    expect(await mock.getOrganizationToken('acme')).toEqual(expect.any(String));
    const denied = await rejectionOf(mock.getOrganizationToken('globex'));
    expect(denied).toBeInstanceOf(LogtoTokenEndpointError);
    expect(denied).toMatchObject({ status: 403, error: 'access_denied' });
    const unknown = await rejectionOf(mock.getAccessToken('https://api.example.com/unknown'));
    expect(unknown).toMatchObject({ code: 'config_invalid', field: 'resources' });
  });

  it('returns userinfo from the profile claims plus what the test adds', async () => {
    const mock = createMockClient({
      user: { sub: 'u1', name: 'Ada' },
      organizations: ['acme'],
      userInfo: { custom_data: { plan: 'pro' } },
    });
    const userInfo = await mock.fetchUserInfo();
    expect(userInfo).toMatchObject({
      sub: 'u1',
      name: 'Ada',
      organizations: ['acme'],
      custom_data: { plan: 'pro' },
      organization_data: [{ id: 'acme', name: 'acme', description: null }],
    });
    expect(userInfo).not.toHaveProperty('aud');
    expect(userInfo).not.toHaveProperty('exp');
  });
});

describe('createMockClient: state changes', () => {
  it('notifies subscribers once per real change, with a new snapshot each time', () => {
    const mock = createMockClient();
    const listener = vi.fn();
    const unsubscribe = mock.subscribe(listener);
    const signedOut = mock.getSnapshot();

    mock.setLoading(false); // already false: nothing changes
    expect(listener).not.toHaveBeenCalled();
    expect(mock.getSnapshot()).toBe(signedOut);

    mock.signInAs({ sub: 'u2', name: 'Grace' });
    expect(listener).toHaveBeenCalledTimes(1);
    const signedIn = mock.getSnapshot();
    expect(signedIn).not.toBe(signedOut);
    expect(signedIn).toMatchObject({ isAuthenticated: true, idTokenClaims: { name: 'Grace' } });
    expect(signedIn.tokenRevision).toBeGreaterThan(signedOut.tokenRevision);
    expect(Object.isFrozen(signedIn)).toBe(true);

    mock.endSession();
    expect(listener).toHaveBeenCalledTimes(2);
    expect(mock.getSnapshot()).toMatchObject({ isAuthenticated: false, idTokenClaims: undefined });

    unsubscribe();
    mock.signInAs();
    expect(listener).toHaveBeenCalledTimes(2);
  });

  it('emits the real client events', () => {
    const mock = createMockClient({ user: { sub: 'u1' } });
    const events: [string, unknown][] = [];
    for (const name of ['signedIn', 'signedOut', 'tokenRefreshed', 'refreshFailed'] as const)
      mock.on(name, (payload) => events.push([name, payload]));

    mock.simulateRefresh({ resource: api });
    mock.endSession({ fromOtherTab: true });
    mock.signInAs();
    mock.emit('refreshFailed', {
      resource: api,
      organizationId: undefined,
      error: new LogtoNetworkError(api, undefined),
    });
    expect(events.map(([name]) => name)).toEqual([
      'tokenRefreshed',
      'signedOut',
      'signedIn',
      'refreshFailed',
    ]);
    expect(events[1]?.[1]).toEqual({ reason: 'signOut', fromOtherTab: true });
  });

  it('replaces a token on simulateRefresh and bumps the token revision', async () => {
    const mock = createMockClient({ user: {} });
    const first = await mock.getAccessToken(api);
    const revision = mock.getSnapshot().tokenRevision;
    mock.simulateRefresh({ resource: api });
    const second = await mock.getAccessToken(api);
    expect(second).not.toBe(first);
    expect(mock.getSnapshot().tokenRevision).toBe(revision + 1);
    mock.simulateRefresh({ resource: api, token: 'given' });
    expect(await mock.getAccessToken(api)).toBe('given');
    await mock.clearAccessToken();
    expect(await mock.getAccessToken(api)).not.toBe('given');
  });

  it('refreshAccessToken replaces a refused token once, like the real client', async () => {
    const mock = createMockClient({ user: {} });
    const refused = await mock.getAccessToken(api);
    const [a, b] = await Promise.all([
      mock.refreshAccessToken(api, undefined, refused),
      mock.refreshAccessToken(api, undefined, refused),
    ]);
    expect(a).not.toBe(refused);
    expect(b).toBe(a);
    expect(await mock.getAccessToken(api)).toBe(a);
    expect(mock.callsOf('refreshAccessToken')).toEqual([
      [api, undefined, refused],
      [api, undefined, refused],
    ]);
  });

  it('ends an expired session with a session_expired error in the snapshot', () => {
    const mock = createMockClient({ user: {} });
    mock.endSession({ reason: 'expired' });
    expect(mock.getSnapshot().isAuthenticated).toBe(false);
    expect(mock.getSnapshot().error).toBeInstanceOf(LogtoSessionExpiredError);
  });
});

describe('createMockClient: recorded calls instead of navigation', () => {
  it('records signIn without leaving the page, and forgets the session like the real client', async () => {
    const before = window.location.href;
    const mock = createMockClient({ user: {} });
    await mock.signIn({ redirectUri: 'http://localhost:3000/callback', postRedirectUri: '/a' });
    await mock.signIn({ redirectUri: 'http://localhost:3000/callback', clearTokens: false });
    expect(window.location.href).toBe(before);
    expect(mock.callsOf('signIn')).toEqual([
      [{ redirectUri: 'http://localhost:3000/callback', postRedirectUri: '/a' }],
      [{ redirectUri: 'http://localhost:3000/callback', clearTokens: false }],
    ]);
    expect(mock.getSnapshot().isAuthenticated).toBe(false);
    expect(await rejectionOf(mock.signIn('/relative'))).toBeInstanceOf(LogtoConfigError);
    expect(mock.calls.map((call) => call.method)).toEqual(['signIn', 'signIn', 'signIn']);
    mock.clearCalls();
    expect(mock.calls).toEqual([]);
  });

  it('completes a callback once and returns the postRedirectUri of the sign-in', async () => {
    const mock = createMockClient({ user: { sub: 'u1' }, signedIn: false });
    await mock.signIn({
      redirectUri: 'http://localhost:3000/callback',
      postRedirectUri: '/orders',
    });
    const url = 'http://localhost:3000/callback?code=abc&state=s1';
    expect(await mock.isSignInRedirected(url)).toBe(true);
    expect(await mock.isSignInRedirected('http://localhost:3000/')).toBe(false);
    const first = mock.handleSignInCallback(url);
    const second = mock.handleSignInCallback(url);
    expect(second).toBe(first);
    expect(await first).toMatchObject({ postRedirectUri: '/orders', claims: { sub: 'u1' } });
    expect(mock.getSnapshot().isAuthenticated).toBe(true);
  });

  it('rejects a callback that carries an error, and puts the error in the snapshot', async () => {
    const mock = createMockClient();
    const error = await rejectionOf(
      mock.handleSignInCallback(
        'http://localhost:3000/callback?error=access_denied&error_description=no&state=s1',
      ),
    );
    expect(error).toBeInstanceOf(LogtoCallbackError);
    expect(error).toMatchObject({ code: 'callback_error_response', error: 'access_denied' });
    expect(mock.getSnapshot().error).toBe(error);
    expect(
      await rejectionOf(mock.handleSignInCallback('http://localhost:3000/callback?state=s2')),
    ).toMatchObject({ code: 'callback_missing_code' });
  });
});

describe('createMockClient: injected errors', () => {
  it('rejects with the given LogtoError, also through the methods built on getAccessToken', async () => {
    const network = new LogtoNetworkError(api, new TypeError('offline'));
    const mock = createMockClient({ user: {}, errors: { getAccessToken: network } });
    const failed: LogtoEvents['refreshFailed'][] = [];
    mock.on('refreshFailed', (payload) => failed.push(payload));
    expect(await rejectionOf(mock.getAccessToken(api))).toBe(network);
    expect(await rejectionOf(mock.getAccessTokenClaims(api))).toBe(network);
    expect(await rejectionOf(mock.getOrganizationToken('acme'))).toBe(network);
    expect(failed[0]).toEqual({ resource: api, organizationId: undefined, error: network });
    // A network failure keeps the session, as in the real client.
    expect(mock.getSnapshot().isAuthenticated).toBe(true);
    expect(mock.callsOf('getAccessToken')).toEqual([[api, undefined]]);
  });

  it('chooses the error by the call arguments, and can be changed during a test', async () => {
    const mock = createMockClient({
      user: {},
      errors: {
        getOrganizationToken: (organizationId) =>
          organizationId === 'globex'
            ? new LogtoTokenEndpointError({
                status: 403,
                error: 'access_denied',
                endpoint: 'token',
              })
            : undefined,
      },
    });
    expect(await mock.getOrganizationToken('acme')).toEqual(expect.any(String));
    expect(await rejectionOf(mock.getOrganizationToken('globex'))).toMatchObject({
      status: 403,
    });
    mock.setError('fetchUserInfo', new LogtoNetworkError('https://mock.logto.app/oidc/me', null));
    expect(await rejectionOf(mock.fetchUserInfo())).toBeInstanceOf(LogtoNetworkError);
    mock.setError('fetchUserInfo', undefined);
    expect(await mock.fetchUserInfo()).toMatchObject({ sub: 'mock-user' });
  });

  it('signs out on session_expired from a token call, like the real client', async () => {
    const expired = new LogtoSessionExpiredError(undefined);
    const mock = createMockClient({ user: {}, errors: { getAccessToken: expired } });
    const signedOut: unknown[] = [];
    mock.on('signedOut', (payload) => signedOut.push(payload));
    expect(await rejectionOf(mock.getAccessToken(api))).toBe(expired);
    expect(mock.getSnapshot()).toMatchObject({ isAuthenticated: false, error: expired });
    expect(signedOut).toEqual([{ reason: 'expired', fromOtherTab: false }]);
  });
});

describe('createMockClient: injected callback errors', () => {
  it('fails the callback and records the error in the snapshot, as a real failure would', async () => {
    const replayed = new LogtoCallbackError('callback_replayed', 'already handled');
    const mock = createMockClient({ errors: { handleSignInCallback: replayed } });
    const url = 'http://localhost:3000/callback?code=c&state=s';
    expect(await rejectionOf(mock.handleSignInCallback(url))).toBe(replayed);
    expect(mock.getSnapshot()).toMatchObject({ isAuthenticated: false, error: replayed });
  });
});

describe('createMockClient: no network, no storage', () => {
  it('never calls fetch, IndexedDB or Web Storage', async () => {
    const fetchSpy = vi.spyOn(globalThis, 'fetch');
    const openSpy = vi.spyOn(indexedDB, 'open');
    const setItemSpy = vi.spyOn(Storage.prototype, 'setItem');
    const mock = createMockClient({ user: {}, organizations: ['acme'] });
    mock.subscribe(() => undefined);
    await mock.getAccessToken(api);
    await mock.getOrganizationTokenClaims('acme');
    await mock.fetchUserInfo();
    await mock.signIn('http://localhost:3000/callback');
    await mock.handleSignInCallback('http://localhost:3000/callback?code=c&state=s');
    await mock.clearAccessToken();
    await mock.signOut();
    await mock.clearAllTokens();
    mock.dispose();
    expect(fetchSpy).not.toHaveBeenCalled();
    expect(openSpy).not.toHaveBeenCalled();
    expect(setItemSpy).not.toHaveBeenCalled();
  });
});
