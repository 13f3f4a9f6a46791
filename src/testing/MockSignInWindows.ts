import {
  LogtoConfigError,
  LogtoWindowError,
  LogtoNotAuthenticatedError,
  type AuthSnapshot,
  type IdTokenClaims,
  type ResolvedConfig,
  type SignInCallbackResult,
  type SignInRequest,
  type SignInUrlOptions,
} from '../core/index.js';
import type { SignInWindowMethods } from '../core/windows/SignInWindowClient.js';
import type { MockLogtoClient, MockMethodName } from './MockLogtoClient.js';

/** What the mock's window flows need from the mock client. */
export interface MockWindowHost {
  config(): ResolvedConfig;
  /** Records the call and throws the error configured for it. */
  enter<K extends MockMethodName>(method: K, args: Parameters<MockLogtoClient[K]>): void;
  snapshot(): AuthSnapshot;
  /** Signs the mock's user in with a fresh `auth_time`; returns the claims. */
  signInFresh(): IdTokenClaims;
  endSession(reason: 'signedOutElsewhere'): void;
  signedInAtLogto(): boolean;
}

/**
 * The mock client's `createSignInUrl`, `discardSignIn`, and `signInWithPopup` and friends: no
 * window opens; the outcome follows the mock's state (`signedInAtLogto`, injected errors).
 */
export class MockSignInWindows implements SignInWindowMethods {
  readonly #host: MockWindowHost;
  #requests = 0;

  constructor(host: MockWindowHost) {
    this.#host = host;
  }

  async createSignInUrl(options: SignInUrlOptions): Promise<SignInRequest> {
    this.#host.enter('createSignInUrl', [options]);
    if (typeof options.redirectUri !== 'string' || !URL.canParse(options.redirectUri))
      throw new LogtoConfigError('redirectUri', 'must be an absolute URL');
    await Promise.resolve();
    this.#requests += 1;
    const state = `mock-state-${this.#requests}`;
    const url = new URL(`${this.#host.config().issuer}/auth`);
    url.searchParams.set('redirect_uri', options.redirectUri);
    url.searchParams.set('state', state);
    return { url: url.href, state };
  }

  async discardSignIn(state: string): Promise<void> {
    this.#host.enter('discardSignIn', [state]);
    await Promise.resolve();
  }

  async signInWithPopup(
    ...args: Parameters<SignInWindowMethods['signInWithPopup']>
  ): Promise<SignInCallbackResult> {
    this.#host.enter('signInWithPopup', args);
    await Promise.resolve();
    return { postRedirectUri: args[0]?.postRedirectUri, claims: this.#host.signInFresh() };
  }

  async signInSilently(
    ...args: Parameters<SignInWindowMethods['signInSilently']>
  ): Promise<SignInCallbackResult> {
    this.#host.enter('signInSilently', args);
    await Promise.resolve();
    const { isAuthenticated, idTokenClaims } = this.#host.snapshot();
    const postRedirectUri = args[0]?.postRedirectUri;
    if (isAuthenticated && idTokenClaims) return { postRedirectUri, claims: idTokenClaims };
    if (!this.#host.signedInAtLogto())
      throw new LogtoWindowError('login_required', 'Not signed in at Logto', 'login_required');
    return { postRedirectUri, claims: this.#host.signInFresh() };
  }

  async checkSession(...args: Parameters<SignInWindowMethods['checkSession']>): Promise<boolean> {
    this.#host.enter('checkSession', args);
    await Promise.resolve();
    if (this.#host.signedInAtLogto()) return true;
    if (this.#host.snapshot().isAuthenticated) this.#host.endSession('signedOutElsewhere');
    return false;
  }

  async reauthenticate(
    ...args: Parameters<SignInWindowMethods['reauthenticate']>
  ): Promise<SignInCallbackResult> {
    this.#host.enter('reauthenticate', args);
    await Promise.resolve();
    if (!this.#host.snapshot().isAuthenticated) throw new LogtoNotAuthenticatedError();
    return { postRedirectUri: args[0]?.postRedirectUri, claims: this.#host.signInFresh() };
  }
}
