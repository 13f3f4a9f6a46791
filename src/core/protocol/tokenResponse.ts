import { LogtoResponseError } from '../errors/LogtoResponseError.js';

/** One access token as cached. Times are epoch seconds. */
export interface AccessTokenRecord {
  token: string;
  scope: string;
  receivedAt: number;
  expiresAt: number;
}

/** A token endpoint answer, checked and converted from the wire's snake_case. */
export interface TokenResponse {
  accessToken: AccessTokenRecord;
  idToken: string | undefined;
  refreshToken: string | undefined;
}

/**
 * Checks the shape of a token endpoint response. Expiry is measured from the moment we received
 * it (`now`), not from the token's `iat`, so a skewed client clock does not matter.
 *
 * @throws LogtoResponseError when a required field is missing or mistyped
 */
export function parseTokenResponse(body: Record<string, unknown>, now: number): TokenResponse {
  const { access_token, expires_in, id_token, refresh_token, scope } = body;
  if (typeof access_token !== 'string' || access_token === '') {
    throw new LogtoResponseError('Token response has no access_token');
  }
  if (typeof expires_in !== 'number' || !(expires_in > 0)) {
    throw new LogtoResponseError('Token response has no positive expires_in');
  }
  if (id_token !== undefined && typeof id_token !== 'string') {
    throw new LogtoResponseError('Token response has a malformed id_token');
  }
  if (refresh_token !== undefined && typeof refresh_token !== 'string') {
    throw new LogtoResponseError('Token response has a malformed refresh_token');
  }
  return {
    accessToken: {
      token: access_token,
      scope: typeof scope === 'string' ? scope : '',
      receivedAt: now,
      expiresAt: now + expires_in,
    },
    idToken: id_token,
    refreshToken: refresh_token,
  };
}

/**
 * When a cached token stops counting as fresh (epoch seconds): it is handed out before, refreshed
 * from then on. The leeway is capped at half the token's lifetime so that very short-lived tokens
 * (seconds, in tests) are still usable at all.
 */
export function refreshTime(record: AccessTokenRecord, leeway: number): number {
  const lifetime = record.expiresAt - record.receivedAt;
  return record.expiresAt - Math.min(leeway, lifetime / 2);
}
