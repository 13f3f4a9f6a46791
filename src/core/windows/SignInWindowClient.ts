import type { LogtoClient } from '../LogtoClient.js';
import type { SignInCallbackResult } from '../signin/SignInOptions.js';
import type {
  CheckSessionOptions,
  PopupSignInOptions,
  ReauthenticateOptions,
  SilentSignInOptions,
} from './SignInWindowOptions.js';

/**
 * `signInWithPopup` and friends as methods bound to a client (safe to destructure), as
 * `useLogto()` hands them out. `LogtoClient` does not have them: they are standalone functions,
 * so an app that does not use them does not ship them. A client is never asked for methods of
 * these names: the functions always open the real window (tests pass `mockSignInWindows(mock)`
 * of `logto-spa/testing` where the app takes these functions).
 */
export interface SignInWindowMethods {
  /**
   * Signs in through Logto in a popup, without leaving the page. Call it straight from a click
   * handler. Rejects `popup_blocked`, `popup_closed`, `popup_timeout`, or Logto's answer.
   */
  signInWithPopup: (options?: PopupSignInOptions) => Promise<SignInCallbackResult>;
  /**
   * Single sign-on with no click, in a hidden iframe (`prompt=none`; Logto on the same site).
   * Rejects `login_required` or `silent_sign_in_unavailable`.
   */
  signInSilently: (options?: SilentSignInOptions) => Promise<SignInCallbackResult>;
  /**
   * Whether the user is still signed in at Logto; when not, the session ends in every tab
   * (reason `'signedOutElsewhere'`). Rejects `silent_sign_in_unavailable`.
   */
  checkSession: (options?: CheckSessionOptions) => Promise<boolean>;
  /**
   * Step-up: a fresh sign-in in a popup before a sensitive action (`maxAge`, default 0). Call it
   * from a click handler. Rejects `auth_time_stale`, and as `signInWithPopup`.
   */
  reauthenticate: (options?: ReauthenticateOptions) => Promise<SignInCallbackResult>;
}

/**
 * What `signInWithPopup`, `signInSilently`, `checkSession` and `reauthenticate` need of a client:
 * a structural slice of {@link LogtoClient}, so that a test double (such as the mock client of
 * `logto-spa/testing`) fits too. Only these methods are used: whatever else the object has, the
 * functions do the real work themselves.
 */
export type SignInWindowClient = Pick<
  LogtoClient,
  | 'config'
  | 'getSnapshot'
  | 'isAuthenticated'
  | 'getIdTokenClaims'
  | 'createSignInUrl'
  | 'discardSignIn'
  | 'handleSignInCallback'
  | 'getIdToken'
  | 'signOutForReason'
>;

/** The redirect URI used when none is given: the app's `/callback` route. */
export const defaultRedirectUri = (): string => `${window.location.origin}/callback`;
