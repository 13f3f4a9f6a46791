import type { IdTokenClaims } from '../protocol/claims.js';
import type { LogtoError } from '../errors/LogtoError.js';

/**
 * Where the session is, as one value:
 * - `loading`: the stored session has not been read yet (or single sign-on on load is trying);
 * - `signedOut`: no session;
 * - `handlingCallback`: a sign-in callback is being handled (a session that was there stays until
 *   the new one replaces it);
 * - `signedIn`: a session, with its ID-token claims;
 * - `signingOut`: `signOut()` is leaving the page for Logto's end-session page.
 */
export type SessionStatus =
  'loading' | 'signedOut' | 'handlingCallback' | 'signedIn' | 'signingOut';

/**
 * The client's state at one moment, for rendering. `getSnapshot()` returns the same object until
 * something really changes, so it can feed React's `useSyncExternalStore` directly. The booleans
 * are derived from `status` (and kept for compatibility), so they never contradict each other.
 */
export interface AuthSnapshot {
  /** Where the session is; the booleans below are read from it. */
  readonly status: SessionStatus;
  /** `status === 'loading'`: true until the stored session has been read. */
  readonly isLoading: boolean;
  /** A session is there: `signedIn`, `signingOut`, or a callback handled over an existing session. */
  readonly isAuthenticated: boolean;
  /** The verified claims of the current ID token; `undefined` exactly when not authenticated. */
  readonly idTokenClaims: IdTokenClaims | undefined;
  /**
   * `status === 'signingOut'`: from `signOut()` until the page has left for Logto's end-session
   * page. The session is already gone from storage and from every other tab, but
   * `isAuthenticated` and the claims keep their values here: a guard that signs in whenever it
   * sees a signed-out state would otherwise start a sign-in that cancels the navigation and signs
   * the user straight back in. If the page is still here 10 s later (a blocked navigation, a
   * `navigate` that does not leave), the snapshot shows signed out.
   */
  readonly isSigningOut: boolean;
  /** `status === 'handlingCallback'`. */
  readonly isHandlingCallback: boolean;
  /** The last error that changed the auth state (a failed callback, an expired session). */
  readonly error: LogtoError | undefined;
  /** Increases whenever any stored token changes (here or in another tab). */
  readonly tokenRevision: number;
}

/** What a snapshot is made of; everything else is derived. */
export type SnapshotFields = Pick<
  AuthSnapshot,
  'status' | 'idTokenClaims' | 'error' | 'tokenRevision'
>;

/** The snapshot for `fields`, with the booleans derived, frozen. */
export function createSnapshot(fields: SnapshotFields): AuthSnapshot {
  const { status } = fields;
  // Claims stand for a session: they are dropped in the states that have none.
  const claims = status === 'loading' || status === 'signedOut' ? undefined : fields.idTokenClaims;
  return Object.freeze({
    ...fields,
    idTokenClaims: claims,
    isLoading: status === 'loading',
    isAuthenticated: claims !== undefined,
    isSigningOut: status === 'signingOut',
    isHandlingCallback: status === 'handlingCallback',
  });
}

/** The snapshot before anything has been read, also used for server rendering. */
export const initialSnapshot: AuthSnapshot = createSnapshot({
  status: 'loading',
  idTokenClaims: undefined,
  error: undefined,
  tokenRevision: 0,
});

/** Returns `current` itself when `patch` changes nothing, else a new snapshot. */
export function patchSnapshot(current: AuthSnapshot, patch: Partial<SnapshotFields>): AuthSnapshot {
  const next = createSnapshot({ ...current, ...patch });
  const changed = (Object.keys(next) as (keyof AuthSnapshot)[]).some(
    (key) => next[key] !== current[key],
  );
  return changed ? next : current;
}
