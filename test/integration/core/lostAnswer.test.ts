import { describe, expect, it } from 'vitest';
import { decodeJwtClaims, type AccessTokenClaims } from '../../../src/core/index.js';
import { setUpTestIdp, shopping, signIn } from './harness.js';

// Logto's own setting: a just-used refresh token is accepted again for 3 s.
const { idp, newClient } = setUpTestIdp({ refreshTokenReuseGraceSeconds: 3 });

describe('a refresh whose answer is lost in transit', () => {
  it('is retried once at once, inside the IdP reuse grace, and the session survives', async () => {
    let dropNextRefreshAnswer = false;
    // The request reaches the IdP (which rotates the refresh token); the answer never arrives.
    const lossyFetch: typeof fetch = async (input, init) => {
      const response = await fetch(input, init);
      const isRefresh =
        init?.body instanceof URLSearchParams && init.body.get('grant_type') === 'refresh_token';
      if (isRefresh && dropNextRefreshAnswer) {
        dropNextRefreshAnswer = false;
        throw new TypeError('Failed to fetch');
      }
      return response;
    };
    const test = newClient({}, { fetch: lossyFetch });
    await signIn(test);
    dropNextRefreshAnswer = true;

    const claims = decodeJwtClaims<AccessTokenClaims>(await test.client.getAccessToken(shopping));
    expect(claims.aud).toBe(shopping);
    const refreshes = test.tokenRequests('refresh_token');
    expect(refreshes).toHaveLength(2);
    // The retry presented the same (already used) refresh token: accepted within the grace.
    expect(refreshes[1]?.params.get('refresh_token')).toBe(
      refreshes[0]?.params.get('refresh_token'),
    );
    // And the session goes on with the rotated token.
    await expect(test.client.getOrganizationToken('acme')).resolves.toBeTruthy();
    expect(idp().requests.filter((request) => request.status === 400)).toEqual([]);
  });
});
