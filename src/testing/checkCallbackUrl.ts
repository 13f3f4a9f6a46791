import { LogtoCallbackError } from '../core/index.js';

/**
 * The checks of a sign-in callback URL that need no identity provider, with the errors the real
 * client gives: no `state`, an `error` response from Logto, or no `code`.
 *
 * @throws LogtoCallbackError
 */
export function checkCallbackUrl(url: string): void {
  const params = parseUrl(url)?.searchParams;
  if (!params?.get('state'))
    throw new LogtoCallbackError('callback_state_mismatch', 'The callback URL has no state.');
  const error = params.get('error');
  if (error !== null) {
    const errorDescription = params.get('error_description') ?? undefined;
    throw new LogtoCallbackError(
      'callback_error_response',
      `Sign-in failed: ${error}${errorDescription ? ` (${errorDescription})` : ''}`,
      { error, errorDescription },
    );
  }
  if (!params.get('code'))
    throw new LogtoCallbackError('callback_missing_code', 'The callback URL has no code.');
}

/** Parses `url`, or `undefined` when it is not an absolute URL. */
export function parseUrl(url: string): URL | undefined {
  try {
    return new URL(url);
  } catch {
    return undefined;
  }
}
