import type { CallbackHandler } from './CallbackHandler.js';
import { looksLikeCallback } from './looksLikeCallback.js';
import type { SignInFlow } from './SignInFlow.js';

/** How long a callback may wait in the address bar for its handler before the console says so. */
export const forgottenCallbackMs = 1000;

/**
 * A forgotten callback route: the user signed in, landed on `/callback?code=…&state=…`, and no
 * code handles it (a blank page, never signed in). If, {@link forgottenCallbackMs} after the
 * client starts on such a page, nothing has handled the callback and the page is still there,
 * the flow warns (once, and only for a redirect URI this browser signed in with). Call once, when
 * the client starts.
 */
export function watchForgottenCallback(
  flow: SignInFlow,
  callback: CallbackHandler,
  stopped: () => boolean,
): void {
  if (typeof location === 'undefined' || !looksLikeCallback(location.href)) return;
  const url = location.href;
  const forgotten = () => !stopped() && location.href === url && !callback.handles(url);
  setTimeout(() => {
    if (forgotten()) void flow.warnIfForgotten(url, forgotten).catch(() => undefined);
  }, forgottenCallbackMs);
}
