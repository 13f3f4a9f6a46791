import { describe, expect, it } from 'vitest';
import {
  redirectUri,
  shopping,
  signIn,
  signInUntilCallback,
  store,
  setUpTestIdp,
} from './harness.js';

const { idp: getIdp, newClient } = setUpTestIdp();

describe('sign-in with redirect', () => {
  it('sends a Logto-shaped authorization request with PKCE, state, nonce and resources', async () => {
    const test = newClient();
    await test.client.signIn(redirectUri);
    const url = new URL(test.navigations[0] ?? '');
    expect(`${url.origin}${url.pathname}`).toBe(`${getIdp().issuer}/auth`);
    const params = url.searchParams;
    expect(params.get('client_id')).toBe('demo-spa');
    expect(params.get('redirect_uri')).toBe(redirectUri);
    expect(params.get('response_type')).toBe('code');
    expect(params.get('code_challenge_method')).toBe('S256');
    expect(params.get('code_challenge')).toMatch(/^[\w-]{43}$/);
    expect(params.get('state')).toBeTruthy();
    expect(params.get('nonce')).toBeTruthy();
    expect(params.get('prompt')).toBe('consent');
    expect(params.get('scope')?.split(' ')).toEqual(
      expect.arrayContaining(['openid', 'offline_access', 'profile', 'email']),
    );
    expect(params.getAll('resource')).toEqual([
      shopping,
      store,
      'urn:logto:resource:organizations',
    ]);
  });

  it('passes first_screen, identifier, login_hint, direct_sign_in, and extra params last', async () => {
    const test = newClient();
    await test.client.signIn({
      redirectUri,
      firstScreen: 'identifier:register',
      identifiers: ['email', 'phone'],
      loginHint: 'alice@example.com',
      directSignIn: { method: 'social', target: 'github' },
      extraParams: { organization_hint: 'acme' },
    });
    const url = new URL(test.navigations[0] ?? '');
    expect(url.searchParams.get('first_screen')).toBe('identifier:register');
    expect(url.searchParams.get('identifier')).toBe('email phone');
    expect(url.searchParams.get('login_hint')).toBe('alice@example.com');
    expect(url.searchParams.get('direct_sign_in')).toBe('social:github');
    expect([...url.searchParams.keys()].at(-1)).toBe('organization_hint');
  });

  it('rejects an unknown firstScreen with a config error naming the field', async () => {
    const test = newClient();
    await expect(
      test.client.signIn({ redirectUri, firstScreen: 'lobby' as never }),
    ).rejects.toMatchObject({ code: 'config_invalid', field: 'firstScreen' });
    expect(test.navigations).toHaveLength(0);
  });

  it('signs in through the IdP form and exposes verified ID-token claims', async () => {
    const test = newClient();
    expect(await test.client.isAuthenticated()).toBe(false);
    const callbackUrl = await signInUntilCallback(test);
    expect(await test.client.isSignInRedirected(callbackUrl)).toBe(true);
    // A forged callback to our redirect URI is recognised too, so handling it reports an error.
    expect(await test.client.isSignInRedirected(`${redirectUri}?code=x&state=forged`)).toBe(true);
    expect(await test.client.isSignInRedirected(`${redirectUri}?code=x`)).toBe(false);
    expect(
      await test.client.isSignInRedirected('http://localhost:3000/orders?code=x&state=y'),
    ).toBe(false);

    const result = await test.client.handleSignInCallback(callbackUrl);
    expect(result.claims.sub).toBe('u_alice01');
    expect(await test.client.isAuthenticated()).toBe(true);
    const claims = await test.client.getIdTokenClaims();
    expect(claims).toMatchObject({
      iss: getIdp().issuer,
      aud: 'demo-spa',
      username: 'alice',
      name: 'Alice Liddell',
      email: 'alice@example.com',
      email_verified: true,
      phone_number: '+15550100',
      organizations: expect.arrayContaining(['acme', 'globex']),
      organization_roles: expect.arrayContaining(['acme:admin', 'globex:member']),
    });
    // Logto's created_at/updated_at are milliseconds.
    expect(claims.created_at).toBeGreaterThan(1e12);
    expect(test.client.getSnapshot()).toMatchObject({ isAuthenticated: true, isLoading: false });
    expect(await test.client.getRefreshToken()).toBeTruthy();
  });

  it('returns the postRedirectUri given to signIn', async () => {
    const test = newClient();
    const callback = await signInUntilCallback(test, undefined, {
      postRedirectUri: '/orders?page=2',
    });
    await expect(test.client.handleSignInCallback(callback)).resolves.toMatchObject({
      postRedirectUri: '/orders?page=2',
    });
  });

  it('opens the registration page with interactionMode signUp and ends signed in as the new user', async () => {
    const test = newClient();
    const callback = await signInUntilCallback(
      test,
      { signUp: { username: 'carol', password: 'carol-password', name: 'Carol' } },
      { interactionMode: 'signUp' },
    );
    expect(new URL(test.navigations[0] ?? '').searchParams.get('interaction_mode')).toBe('signUp');
    await test.client.handleSignInCallback(callback);
    expect(await test.client.getIdTokenClaims()).toMatchObject({
      username: 'carol',
      name: 'Carol',
    });
  });

  it('fetches userinfo with the claims that need it', async () => {
    const test = newClient();
    await signIn(test);
    const userInfo = await test.client.fetchUserInfo();
    expect(userInfo.sub).toBe('u_alice01');
    expect(userInfo.custom_data).toBeTypeOf('object');
    expect(userInfo.organization_data).toEqual(
      expect.arrayContaining([expect.objectContaining({ id: 'acme', name: 'Acme' })]),
    );
  });
});
