import type {
  InteractionMode,
  FirstScreen,
  Prompt,
  SignInIdentifier,
} from '../config/constants.js';
import type { IdTokenClaims } from '../protocol/claims.js';
import type { StoredSession } from '../session/SessionStore.js';
import type { CallbackRelay } from './callbackRelay.js';

/** Options of `signIn()`. Only `redirectUri` is required. */
export interface SignInOptions {
  /** Where Logto sends the user back; must be registered in Logto Console. */
  redirectUri: string;
  /** Where your app should go once the callback is handled; returned by `handleSignInCallback`. */
  postRedirectUri?: string;
  /** Overrides the configured prompt for this sign-in. */
  prompt?: Prompt | Prompt[];
  /** `signUp` opens the registration page (sent as `interaction_mode`). */
  interactionMode?: InteractionMode;
  /** The first screen of the sign-in experience (sent as `first_screen`; wins over `interactionMode`). */
  firstScreen?: FirstScreen;
  /** Which identifiers the first screen offers. */
  identifiers?: SignInIdentifier[];
  /** Pre-fills the identifier (`login_hint`). */
  loginHint?: string;
  /** Skips the sign-in page and goes straight to a social or SSO connector. */
  directSignIn?: { method: 'social' | 'sso'; target: string };
  /** Extra authorization parameters, appended last. */
  extraParams?: Record<string, string>;
  /** Forget the current tokens before leaving for sign-in. Default `true`, like @logto/browser. */
  clearTokens?: boolean;
}

/** Options of `createSignInUrl()`: those of `signIn()` (which it does not navigate to), plus: */
export interface SignInUrlOptions extends Omit<SignInOptions, 'clearTokens'> {
  /**
   * The callback will land in a popup or a hidden iframe that this window opens: there,
   * `handleSignInCallback` hands the URL back to this client instead of exchanging the code.
   */
  relay?: CallbackRelay;
  /** The sign-in must be by this user (`sub`), e.g. for a step-up; another is refused. */
  subject?: string;
  /**
   * The user must have signed in at most this many seconds before (`max_age`, checked against the
   * ID token's `auth_time` on Logto's clock with 30 s for the code exchange); an older sign-in is
   * refused (`auth_time_stale`) before anything is stored.
   */
  maxAge?: number;
}

/** A prepared sign-in: where to send the user and the transaction's `state`. */
export interface SignInRequest {
  /** The authorization URL. */
  url: string;
  /** The `state` in `url`; the callback will carry it. */
  state: string;
}

/** What `handleSignInCallback()` resolves to. */
export interface SignInCallbackResult {
  /** The `postRedirectUri` given to `signIn()`, if any. */
  postRedirectUri: string | undefined;
  /** The verified ID-token claims of the new session. */
  claims: IdTokenClaims;
}

/** A sign-in callback accepted: the new session, not stored yet. */
export interface CompletedSignIn extends SignInCallbackResult {
  /** The transaction's state, to be marked completed once the session is stored. */
  state: string;
  session: Pick<StoredSession, 'idToken' | 'refreshToken' | 'accessTokens' | 'clockOffset'>;
}
