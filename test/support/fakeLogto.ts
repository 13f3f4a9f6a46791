/**
 * A small fake Logto for unit tests of the real client: discovery, JWKS, the token endpoint
 * (authorization code, refresh token) with ID tokens signed by a test key, revocation and
 * userinfo, all answered by an injected `fetch`. No network, no timers.
 */
import { discoveryDocument } from '../helpers/discoveryDocument.js';
import { createTestKey, signJwt, type TestKey } from '../helpers/testKeys.js';

export interface FakeLogto {
  /** The `endpoint` to configure the client with. */
  readonly endpoint: string;
  /** The `fetch` to give the client. */
  readonly fetch: typeof fetch;
  /**
   * Plays the user signing in at Logto: takes the authorization URL the client made, returns the
   * callback URL Logto would redirect to (with a code whose ID token carries the request's nonce).
   */
  authorize: (authorizationUrl: string) => string;
  /** From now on, refresh grants are refused with 400 `invalid_grant` (revoked, expired). */
  refuseRefresh: () => void;
  /** The token endpoint's grant types and the other endpoints asked, in order. */
  readonly requests: string[];
}

/** Starts a fake Logto whose user is `user` (ID-token claims: `sub`, `name`...). */
export async function createFakeLogto(
  user: { sub: string } & Record<string, unknown>,
  options: { endpoint?: string; appId?: string } = {},
): Promise<FakeLogto> {
  const endpoint = options.endpoint ?? 'https://tenant.logto.test';
  const appId = options.appId ?? 'app';
  const issuer = `${endpoint}/oidc`;
  const key: TestKey = await createTestKey('ES384', 'fake-logto-key');
  const nonces = new Map<string, string>();
  const requests: string[] = [];
  let refusing = false;
  let serial = 0;

  const idToken = (nonce: string | undefined): Promise<string> => {
    const now = Math.floor(Date.now() / 1000);
    return signJwt(key, { iss: issuer, aud: appId, iat: now, exp: now + 3600, nonce, ...user });
  };

  const token = async (form: URLSearchParams): Promise<Response> => {
    const grant = form.get('grant_type') ?? '';
    requests.push(`token:${grant}`);
    if (grant === 'refresh_token' && refusing)
      return Response.json(
        { error: 'invalid_grant', error_description: 'grant request is invalid' },
        { status: 400 },
      );
    serial += 1;
    const audience =
      form.get('resource') ??
      (form.get('organization_id') ? `urn:logto:organization:${form.get('organization_id')}` : '');
    return Response.json({
      // A JWT for an API or organization, the opaque userinfo token otherwise.
      access_token: audience
        ? await signJwt(key, { iss: issuer, aud: audience, sub: user.sub }, { typ: 'at+jwt' })
        : `opaque-${serial}`,
      expires_in: 3600,
      id_token: await idToken(nonces.get(form.get('code') ?? '')),
      refresh_token: `refresh-${serial}`,
      scope: 'openid profile offline_access',
      token_type: 'Bearer',
    });
  };

  const fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const url = new URL(input instanceof Request ? input.url : input.toString());
    const path = url.pathname.slice('/oidc'.length);
    if (path === '/.well-known/openid-configuration')
      return Response.json(discoveryDocument(issuer));
    if (path === '/jwks') return Response.json({ keys: [key.publicJwk] });
    if (path === '/token') return token(new URLSearchParams(init?.body as URLSearchParams));
    requests.push(path.slice(1));
    if (path === '/token/revocation') return new Response(null, { status: 200 });
    if (path === '/me') return Response.json({ ...user });
    return Response.json({ error: 'not_found' }, { status: 404 });
  };

  return {
    endpoint,
    fetch,
    requests,
    authorize: (authorizationUrl) => {
      const request = new URL(authorizationUrl).searchParams;
      const code = `code-${nonces.size + 1}`;
      nonces.set(code, request.get('nonce') ?? '');
      const callback = new URL(request.get('redirect_uri') ?? '');
      callback.searchParams.set('code', code);
      callback.searchParams.set('state', request.get('state') ?? '');
      return callback.href;
    },
    refuseRefresh: () => {
      refusing = true;
    },
  };
}
