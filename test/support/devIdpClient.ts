/**
 * A Node-side OAuth client for tests that talk to the dev IdP directly: builds PKCE
 * authorization URLs, signs in through the real pages (`completeSignIn`), and calls the token,
 * userinfo and revocation endpoints. It uses `node:http` (not the global `fetch`) so it works
 * the same under the `node` and the happy-dom test environments.
 */
import { createHash, createPublicKey, randomBytes, verify, type JsonWebKey } from 'node:crypto';

import { completeSignIn, type DevIdp } from '../../src/dev-idp/index.js';
import type { SignInCredentials, SignUpCredentials } from '../../src/dev-idp/completeSignIn.js';
import { httpRequest, type HttpResponse } from '../../src/dev-idp/httpRequest.js';

/** Scopes the Logto SDK always asks for. */
export const baseScopes = ['openid', 'profile', 'offline_access'];

/** Options of `buildAuthorizeUrl`. */
export interface AuthorizeOptions {
  scopes?: string[];
  resources?: string[];
  /** Default `consent`, as the Logto SDK sends it. `null` leaves the parameter out. */
  prompt?: string | null;
  redirectUri?: string;
  extraParams?: Record<string, string>;
}

/** An authorization request and the secrets needed to redeem its code. */
export interface AuthorizeRequest {
  url: string;
  codeVerifier: string;
  state: string;
  nonce: string;
  redirectUri: string;
}

/** Builds a PKCE (S256) authorization URL for the seed's app. */
export function buildAuthorizeUrl(idp: DevIdp, options: AuthorizeOptions = {}): AuthorizeRequest {
  const codeVerifier = randomBytes(32).toString('base64url');
  const state = randomBytes(12).toString('base64url');
  const nonce = randomBytes(12).toString('base64url');
  const redirectUri = options.redirectUri ?? idp.seed.app.redirectUris[0] ?? '';
  const url = new URL(`${idp.issuer}/auth`);
  const params = url.searchParams;
  params.set('client_id', idp.seed.app.appId);
  params.set('redirect_uri', redirectUri);
  params.set('response_type', 'code');
  params.set('code_challenge', createHash('sha256').update(codeVerifier).digest('base64url'));
  params.set('code_challenge_method', 'S256');
  params.set('state', state);
  params.set('nonce', nonce);
  params.set('scope', [...new Set([...baseScopes, ...(options.scopes ?? [])])].join(' '));
  const prompt = options.prompt === undefined ? 'consent' : options.prompt;
  if (prompt !== null) params.set('prompt', prompt);
  for (const resource of options.resources ?? []) params.append('resource', resource);
  for (const [key, value] of Object.entries(options.extraParams ?? {})) params.set(key, value);
  return { url: url.href, codeVerifier, state, nonce, redirectUri };
}

/** A parsed JSON response. */
export interface JsonResponse<T = Record<string, unknown>> {
  status: number;
  headers: HttpResponse['headers'];
  json: T;
}

/** The token endpoint's success body. */
export interface TokenSet {
  access_token: string;
  expires_in: number;
  id_token?: string;
  refresh_token?: string;
  scope: string;
  token_type: string;
}

function parseJson<T>(response: HttpResponse): JsonResponse<T> {
  const json = (response.body === '' ? {} : JSON.parse(response.body)) as T;
  return { status: response.status, headers: response.headers, json };
}

/** POSTs form parameters to the token endpoint; arrays repeat the parameter. */
export async function tokenRequest<T = TokenSet & Record<string, unknown>>(
  idp: DevIdp,
  params: Record<string, string | string[]>,
  headers: Record<string, string> = {},
): Promise<JsonResponse<T>> {
  const body = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    for (const item of Array.isArray(value) ? value : [value]) body.append(key, item);
  }
  const response = await httpRequest(`${idp.issuer}/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    body: body.toString(),
  });
  return parseJson<T>(response);
}

/** Refreshes with `refresh_token`, optionally for a resource and/or organization. */
export function refresh(
  idp: DevIdp,
  refreshToken: string,
  extra: { resource?: string; organization_id?: string; scope?: string } = {},
) {
  return tokenRequest(idp, {
    grant_type: 'refresh_token',
    client_id: idp.seed.app.appId,
    refresh_token: refreshToken,
    ...extra,
  });
}

/** Redeems the code of a callback URL. */
export async function exchangeCode(idp: DevIdp, request: AuthorizeRequest, callbackUrl: string) {
  const callback = new URL(callbackUrl);
  const code = callback.searchParams.get('code');
  if (code === null) {
    throw new Error(`sign-in did not return a code: ${callback.search}`);
  }
  return tokenRequest(idp, {
    grant_type: 'authorization_code',
    client_id: idp.seed.app.appId,
    code,
    code_verifier: request.codeVerifier,
    redirect_uri: request.redirectUri,
  });
}

/** Signs in through the real pages and redeems the code; fails the test on any error. */
export async function signIn(
  idp: DevIdp,
  credentials: SignInCredentials | SignUpCredentials,
  options: AuthorizeOptions = {},
): Promise<TokenSet> {
  const request = buildAuthorizeUrl(idp, options);
  const callback = await completeSignIn(request.url, credentials);
  const { status, json } = await exchangeCode(idp, request, callback);
  if (status !== 200) throw new Error(`code exchange failed: ${status} ${JSON.stringify(json)}`);
  return json;
}

/** GETs a URL and parses the JSON body. */
export async function getJson(
  url: string,
  headers: Record<string, string> = {},
): Promise<JsonResponse> {
  return parseJson(await httpRequest(url, { headers }));
}

/** Calls userinfo (`/oidc/me`) with a bearer token. */
export function fetchUserInfo(idp: DevIdp, accessToken: string) {
  return getJson(`${idp.issuer}/me`, { authorization: `Bearer ${accessToken}` });
}

/** A JWT's decoded header and payload (not verified; see `verifyJwt`). */
export interface DecodedJwt {
  header: Record<string, unknown>;
  payload: Record<string, unknown>;
}

/** Decodes a JWT without verifying it. */
export function decodeJwt(token: string): DecodedJwt {
  const [header = '', payload = ''] = token.split('.');
  const decode = (part: string) =>
    JSON.parse(Buffer.from(part, 'base64url').toString('utf8')) as Record<string, unknown>;
  return { header: decode(header), payload: decode(payload) };
}

/**
 * Verifies a JWT's ES384 signature against the IdP's JWKS (by `kid`) and decodes it.
 *
 * @throws {Error} for an unknown `kid`, an unexpected algorithm or a bad signature
 */
export async function verifyJwt(idp: DevIdp, token: string): Promise<DecodedJwt> {
  const decoded = decodeJwt(token);
  const { json } = await getJson(`${idp.issuer}/jwks`);
  const keys = (json.keys ?? []) as (JsonWebKey & { kid?: string })[];
  const jwk = keys.find((key) => key.kid === decoded.header.kid);
  if (!jwk) throw new Error(`no JWKS key with kid ${String(decoded.header.kid)}`);
  if (decoded.header.alg !== 'ES384')
    throw new Error(`unexpected alg ${String(decoded.header.alg)}`);
  const [header = '', payload = '', signature = ''] = token.split('.');
  const valid = verify(
    'sha384',
    Buffer.from(`${header}.${payload}`),
    { key: createPublicKey({ key: jwk, format: 'jwk' }), dsaEncoding: 'ieee-p1363' },
    Buffer.from(signature, 'base64url'),
  );
  if (!valid) throw new Error('bad JWT signature');
  return decoded;
}
