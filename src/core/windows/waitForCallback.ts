import { callbackMessageType } from '../signin/callbackRelay.js';
import { LogtoWindowError, type LogtoWindowErrorCode } from '../errors/LogtoWindowError.js';

/**
 * Resolves with the callback URL that the popup or iframe relays (see `relayCallback`). It is
 * accepted only from our own origin, from `source` (for `postMessage`), for exactly `state`, and
 * only as a URL on our origin: a message forged by another window or site is ignored, so it can
 * neither complete nor cancel a sign-in. Rejects with `timeout` after `timeoutMs`, or when
 * `isClosed()` turns true (checked twice a second). Everything it listens to is released when it
 * settles.
 */
export function waitForCallback(
  state: string,
  source: MessageEventSource | null,
  timeoutMs: number,
  timeout: LogtoWindowErrorCode,
  isClosed: () => boolean = () => false,
): Promise<string> {
  return new Promise((resolve, reject) => {
    const { origin } = location;
    const channel =
      typeof BroadcastChannel === 'function'
        ? new BroadcastChannel(callbackMessageType + state)
        : undefined;
    const finish = (error?: LogtoWindowErrorCode, url?: string): void => {
      clearTimeout(timer);
      clearInterval(poll);
      removeEventListener('message', onMessage);
      channel?.close();
      if (url) resolve(url);
      else reject(new LogtoWindowError(error ?? timeout, `Sign-in window: ${error ?? timeout}`));
    };
    const accept = (data: unknown): void => {
      const { type, url } = (data ?? {}) as { type?: unknown; url?: unknown };
      if (type !== callbackMessageType || typeof url !== 'string' || !URL.canParse(url)) return;
      const parsed = new URL(url);
      if (parsed.origin === origin && parsed.searchParams.get('state') === state)
        finish(undefined, url);
    };
    const onMessage = (event: MessageEvent): void => {
      if (event.origin === origin && event.source === source) accept(event.data);
    };
    const timer = setTimeout(finish, timeoutMs);
    const poll = setInterval(() => isClosed() && finish('popup_closed'), 500);
    addEventListener('message', onMessage);
    if (channel) channel.onmessage = (event) => accept(event.data);
  });
}
