import type { AccessTokenClaims } from '../../src/core/claims.js';
import { decodeJwt, type DecodedJwt } from '../../src/core/jwt.js';
import { supportedJwsAlgorithms, verifyJwsSignature } from '../../src/core/verifyJwsSignature.js';
import type { JwksCache } from './JwksCache.js';

/** Why a bearer token was refused. The message names the check, never the token. */
export class InvalidAccessTokenError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidAccessTokenError';
  }
}

/** What {@link verifyAccessToken} checks the token against. */
export interface AccessTokenExpectations {
  /** The IdP's issuer, e.g. `http://127.0.0.1:3001/oidc`. */
  issuer: string;
  /** The API resource indicator (or organization URN) the token must be issued for. */
  audience: string;
  keys: JwksCache;
  /** Epoch seconds. */
  now: number;
  /** Allowed clock skew for `exp`, `nbf` and `iat`. */
  clockToleranceSeconds: number;
}

// RFC 9068 access tokens are typed `at+jwt`; the type keeps an ID token from passing as one.
const accessTokenTypes = new Set(['at+jwt', 'application/at+jwt']);

/**
 * Verifies a JWT access token as a resource server must (RFC 9068): its type, its signature
 * against the issuer's JWKS, then `iss`, `aud`, `exp`, `nbf` and `iat`. Scopes are the caller's
 * business: a valid token without the needed scope is a 403, not a 401.
 *
 * @returns the verified claims
 * @throws InvalidAccessTokenError for any failed check; JwksUnavailableError when the keys
 *   cannot be fetched
 */
export async function verifyAccessToken(
  token: string,
  expected: AccessTokenExpectations,
): Promise<AccessTokenClaims> {
  let jwt: DecodedJwt;
  try {
    jwt = decodeJwt(token);
  } catch {
    throw new InvalidAccessTokenError('The access token is not a JWT.');
  }
  const { header, payload } = jwt;
  if (typeof header.typ !== 'string' || !accessTokenTypes.has(header.typ.toLowerCase())) {
    throw new InvalidAccessTokenError('The token is not an access token (typ must be at+jwt).');
  }
  const alg = String(header.alg);
  if (!supportedJwsAlgorithms.includes(alg)) {
    throw new InvalidAccessTokenError(`The signing algorithm ${alg} is not accepted.`);
  }
  const kid = typeof header.kid === 'string' ? header.kid : undefined;
  const key = await expected.keys.find(kid, alg);
  if (!key) throw new InvalidAccessTokenError('The token was signed with an unknown key.');
  try {
    await verifyJwsSignature(jwt, key);
  } catch {
    throw new InvalidAccessTokenError('The token signature does not verify.');
  }

  const claims = payload as Partial<AccessTokenClaims>;
  if (claims.iss !== expected.issuer) {
    throw new InvalidAccessTokenError('The token was issued by another identity provider.');
  }
  const audiences = Array.isArray(claims.aud) ? claims.aud : [claims.aud];
  if (!audiences.includes(expected.audience)) {
    throw new InvalidAccessTokenError(`The token is not meant for ${expected.audience}.`);
  }
  const { now, clockToleranceSeconds: tolerance } = expected;
  if (typeof claims.exp !== 'number' || claims.exp + tolerance <= now) {
    throw new InvalidAccessTokenError('The token has expired.');
  }
  if (typeof claims.nbf === 'number' && claims.nbf - tolerance > now) {
    throw new InvalidAccessTokenError('The token is not valid yet.');
  }
  if (typeof claims.iat === 'number' && claims.iat - tolerance > now) {
    throw new InvalidAccessTokenError('The token was issued in the future.');
  }
  if (typeof claims.sub !== 'string') {
    throw new InvalidAccessTokenError('The token has no subject.');
  }
  return claims as AccessTokenClaims;
}

/** The token's scopes as a list (`scope` is space-separated). */
export function scopesOf(claims: AccessTokenClaims): string[] {
  return typeof claims.scope === 'string' ? claims.scope.split(' ').filter(Boolean) : [];
}
