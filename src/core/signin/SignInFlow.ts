import type { ClientContext } from '../session/ClientContext.js';
import { FirstScreen } from '../config/constants.js';
import { LogtoCallbackError } from '../errors/LogtoCallbackError.js';
import { LogtoConfigError } from '../errors/LogtoConfigError.js';
import { LogtoNetworkError } from '../errors/LogtoNetworkError.js';
import { LogtoResponseError } from '../errors/LogtoResponseError.js';
import { LogtoWindowError } from '../errors/LogtoWindowError.js';
import { parseHttpUrl } from '../config/LogtoConfig.js';
import type { CallbackRelay } from './callbackRelay.js';
import { looksLikeCallback } from './looksLikeCallback.js';
import type { SignInSteps } from './SignInSteps.js';
import type { CompletedSignIn, SignInRequest, SignInUrlOptions } from './SignInOptions.js';
import { tokenKey } from '../session/tokenKey.js';

const firstScreens = new Set<string>(Object.values(FirstScreen));

/**
 * The authorization-code-with-PKCE flow. oidc-client-ts's `SigninState` makes the transaction:
 * the PKCE verifier and S256 challenge, and its storage format; we keep it keyed by `state`,
 * consume it once and sweep stale ones. We do not use its `OidcClient` facade: building Logto's
 * authorization URL takes a few lines here, while `OidcClient` adds 6.8 KB gzip to every app
 * (measured by `npm run bench`). The code exchange is ours too: it goes through the injected
 * `fetch`, parses Logto's error bodies, and the ID token is verified (signature included, which
 * oidc-client-ts does not do) before anything is stored.
 *
 * The steps themselves ({@link SignInSteps}) are imported the first time a sign-in starts or a
 * callback arrives, so a page that does neither never downloads them nor oidc-client-ts
 * (bundlers put them in a chunk of their own).
 */
export class SignInFlow {
  readonly #context: ClientContext;
  /** States of popup/iframe sign-ins this client started: their callbacks are its to finish. */
  readonly #ownRelays = new Set<string>();
  #steps: Promise<SignInSteps> | undefined;

  constructor(context: ClientContext) {
    this.#context = context;
  }

  /**
   * Creates a transaction and returns the authorization URL to navigate to.
   *
   * @throws LogtoConfigError for a bad `redirectUri` or `firstScreen`
   */
  async createSignInUrl(options: SignInUrlOptions): Promise<SignInRequest> {
    parseHttpUrl('redirectUri', options.redirectUri);
    if (options.firstScreen !== undefined && !firstScreens.has(options.firstScreen)) {
      throw new LogtoConfigError(
        'firstScreen',
        `must be one of ${[...firstScreens].join(', ')}, got ${JSON.stringify(options.firstScreen)}`,
      );
    }
    const request = await (await this.#load()).createRequest(options);
    if (options.relay) this.#ownRelays.add(request.state);
    return request;
  }

  /**
   * Where the callback of the pending sign-in with this state is to be handed, if another window
   * (not this client) started it for a popup or iframe.
   */
  async relayOf(state: string): Promise<CallbackRelay | undefined> {
    const relay = /^(popup|iframe)\./.exec(state)?.[1] as CallbackRelay | undefined;
    if (!relay || this.#ownRelays.has(state)) return undefined;
    return (await (await this.#load()).transactions.get(state)) ? relay : undefined;
  }

  /** Drops the pending sign-in with this state. */
  async discard(state: string): Promise<void> {
    this.#ownRelays.delete(state);
    await (await this.#load()).transactions.remove(state);
  }

  /**
   * Whether `url` is a sign-in callback: it carries `state` and `code` or `error`, and its path is
   * a redirect URI this browser has used for sign-in. Forged and replayed callbacks count too, so
   * that handling them reports a readable error instead of being ignored.
   */
  async isSignInRedirected(url: string): Promise<boolean> {
    if (!looksLikeCallback(url)) return false;
    const { origin, pathname } = new URL(url);
    const known = await (await this.#load()).transactions.knownRedirectUris();
    return known.some((uri) => {
      const target = new URL(uri);
      return target.origin === origin && target.pathname === pathname;
    });
  }

  /**
   * Warns that `url` is the callback of a sign-in this browser started and nothing handled it, if
   * `forgotten()` still says so once the promise turns a waiting handler needs have run.
   */
  async warnIfForgotten(url: string, forgotten: () => boolean): Promise<void> {
    if (!(await this.isSignInRedirected(url))) return;
    await new Promise((resolve) => setTimeout(resolve));
    if (forgotten()) (await this.#load()).warnForgotten(url);
  }

  /**
   * Validates the callback, exchanges the code and verifies the ID token. Returns the new tokens
   * without storing them; the caller stores them, then calls {@link markCompleted}.
   *
   * @throws LogtoCallbackError, LogtoResponseError, LogtoIdTokenError, LogtoTokenEndpointError,
   *   LogtoNetworkError
   */
  async completeSignIn(url: string): Promise<CompletedSignIn> {
    const params = new URL(url).searchParams;
    this.#context.log?.('callback', 'checking');
    const state = params.get('state');
    if (!state) {
      throw new LogtoCallbackError('callback_state_mismatch', 'The callback has no state');
    }
    this.#ownRelays.delete(state);
    const outcome = await (await this.#load()).complete(params, state);
    if ('refused' in outcome) {
      const { refused, message, ...details } = outcome;
      throw refused === 'response_invalid'
        ? new LogtoResponseError(message)
        : refused === 'auth_time_stale'
          ? new LogtoWindowError(refused, message)
          : new LogtoCallbackError(refused, message, details);
    }
    const { tokens, idToken, clockOffset, ...result } = outcome;
    return {
      ...result,
      session: {
        idToken,
        refreshToken: tokens.refreshToken,
        // Without a resource, Logto's code exchange returns the opaque token for userinfo.
        accessTokens: { [tokenKey()]: tokens.accessToken },
        clockOffset,
      },
    };
  }

  /** Records that the sign-in with this state finished, so a replay of its callback is recognised. */
  async markCompleted(state: string): Promise<void> {
    await (await this.#load()).transactions.markCompleted(state);
  }

  /**
   * The sign-in steps, loaded once. A failed download is not kept, so the next call tries again.
   *
   * @throws LogtoNetworkError when the chunk cannot be loaded
   */
  #load(): Promise<SignInSteps> {
    return (this.#steps ??= import('./SignInSteps.js').then(
      ({ SignInSteps }) => new SignInSteps(this.#context),
      (cause: unknown) => {
        this.#steps = undefined;
        // Chromium and Firefox name the chunk: "... dynamically imported module: <url>".
        throw new LogtoNetworkError(
          /imported module: (\S+)/.exec(String(cause))?.[1] ?? './SignInSteps.js',
          cause,
          ' (the sign-in code): check the connection, or reload the page if the app was updated',
        );
      },
    ));
  }
}
