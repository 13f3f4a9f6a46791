import type { IdTokenClaims } from '../protocol/claims.js';
import type { LogtoError } from '../errors/LogtoError.js';

/**
 * The client's state at one moment, for rendering. `getSnapshot()` returns the same object until
 * something really changes, so it can feed React's `useSyncExternalStore` directly.
 */
export interface AuthSnapshot {
  /** True until the stored session has been read. */
  readonly isLoading: boolean;
  readonly isAuthenticated: boolean;
  /** The verified claims of the current ID token. */
  readonly idTokenClaims: IdTokenClaims | undefined;
  /**
   * True from `signOut()` until the page has left for Logto's end-session page. The session is
   * already gone from storage and from every other tab, but `isAuthenticated` and the claims keep
   * their values here: a guard that signs in whenever it sees a signed-out state would otherwise
   * start a sign-in that cancels the navigation and signs the user straight back in. If the page
   * is still here 10 s later (a blocked navigation, a `navigate` that
   * does not leave), the snapshot shows signed out.
   */
  readonly isSigningOut: boolean;
  /** True while a sign-in callback is being handled. */
  readonly isHandlingCallback: boolean;
  /** The last error that changed the auth state (a failed callback, an expired session). */
  readonly error: LogtoError | undefined;
  /** Increases whenever any stored token changes (here or in another tab). */
  readonly tokenRevision: number;
}

/** The snapshot before anything has been read, also used for server rendering. */
export const initialSnapshot: AuthSnapshot = Object.freeze({
  isLoading: true,
  isAuthenticated: false,
  idTokenClaims: undefined,
  isSigningOut: false,
  isHandlingCallback: false,
  error: undefined,
  tokenRevision: 0,
});

/** Returns `current` itself when `patch` changes nothing, else a new frozen snapshot. */
export function patchSnapshot(current: AuthSnapshot, patch: Partial<AuthSnapshot>): AuthSnapshot {
  const changed = (Object.keys(patch) as (keyof AuthSnapshot)[]).some(
    (key) => patch[key] !== current[key],
  );
  return changed ? Object.freeze({ ...current, ...patch }) : current;
}
