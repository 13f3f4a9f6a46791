import { describe, expect, it } from 'vitest';
import { MemoryStorage } from '../../../src/core/index.js';
import { postSignOutUri, setUpTestIdp, signIn, spendRefreshTokenElsewhere } from './harness.js';

const { idp: getIdp, newClient } = setUpTestIdp();

describe('signOut', () => {
  it('revokes the refresh token, clears storage and goes to the end-session URL', async () => {
    const storage = new MemoryStorage();
    const test = newClient({}, { storage });
    await signIn(test);
    const refreshToken = (await test.client.getRefreshToken()) ?? '';
    const signedOut: string[] = [];
    test.client.on('signedOut', ({ reason }) => signedOut.push(reason));

    await test.client.signOut(postSignOutUri);

    const revocation = test.wire.find((request) => request.path.endsWith('/token/revocation'));
    expect(revocation?.status).toBe(200);
    expect(revocation?.params.get('client_id')).toBe('demo-spa');
    const endSession = new URL(test.navigations.at(-1) ?? '');
    expect(`${endSession.origin}${endSession.pathname}`).toBe(`${getIdp().issuer}/session/end`);
    expect(endSession.searchParams.get('client_id')).toBe('demo-spa');
    expect(endSession.searchParams.get('post_logout_redirect_uri')).toBe(postSignOutUri);
    expect(await storage.get('logto:demo-spa:session')).toBeNull();
    expect(test.client.getSnapshot().isAuthenticated).toBe(false);
    expect(signedOut).toEqual(['signOut']);

    // The IdP no longer honours the revoked refresh token.
    const reuse = await spendRefreshTokenElsewhere(getIdp(), refreshToken);
    expect(reuse.status).toBe(400);
  });

  it('signs out locally even when the IdP is unreachable', async () => {
    const test = newClient();
    await signIn(test);
    await getIdp().suspend();
    try {
      await test.client.signOut(postSignOutUri);
    } finally {
      await getIdp().resume();
    }
    expect(await test.client.isAuthenticated()).toBe(false);
    expect(test.navigations.at(-1)).toContain('/oidc/session/end');
  });
});
