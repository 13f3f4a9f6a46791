import type { LogtoError, SignInCallbackResult } from '../core/index.js';
import { checkCallbackUrl, parseUrl } from './checkCallbackUrl.js';
import type { MockCallLog } from './MockCallLog.js';
import type { MockSession } from './MockSession.js';

/**
 * The mock client's `handleSignInCallback`: checks the URL as the real client does without an
 * identity provider (state, Logto's `error`, code), signs the mock's user in, and settles the
 * same callback handled twice (StrictMode) the same way, recording both calls.
 */
export class MockCallbackHandler {
  readonly #pending = new Map<string, Promise<SignInCallbackResult>>();
  readonly #session: MockSession;
  readonly #log: MockCallLog;
  readonly #enter: (url: string) => void;

  /**
   * @param enter records the call and throws the error injected for it
   */
  constructor(session: MockSession, log: MockCallLog, enter: (url: string) => void) {
    this.#session = session;
    this.#log = log;
    this.#enter = enter;
  }

  handle(url: string): Promise<SignInCallbackResult> {
    const state = parseUrl(url)?.searchParams.get('state') ?? url;
    let pending = this.#pending.get(state);
    if (!pending) {
      pending = this.#handleOnce(url);
      this.#pending.set(state, pending);
    } else {
      this.#log.record('handleSignInCallback', [url]);
    }
    return pending;
  }

  async #handleOnce(url: string): Promise<SignInCallbackResult> {
    const session = this.#session;
    // Like the client, not while loading (single sign-on on load lands its callback then).
    if (session.snapshot.status !== 'loading') session.update({ status: 'handlingCallback' });
    try {
      // An injected error fails the callback like a real failure: it lands in the snapshot too.
      this.#enter(url);
      await Promise.resolve();
      checkCallbackUrl(url);
    } catch (error) {
      // Back to the session there was, if any, with the error.
      const status = session.snapshot.idTokenClaims ? 'signedIn' : 'signedOut';
      session.update({ status, error: error as LogtoError });
      throw error;
    }
    this.#session.signInAs();
    const lastSignIn = this.#log.callsOf('signIn').at(-1)?.[0];
    return {
      postRedirectUri: typeof lastSignIn === 'object' ? lastSignIn.postRedirectUri : undefined,
      claims: this.#session.requireClaims(),
    };
  }
}
