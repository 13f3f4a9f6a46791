import { LogtoIdTokenError } from '../errors/LogtoIdTokenError.js';

/**
 * The largest device-clock error the client corrects. A clock further off is most likely a
 * dead battery or a wrong year; HTTPS certificates would look invalid to such a browser anyway,
 * so sign-in fails with a message that names the clock instead of trusting a wild offset.
 */
export const maxClockOffsetSeconds = 86_400;

/**
 * Returns the offset (server time minus device time, seconds) to judge an ID token's `exp` and
 * `iat` by. The offset already `known` stands while the token's `iat` agrees with it (within the
 * tolerance). It is (re)learned from the token's own `iat` only when the token is provably
 * `fresh`: on sign-in its `nonce` matched the request; on refresh it was issued strictly later
 * than the session's current ID token (server time only moves forward, so no replayed token of
 * this session is). Anything else keeps the known offset, so a stale token fails the `iat` check.
 *
 * @param issuedAt the token's `iat` (server time, epoch seconds)
 * @param deviceNow this device's time when the token arrived, epoch seconds
 * @throws LogtoIdTokenError (`issued_at`) when a fresh token puts the device clock more than
 *   {@link maxClockOffsetSeconds} off
 */
export function resolveClockOffset(
  issuedAt: number,
  deviceNow: number,
  known: number | undefined,
  fresh: boolean,
  toleranceSeconds: number,
): number {
  if (known !== undefined && (!fresh || Math.abs(issuedAt - deviceNow - known) <= toleranceSeconds))
    return known;
  if (!fresh) return 0;
  const learned = Math.round(issuedAt - deviceNow);
  if (Math.abs(learned) > maxClockOffsetSeconds) {
    throw new LogtoIdTokenError('issued_at', 'the device clock is over 24 h off; set it right');
  }
  return learned;
}
