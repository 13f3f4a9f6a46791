import { LogtoError } from '../errors/LogtoError.js';
import type { LogtoLogger } from '../config/logger.js';
import { errorDetails } from '../config/logger.js';
import { parseHttpUrl } from '../config/LogtoConfig.js';
import type { IdTokenClaims } from '../protocol/claims.js';
import type { AuthState } from '../session/AuthState.js';
import { relayCallback } from './callbackRelay.js';
import type { SignInFlow } from './SignInFlow.js';
import type { CompletedSignIn, SignInCallbackResult } from './SignInOptions.js';

/** What handling a callback needs from its client. */
export interface CallbackHandlerDeps {
  flow: SignInFlow;
  state: AuthState;
  log: LogtoLogger | undefined;
  /** Reads the stored session once per page (the client's start). */
  init(): Promise<void>;
  /** Stores the new session and announces it; returns its claims. */
  storeSession(session: CompletedSignIn['session']): Promise<IdTokenClaims>;
}

/**
 * The redirect back from Logto: the code exchange and the new session, once per callback URL
 * however many times it is handled (React StrictMode, a double click); in a popup or iframe
 * opened for a sign-in, the hand-over of the URL to the window that opened it.
 */
export class CallbackHandler {
  readonly #deps: CallbackHandlerDeps;
  readonly #callbacks = new Map<string, Promise<SignInCallbackResult>>();

  constructor(deps: CallbackHandlerDeps) {
    this.#deps = deps;
  }

  /** Handles `url`; a second call with the same `state` joins the first. */
  handle(url: string): Promise<SignInCallbackResult> {
    const key = parseHttpUrl('url', url).searchParams.get('state') ?? url;
    let pending = this.#callbacks.get(key);
    if (!pending) {
      pending = this.#handle(url);
      this.#callbacks.set(key, pending);
    }
    return pending;
  }

  async #handle(url: string): Promise<SignInCallbackResult> {
    const { flow, state: auth, log } = this.#deps;
    await this.#deps.init();
    const state = new URL(url).searchParams.get('state') ?? '';
    const relay = await flow.relayOf(state);
    // The window that opened this one finishes the sign-in and closes it.
    if (relay) return relayCallback(url, state, relay);
    auth.set({ isHandlingCallback: true });
    try {
      const result = await flow.completeSignIn(url);
      const claims = await this.#deps.storeSession(result.session);
      await flow.markCompleted(result.state);
      log?.('callback', 'stored');
      return { postRedirectUri: result.postRedirectUri, claims };
    } catch (error) {
      log?.('error', 'callback', errorDetails(error));
      auth.set({
        isHandlingCallback: false,
        error: error instanceof LogtoError ? error : undefined,
      });
      throw error;
    }
  }
}
