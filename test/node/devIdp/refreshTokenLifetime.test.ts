/**
 * A refresh token's lifetime is fixed when the sign-in issues it: in Logto (as in oidc-provider
 * for public SPA clients) a rotated token keeps what was left of the one it replaces.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';

import { NodeBrowser } from '../../../src/dev-idp/NodeBrowser.js';
import { refresh, verifyJwt } from '../../support/devIdpClient.js';
import { setUpDevIdp } from '../../support/setUpDevIdp.js';
import { authorizeInBrowser, redeemCode, signInWithBrowser } from './browserSession.js';

const refreshTokenTtl = 60;
const context = setUpDevIdp({ ttl: { refreshToken: refreshTokenTtl } });

const shopping = 'https://api.example.com/shopping';

afterEach(() => {
  vi.useRealTimers();
});

/** Moves the clock the IdP and the test share (the IdP runs in this process) by `seconds`. */
function advanceClock(seconds: number) {
  vi.setSystemTime(Date.now() + seconds * 1000);
}

async function signedIn() {
  const browser = new NodeBrowser();
  const { request, callbackUrl } = await signInWithBrowser(context.idp, browser, {
    scopes: ['read:products'],
    resources: [shopping],
  });
  const { json } = await redeemCode(context.idp, request, callbackUrl);
  return { browser, refreshToken: json.refresh_token ?? '' };
}

const invalidGrant = {
  code: 'oidc.invalid_grant',
  message: 'Grant request is invalid.',
  error: 'invalid_grant',
};

describe('refresh token lifetime', () => {
  it('is not extended by rotation: the rotated token expires when the first one would have', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const { refreshToken } = await signedIn();
    advanceClock(refreshTokenTtl / 2);
    const rotated = await refresh(context.idp, refreshToken);
    expect(rotated.status).toBe(200);

    advanceClock(refreshTokenTtl / 2 + 1);
    const late = await refresh(context.idp, rotated.json.refresh_token ?? '');

    expect(late.status).toBe(400);
    expect(late.json).toMatchObject(invalidGrant);
  });

  it('keeps a rotated token usable until the first lifetime is over', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const { refreshToken } = await signedIn();
    advanceClock(refreshTokenTtl / 2);
    const rotated = await refresh(context.idp, refreshToken);

    advanceClock(refreshTokenTtl / 2 - 5);
    const inTime = await refresh(context.idp, rotated.json.refresh_token ?? '');

    expect(inTime.status).toBe(200);
  });
});

describe('idp.expireRefreshTokens()', () => {
  it('makes the refresh grant answer invalid_grant while the grant lives on: prompt=none still answers a code', async () => {
    const { browser, refreshToken } = await signedIn();

    const expired = context.idp.expireRefreshTokens();
    const refused = await refresh(context.idp, refreshToken, { resource: shopping });
    const { request, navigation } = await authorizeInBrowser(context.idp, browser, {
      prompt: 'none',
      resources: [shopping],
      scope: 'openid read:products',
    });

    expect(expired).toBeGreaterThanOrEqual(1);
    expect(refused.status).toBe(400);
    expect(refused.json).toMatchObject(invalidGrant);
    expect(navigation.kind).toBe('stopped');
    const exchange = await redeemCode(context.idp, request, navigation.url, { resource: shopping });
    expect(exchange.status).toBe(200);
    expect((await verifyJwt(context.idp, exchange.json.access_token)).payload).toMatchObject({
      aud: shopping,
      scope: 'read:products',
    });
  });

  it('leaves refresh tokens issued afterwards alone', async () => {
    context.idp.expireRefreshTokens();

    const { refreshToken } = await signedIn();
    const { status } = await refresh(context.idp, refreshToken);

    expect(status).toBe(200);
  });
});
