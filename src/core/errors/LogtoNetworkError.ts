import { LogtoError } from './LogtoError.js';

/**
 * The identity provider could not be reached. The session is kept: call again when the network
 * is back.
 */
export class LogtoNetworkError extends LogtoError {
  declare readonly code: 'network_error';
  /** The URL that failed, without its query string. */
  declare readonly url: string;

  /** @param hint what to do about it, when the URL is not the identity provider's */
  constructor(url: string, cause: unknown, hint?: string) {
    const bare = url.split(/[?#]/)[0] ?? url;
    super('network_error', `Network request to ${bare} failed${hint ?? networkHint(bare, cause)}`, {
      cause,
    });
    this.name = 'LogtoNetworkError';
    this.url = bare;
  }
}

/**
 * Why a request may have failed, for the message. `fetch` rejects with a bare TypeError when the
 * server is down, when an answer (a proxy's error page, say) lacks CORS headers, and when CORS
 * refused this origin; the page cannot tell which, so the message lists them, naming both origins.
 */
function networkHint(url: string, cause: unknown): string {
  const name = (cause as { name?: unknown } | null)?.name;
  if (name === 'TimeoutError') return ' (no answer in time)';
  const page = (globalThis as { location?: { origin?: string } }).location?.origin;
  const target = URL.canParse(url) ? new URL(url).origin : undefined;
  if (name === 'AbortError' || !page || !target || page === target) return '';
  return `. Either ${target} is down or unreachable, or it answered without CORS headers (a proxy's error page, say), or this page's origin ${page} is not among the app's allowed origins in Logto`;
}
