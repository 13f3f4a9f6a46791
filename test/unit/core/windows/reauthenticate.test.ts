import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  LogtoClient,
  MemoryStorage,
  reauthenticate,
  signInWithPopup,
} from '../../../../src/core/index.js';
import { discoveryDocument } from '../../../helpers/discoveryDocument.js';
import { createTestKey, signJwt, type TestKey } from '../../../helpers/testKeys.js';
import { stubPopup } from '../../../support/fakeWindows.js';

const issuer = 'https://idp.test/oidc';
const appId = 'spa';
let key: TestKey;

beforeAll(async () => {
  key = await createTestKey('ES384', 'k1');
});

afterEach(() => {
  vi.restoreAllMocks();
});

/**
 * A client whose fake Logto signs ID tokens with the `sub` and `auth_time` the test chooses, and
 * a fake popup whose page relays the callback at once (as the app's callback route would).
 */
function setUp() {
  const idp = { sub: 'user-1', authTime: () => Math.floor(Date.now() / 1000) };
  const nonces = new Map<string, string>();
  const authorizations: URL[] = [];
  const fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const url = new URL(input instanceof Request ? input.url : input.toString());
    if (url.pathname.endsWith('/openid-configuration'))
      return Response.json(discoveryDocument(issuer));
    if (url.pathname.endsWith('/jwks')) return Response.json({ keys: [key.publicJwk] });
    const code = new URLSearchParams(init?.body as URLSearchParams).get('code') ?? '';
    const now = Math.floor(Date.now() / 1000);
    const idToken = await signJwt(key, {
      iss: issuer,
      aud: appId,
      sub: idp.sub,
      iat: now,
      exp: now + 3600,
      nonce: nonces.get(code),
      auth_time: idp.authTime(),
    });
    return Response.json({
      access_token: 'opaque',
      expires_in: 3600,
      id_token: idToken,
      refresh_token: `refresh-${code}`,
      scope: 'openid',
      token_type: 'Bearer',
    });
  };
  const client = new LogtoClient(
    { endpoint: 'https://idp.test', appId },
    { storage: new MemoryStorage(), fetch, proactiveRefresh: false },
  );
  const { popup, open } = stubPopup((url) => {
    const authorization = new URL(url);
    authorizations.push(authorization);
    const code = `code-${authorizations.length}`;
    nonces.set(code, authorization.searchParams.get('nonce') ?? '');
    const callback = new URL(authorization.searchParams.get('redirect_uri') ?? '');
    callback.searchParams.set('code', code);
    callback.searchParams.set('state', authorization.searchParams.get('state') ?? '');
    window.dispatchEvent(
      new MessageEvent('message', {
        data: { type: 'logto:callback', url: callback.href },
        origin: location.origin,
        source: popup.window,
      }),
    );
  });
  return { client, idp, authorizations, open, popup };
}

describe('reauthenticate (step-up)', () => {
  it('forces the sign-in form (prompt=login, max_age=0) and yields a newer auth_time, keeping the refresh token', async () => {
    const { client, idp, authorizations } = setUp();
    const signedInAt = Math.floor(Date.now() / 1000) - 3600;
    idp.authTime = () => signedInAt;
    await signInWithPopup(client);
    const steppedUpAt = signedInAt + 3600;
    idp.authTime = () => steppedUpAt;

    const { claims } = await reauthenticate(client);

    const request = authorizations.at(-1)?.searchParams;
    expect(request?.get('prompt')).toBe('login consent');
    expect(request?.get('max_age')).toBe('0');
    expect(claims.auth_time).toBe(steppedUpAt);
    expect((await client.getIdTokenClaims()).auth_time).toBe(claims.auth_time);
    expect(await client.getRefreshToken()).toBe('refresh-code-2');
  });

  it("rejects a stale auth_time (auth_time_stale); the session stays the same user's", async () => {
    const { client, idp } = setUp();
    idp.authTime = () => Math.floor(Date.now() / 1000) - 600;
    await signInWithPopup(client);

    await expect(reauthenticate(client)).rejects.toMatchObject({
      name: 'LogtoWindowError',
      code: 'auth_time_stale',
    });
    expect((await client.getIdTokenClaims()).sub).toBe('user-1');
  });

  it('accepts a sign-in within maxAge without forcing the form, and refuses an older one', async () => {
    const { client, idp, authorizations } = setUp();
    idp.authTime = () => Math.floor(Date.now() / 1000) - 200;
    await signInWithPopup(client);

    await expect(reauthenticate(client, { maxAge: 300 })).resolves.toBeDefined();
    expect(authorizations.at(-1)?.searchParams.get('prompt')).toBe('consent');
    expect(authorizations.at(-1)?.searchParams.get('max_age')).toBe('300');

    idp.authTime = () => Math.floor(Date.now() / 1000) - 400;
    await expect(reauthenticate(client, { maxAge: 300 })).rejects.toMatchObject({
      code: 'auth_time_stale',
    });
  });

  it('refuses a step-up by another user, storing nothing', async () => {
    const { client, idp } = setUp();
    await signInWithPopup(client);
    idp.sub = 'someone-else';

    await expect(reauthenticate(client)).rejects.toMatchObject({
      code: 'id_token_invalid',
      reason: 'subject',
    });
    expect((await client.getIdTokenClaims()).sub).toBe('user-1');
  });

  it('rejects not_authenticated without opening a window when nobody is signed in', async () => {
    const { client, open } = setUp();
    await client.isAuthenticated();

    await expect(reauthenticate(client)).rejects.toMatchObject({ code: 'not_authenticated' });
    expect(open).not.toHaveBeenCalled();
  });

  it('rejects a maxAge that is not a whole number of seconds', async () => {
    const { client } = setUp();
    await signInWithPopup(client);

    await expect(reauthenticate(client, { maxAge: -1 })).rejects.toMatchObject({
      code: 'config_invalid',
      field: 'maxAge',
    });
  });
});

describe('a window opened by the caller (lazy loading: openSignInPopup() in the click handler)', () => {
  it('signInWithPopup signs in through the given window and opens none itself', async () => {
    const { client, open, popup } = setUp();

    const { claims } = await signInWithPopup(client, {}, popup.window);

    expect(claims.sub).toBe('user-1');
    expect(open).not.toHaveBeenCalled();
    expect(popup.closed).toBe(true);
  });

  it('null (the browser refused the window) rejects popup_blocked and starts nothing', async () => {
    const { client, open, authorizations } = setUp();

    await expect(signInWithPopup(client, {}, null)).rejects.toMatchObject({
      code: 'popup_blocked',
    });
    expect(open).not.toHaveBeenCalled();
    expect(authorizations).toEqual([]);
  });

  it('reauthenticate closes the given window when it refuses (signed out, bad maxAge)', async () => {
    const { client } = setUp();
    /** A window as openSignInPopup() returns it, for the refusals that never navigate it. */
    const opened = () => {
      const window = { closed: false, close: () => (window.closed = true) };
      return window;
    };
    await client.isAuthenticated();
    const first = opened();
    await expect(reauthenticate(client, {}, first as unknown as Window)).rejects.toMatchObject({
      code: 'not_authenticated',
    });
    expect(first.closed).toBe(true);

    await signInWithPopup(client);
    const second = opened();
    await expect(
      reauthenticate(client, { maxAge: 1.5 }, second as unknown as Window),
    ).rejects.toMatchObject({ code: 'config_invalid' });
    expect(second.closed).toBe(true);
  });
});
