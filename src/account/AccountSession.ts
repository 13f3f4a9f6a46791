/**
 * One Logto sign-in session of the user (a browser where they are signed in to Logto), as
 * `GET /api/my-account/sessions` lists it.
 *
 * @example
 * ```ts
 * const sessions: AccountSession[] = await accountClient.listSessions();
 * for (const session of sessions) console.log(session.id, new Date(session.expiresAt));
 * ```
 */
export interface AccountSession {
  /** The session's id, to pass to `revokeSession`. */
  id: string;
  /** Epoch milliseconds. */
  expiresAt: number;
  /** Epoch seconds of the sign-in (Logto's `loginTs`). */
  signedInAt: number | undefined;
  /** The app the session signed in to, when Logto knows it. */
  clientId: string | null;
  /** Where the last sign-in came from (IP, user agent), when Logto recorded it. */
  lastSubmission: unknown;
}
