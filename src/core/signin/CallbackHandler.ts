import { toLogtoError } from '../errors/LogtoUnexpectedError.js';
import type { LogtoLogger } from '../config/logger.js';
import { errorDetails } from '../config/logger.js';
import { parseHttpUrl } from '../config/LogtoConfig.js';
import type { SessionController } from '../session/SessionController.js';
import { relayCallback } from './callbackRelay.js';
import type { SignInFlow } from './SignInFlow.js';
import type { SignInCallbackResult } from './SignInOptions.js';

/** What handling a callback needs from its client. */
export interface CallbackHandlerDeps {
  flow: SignInFlow;
  controller: SessionController;
  log: LogtoLogger | undefined;
}

/**
 * The redirect back from Logto: the code exchange and the new session, one token request per
 * callback URL however many times it is handled at once (React StrictMode, a double click); in a
 * popup or iframe opened for a sign-in, the hand-over of the URL to the window that opened it.
 */
export class CallbackHandler {
  readonly #deps: CallbackHandlerDeps;
  /**
   * Callbacks handled or being handled, by `state`. A failure is forgotten once it settles, so the
   * same URL can be tried again once its cause is gone (storage, the sign-in chunk not
   * downloading); a URL that did sign in resolves alike again (HMR, a late second call).
   */
  readonly #pending = new Map<string, Promise<SignInCallbackResult>>();
  /** The `state` of every callback handed to {@link handle}, whatever became of it. */
  readonly #seen = new Set<string>();

  constructor(deps: CallbackHandlerDeps) {
    this.#deps = deps;
  }

  /** Handles `url`; a call with the same `state` joins the pending or successful one. */
  handle(url: string): Promise<SignInCallbackResult> {
    const key = parseHttpUrl('url', url).searchParams.get('state') ?? url;
    this.#seen.add(key);
    let pending = this.#pending.get(key);
    if (!pending) {
      pending = this.#handle(url);
      this.#pending.set(key, pending);
      pending.catch(() => this.#pending.delete(key));
    }
    return pending;
  }

  /** Whether a callback with the `state` of `url` was handed to {@link handle} (by anyone). */
  handles(url: string): boolean {
    return this.#seen.has(new URL(url).searchParams.get('state') ?? url);
  }

  async #handle(url: string): Promise<SignInCallbackResult> {
    const { flow, controller, log } = this.#deps;
    await controller.ready();
    const state = new URL(url).searchParams.get('state') ?? '';
    const relay = await flow.relayOf(state);
    // The window that opened this one finishes the sign-in and closes it.
    if (relay) return relayCallback(url, state, relay);
    controller.handlingCallback();
    try {
      const result = await flow.completeSignIn(url);
      const claims = await controller.signedIn(result.session);
      await flow.markCompleted(result.state);
      log?.('callback', 'stored');
      return { postRedirectUri: result.postRedirectUri, claims };
    } catch (error) {
      log?.('error', 'callback', errorDetails(error));
      // Always a LogtoError, so that callers can switch on `code` (storage throws DOMExceptions).
      const failure = toLogtoError(error);
      controller.callbackFailed(failure);
      throw failure;
    }
  }
}
