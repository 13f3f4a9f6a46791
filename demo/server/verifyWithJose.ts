import { createRemoteJWKSet, customFetch, errors, jwtVerify, type JWTPayload } from 'jose';

/** Why a bearer token was refused. The message names the check, never the token. */
export class InvalidAccessTokenError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidAccessTokenError';
  }
}

/** The identity provider's keys could not be fetched: the API cannot judge any token. */
export class JwksUnavailableError extends Error {
  constructor(options: { cause: unknown }) {
    super("The identity provider's signing keys cannot be fetched.", options);
    this.name = 'JwksUnavailableError';
  }
}

/** How the demo API verifies tokens. */
export interface AccessTokenVerifierOptions {
  /** The IdP's issuer; its keys are at `${issuer}/jwks`. */
  issuer: string;
  /** The clock in epoch seconds. */
  now: () => number;
  /** Allowed clock skew for `exp`, `nbf` and `iat`. */
  clockToleranceSeconds: number;
  /** An unknown `kid` refetches the key set at most this often. */
  jwksCooldownSeconds: number;
  /** For the key-set request. Default: the global `fetch`. */
  fetch?: typeof fetch | undefined;
}

/** Verifies `token` for `audience`; resolves its claims. */
export type AccessTokenVerifier = (token: string, audience: string) => Promise<JWTPayload>;

/**
 * Verifies JWT access tokens as a resource server written by a user of this SDK would: with
 * `jose`, against the IdP's published keys (cached; fetched again for a key it has not seen,
 * as after a key rotation), checking the RFC 9068 type `at+jwt`, issuer, audience and times.
 * Scopes are the caller's business: a valid token without the needed scope is a 403, not a 401.
 *
 * @throws InvalidAccessTokenError for a token that fails a check; JwksUnavailableError when the
 *   keys cannot be fetched
 */
export function createAccessTokenVerifier(
  options: AccessTokenVerifierOptions,
): AccessTokenVerifier {
  const keys = createRemoteJWKSet(new URL(`${options.issuer}/jwks`), {
    cooldownDuration: options.jwksCooldownSeconds * 1000,
    ...(options.fetch ? { [customFetch]: options.fetch } : {}),
  });
  return async (token, audience) => {
    try {
      const { payload } = await jwtVerify(token, keys, {
        issuer: options.issuer,
        audience,
        typ: 'at+jwt',
        requiredClaims: ['exp', 'sub'],
        clockTolerance: options.clockToleranceSeconds,
        currentDate: new Date(options.now() * 1000),
      });
      return payload;
    } catch (error) {
      throw refusal(error, audience);
    }
  };
}

/** jose's error → the reason the API gives (RFC 6750 `error_description`). */
function refusal(error: unknown, audience: string): Error {
  if (error instanceof errors.JWTExpired) {
    return new InvalidAccessTokenError('The token has expired.');
  }
  if (error instanceof errors.JWTClaimValidationFailed) {
    const reasons: Record<string, string> = {
      aud: `The token is not meant for ${audience}.`,
      iss: 'The token was issued by another identity provider.',
      nbf: 'The token is not valid yet.',
      iat: 'The token was issued in the future.',
      typ: 'The token is not an access token (typ must be at+jwt).',
    };
    return new InvalidAccessTokenError(
      reasons[error.claim] ?? `The token's ${error.claim} claim is not acceptable.`,
    );
  }
  if (error instanceof errors.JWSSignatureVerificationFailed) {
    return new InvalidAccessTokenError('The token signature does not verify.');
  }
  if (error instanceof errors.JWKSNoMatchingKey) {
    return new InvalidAccessTokenError('The token was signed with an unknown key.');
  }
  if (error instanceof errors.JOSEAlgNotAllowed || error instanceof errors.JOSENotSupported) {
    return new InvalidAccessTokenError("The token's signing algorithm is not accepted.");
  }
  if (error instanceof errors.JWSInvalid || error instanceof errors.JWTInvalid) {
    return new InvalidAccessTokenError('The access token is not a JWT.');
  }
  // Anything else is the key set being out of reach (timeout, network, not a JWKS).
  return new JwksUnavailableError({ cause: error });
}
