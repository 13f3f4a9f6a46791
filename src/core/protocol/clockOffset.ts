import { LogtoIdTokenError } from '../errors/LogtoIdTokenError.js';

/**
 * The largest offset (seconds) the client learns from an ID token's `iat`. Learned from the token
 * itself, the offset is the device clock's error plus the token's age, which cannot be told
 * apart, so this also caps how old a sign-in token may be. An hour covers clocks tens of minutes
 * off; a Logto ID token (valid 1 h) older than that has expired anyway. Further off, sign-in fails
 * with a message that names the clock.
 */
export const maxClockOffsetSeconds = 3600;

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
 * @throws LogtoIdTokenError (`issued_at`) when a fresh token's `iat` is more than
 *   {@link maxClockOffsetSeconds} from the device clock
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
    throw new LogtoIdTokenError('issued_at', 'iat is over 1 h off: is the device clock right?');
  }
  return learned;
}
