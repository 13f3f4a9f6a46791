/**
 * How a popup or a hidden iframe hands the sign-in callback URL to the window that started the
 * sign-in. Two paths: `postMessage` to the opener/parent (target origin: our own), and a
 * BroadcastChannel named after the transaction's `state`, for when something (a proxy's COOP
 * header, a browser policy) cut `window.opener`. The receiver checks origin, source and state.
 */

/** Where the callback of a sign-in started by `createSignInUrl({ relay })` lands. */
export type CallbackRelay = 'popup' | 'iframe';

/** The type of the message both paths carry: `{ type, url }`. */
export const callbackMessageType = 'logto:callback';

/**
 * Sends `url` (the callback for `state`) to the window that waits for it. A popup closes itself
 * a moment later, in case its opener lost the handle to close it. The promise never settles:
 * this page has nothing left to do.
 */
export function relayCallback(url: string, state: string, relay: CallbackRelay): Promise<never> {
  const message = { type: callbackMessageType, url };
  const target = relay === 'popup' ? (window.opener as Window | null) : window.parent;
  if (target && target !== window) target.postMessage(message, location.origin);
  if (typeof BroadcastChannel === 'function') {
    const channel = new BroadcastChannel(callbackMessageType + state);
    channel.postMessage(message);
    channel.close();
  }
  if (relay === 'popup') setTimeout(() => window.close(), 1000);
  return new Promise(() => undefined);
}
