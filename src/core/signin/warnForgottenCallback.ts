import type { LogtoLogger } from '../config/logger.js';

/** Callback URLs already warned about: once per page, however many clients noticed. */
const warned = new Set<string>();

/**
 * Warns (`console.warn`, and the logger if set), once per URL, that `url` is a sign-in callback
 * that nothing handled. Names the route, never the code or the state. In the sign-in chunk: only
 * a page with a callback in its address bar ever needs it.
 */
export function warnForgottenCallback(url: string, log: LogtoLogger | undefined): void {
  if (warned.has(url)) return;
  warned.add(url);
  const { origin, pathname } = new URL(url);
  const route = origin + pathname;
  const message = `logto-spa: ${route}?code=…&state=… looks like the sign-in callback (redirectUri ${route}) but nothing handled it: render useHandleSignInCallback() (or call client.handleSignInCallback) on that route`;
  console.warn(message);
  log?.('callback', message);
}
