import type { SignInUrlOptions } from '../signin/SignInOptions.js';

// The options of the sign-in windows, apart from the functions that take them, so that
// `SignInWindowMethods` can name them without importing the functions.

/** Options of a `prompt=none` request in a hidden iframe. */
export interface SilentRequestOptions extends Pick<
  SignInUrlOptions,
  'postRedirectUri' | 'extraParams'
> {
  /** Where Logto sends the iframe back. Default `${location.origin}/callback`. */
  redirectUri?: string;
  /** Give up (`silent_sign_in_unavailable`) after this long. Default and maximum 5 s. */
  timeoutSeconds?: number;
}

/** Options of `signInSilently`. */
export type SilentSignInOptions = SilentRequestOptions;

/** Options of `checkSession`. */
export type CheckSessionOptions = Omit<SilentRequestOptions, 'postRedirectUri' | 'extraParams'>;

/** Options of `signInWithPopup`: those of `signIn()`, with defaults, plus the time limit. */
export interface PopupSignInOptions extends Omit<SignInUrlOptions, 'redirectUri' | 'relay'> {
  /** Where Logto sends the popup back. Default `${location.origin}/callback`. */
  redirectUri?: string;
  /** Give up (`popup_timeout`) after this long. Default 300 s. */
  timeoutSeconds?: number;
}

/** Options of `reauthenticate`. */
export interface ReauthenticateOptions extends Omit<PopupSignInOptions, 'subject'> {
  /**
   * Accept a sign-in at most this many seconds old (Logto shows its form only when the last one is
   * older). Default `0`: always ask again.
   */
  maxAge?: number;
}
