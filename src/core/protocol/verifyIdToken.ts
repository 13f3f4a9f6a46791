import type { IdTokenClaims } from './claims.js';
import { resolveClockOffset } from './clockOffset.js';
import { LogtoIdTokenError } from '../errors/LogtoIdTokenError.js';
import { decodeJwt, type DecodedJwt } from './jwt.js';
import {
  isKeyUsableFor,
  jwsAlgorithmOf,
  verifyJwsSignature,
  type PublicJwk,
} from './verifyJwsSignature.js';

/** What an ID token must match. */
export interface IdTokenExpectations {
  issuer: string;
  clientId: string;
  /** The nonce sent with the authorization request; required on sign-in, absent on refresh. */
  nonce?: string | undefined;
  /** On refresh: the `sub` of the current session, which must not change. */
  subject?: string | undefined;
  /** On refresh: the `iat` of the session's current ID token; a later one proves freshness. */
  previousIssuedAt?: number | undefined;
  /** On refresh: server time minus device time, as learned at sign-in (seconds). */
  clockOffset?: number | undefined;
  /** This device's current time, epoch seconds. */
  now: number;
  clockToleranceSeconds: number;
}

/** A verified ID token's claims, and the clock offset its times were judged by. */
export interface VerifiedIdToken {
  claims: IdTokenClaims;
  /** Server time minus device time (seconds); keep it with the session for the next refresh. */
  clockOffset: number;
}

/** Supplies signing keys; `refresh` asks for a fresh copy when the token's `kid` is unknown. */
export type KeySource = (refresh: boolean) => Promise<PublicJwk[]>;

/**
 * Verifies an ID token: signature against the provider's keys (refetched once for an unknown
 * `kid`), then `iss`, `aud`, `azp`, `nonce` and `sub`, and only then the times `exp` and `iat`,
 * judged by the server's clock rather than the device's: the offset between the two is learned
 * from a token that passed every other check and is provably fresh (see
 * {@link resolveClockOffset}), so a device clock up to an hour off does not break sign-in. A
 * token that taught the offset cannot vouch for its own age, so its `exp` must also hold by the
 * device clock: on a device whose clock is right, a token expired beyond the tolerance never
 * passes.
 * oidc-client-ts checks none of the signature and time claims, so the client calls this on every
 * ID token it receives.
 *
 * @throws LogtoIdTokenError naming the failed check
 */
export async function verifyIdToken(
  token: string,
  expected: IdTokenExpectations,
  keys: KeySource,
): Promise<VerifiedIdToken> {
  let jwt: DecodedJwt;
  try {
    jwt = decodeJwt(token);
  } catch (cause) {
    throw new LogtoIdTokenError('malformed', 'not a JWT', { cause });
  }
  await verifyWithKnownKey(jwt, keys);

  const claims = jwt.payload;
  const { now, clockToleranceSeconds: tolerance } = expected;
  if (claims.iss !== expected.issuer) {
    throw new LogtoIdTokenError('issuer', `iss is not ${expected.issuer}`);
  }
  const audiences = Array.isArray(claims.aud) ? (claims.aud as unknown[]) : [claims.aud];
  if (!audiences.includes(expected.clientId)) {
    throw new LogtoIdTokenError('audience', `aud does not include ${expected.clientId}`);
  }
  // OIDC Core 3.1.3.7: a token for several audiences must name us as its authorized party, and
  // an azp, when present, must be us: otherwise it was issued to another client.
  if ((audiences.length > 1 || claims.azp !== undefined) && claims.azp !== expected.clientId) {
    throw new LogtoIdTokenError('audience', 'azp does not match the client');
  }
  if (expected.nonce !== undefined && claims.nonce !== expected.nonce) {
    throw new LogtoIdTokenError('nonce', 'nonce does not match the sign-in request');
  }
  if (typeof claims.sub !== 'string' || claims.sub === '') {
    throw new LogtoIdTokenError('subject', 'sub is missing');
  }
  if (expected.subject !== undefined && claims.sub !== expected.subject) {
    throw new LogtoIdTokenError('subject', 'sub changed during the session');
  }

  // Times last: only a token that passed every check above may teach the clock offset.
  const { iat, exp } = claims;
  if (typeof iat !== 'number') throw badIssuedAt();
  const previous = expected.previousIssuedAt;
  const clockOffset = resolveClockOffset(
    iat,
    now,
    expected.clockOffset,
    expected.nonce !== undefined || (previous !== undefined && iat > previous),
    tolerance,
  );
  const serverNow = now + clockOffset;
  // An offset learned from this very token makes serverNow its own iat, which says nothing of
  // its age: then its exp must hold by the device clock as well.
  const expiryJudgedAt =
    clockOffset === expected.clockOffset ? serverNow : Math.max(serverNow, now);
  if (typeof exp !== 'number' || exp + tolerance < expiryJudgedAt) {
    throw new LogtoIdTokenError('expired', 'the token has expired');
  }
  if (Math.abs(iat - serverNow) > tolerance) throw badIssuedAt();
  return { claims: claims as IdTokenClaims, clockOffset };
}

function badIssuedAt(): LogtoIdTokenError {
  return new LogtoIdTokenError('issued_at', 'iat is missing or outside the clock tolerance');
}

async function verifyWithKnownKey(jwt: DecodedJwt, keys: KeySource): Promise<void> {
  const alg = jwsAlgorithmOf(jwt);
  const kid = typeof jwt.header.kid === 'string' ? jwt.header.kid : undefined;
  const pick = (list: PublicJwk[]) =>
    list.filter((key) => (kid === undefined || key.kid === kid) && isKeyUsableFor(key, alg));

  let candidates = pick(await keys(false));
  // An unknown kid usually means the provider rotated its keys: fetch them once more.
  if (candidates.length === 0) candidates = pick(await keys(true));
  if (candidates.length === 0) {
    throw new LogtoIdTokenError('key', `no ${alg} signing key${kid ? ` with kid ${kid}` : ''}`);
  }
  let failure: unknown;
  for (const key of candidates) {
    try {
      await verifyJwsSignature(jwt, key, alg);
      return;
    } catch (error) {
      failure = error;
    }
  }
  throw failure;
}
