import type { CheckSessionOptions } from './checkSession.js';
import type { LogtoClient } from './LogtoClient.js';
import type { ReauthenticateOptions } from './reauthenticate.js';
import type { SignInCallbackResult } from './SignInFlow.js';
import type { SilentSignInOptions } from './signInSilently.js';
import type { PopupSignInOptions } from './signInWithPopup.js';

/**
 * `signInWithPopup` and friends as methods. `LogtoClient` does not have them (they are standalone
 * functions, so an app that does not use them does not ship them); a test double may, and then
 * the functions call its method instead of opening a window. The test kit's mock client does.
 */
export interface SignInWindowMethods {
  signInWithPopup(options?: PopupSignInOptions): Promise<SignInCallbackResult>;
  signInSilently(options?: SilentSignInOptions): Promise<SignInCallbackResult>;
  checkSession(options?: CheckSessionOptions): Promise<boolean>;
  reauthenticate(options?: ReauthenticateOptions): Promise<SignInCallbackResult>;
}

/**
 * What `signInWithPopup`, `signInSilently`, `checkSession` and `reauthenticate` need of a client:
 * a structural slice of {@link LogtoClient}, so that a test double (such as the mock client of
 * `logto-spa/testing`) fits too, optionally with its own {@link SignInWindowMethods}.
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
  | 'clearAllTokens'
> &
  Partial<SignInWindowMethods>;

/** The redirect URI used when none is given: the app's `/callback` route. */
export const defaultRedirectUri = (): string => `${window.location.origin}/callback`;
