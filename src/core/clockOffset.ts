import { LogtoIdTokenError } from './errors.js';

/**
 * The largest device-clock error the client corrects. A clock further off is most likely a
 * dead battery or a wrong year; HTTPS certificates would look invalid to such a browser anyway,
 * so sign-in fails with a message that names the clock instead of trusting a wild offset.
 */
export const maxClockOffsetSeconds = 86_400;

/** What is known when deciding which clock offset to judge an ID token's times by. */
export interface ClockOffsetInput {
  /** The token's `iat` (server time, epoch seconds), as received. */
  issuedAt: unknown;
  /** This device's time when the token arrived, epoch seconds. */
  deviceNow: number;
  /** The offset learned earlier in this session, if any. */
  known: number | undefined;
  /**
   * Whether this token is provably fresh, so its `iat` may teach the offset: on sign-in its
   * `nonce` matched the request; on refresh it was issued strictly later than the session's
   * current ID token (server time only moves forward, so no replayed token of this session is).
   */
  fresh: boolean;
  clockToleranceSeconds: number;
}

/**
 * Returns the offset (server time minus device time, seconds) to judge an ID token's `exp` and
 * `iat` by. The offset already known stands while the token's `iat` agrees with it; it is
 * (re)learned from the token's own `iat` only when the token is provably fresh — the first
 * token of a sign-in, or a refreshed one after the device clock was changed during the session.
 * Anything else keeps the known offset, so a stale or replayed token still fails the `iat` check.
 *
 * @throws LogtoIdTokenError (`issued_at`) when a fresh token puts the device clock more than
 *   {@link maxClockOffsetSeconds} off
 */
export function resolveClockOffset(input: ClockOffsetInput): number {
  const { issuedAt, deviceNow, known, fresh, clockToleranceSeconds } = input;
  if (typeof issuedAt !== 'number' || !Number.isFinite(issuedAt)) return known ?? 0;
  const agrees =
    known !== undefined && Math.abs(issuedAt - (deviceNow + known)) <= clockToleranceSeconds;
  if (agrees || !fresh) return known ?? 0;
  const learned = Math.round(issuedAt - deviceNow);
  if (Math.abs(learned) > maxClockOffsetSeconds) {
    throw new LogtoIdTokenError(
      'issued_at',
      "this device's clock is more than 24 hours off the server's; set the correct date and time",
    );
  }
  return learned;
}
