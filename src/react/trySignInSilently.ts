import { toLogtoError } from '../core/errors/LogtoUnexpectedError.js';
import type { LogtoClientLike } from '../core/LogtoClientLike.js';

/** Attempts in flight, per client: two `<Protected silent>` on a page share one iframe. */
const attempts = new WeakMap<LogtoClientLike, Promise<boolean>>();

/**
 * `<Protected silent>`'s single sign-on attempt, shared by every caller with the same client
 * while it runs. Resolves `true` when signed in; `false` when Logto says the user must sign in or
 * cannot be asked, so the caller may redirect. Any other failure (Logto refused, the code exchange
 * failed, `signInSilently` was not passed to the provider) rejects: shown by `onError`, never
 * answered with a redirect that could loop.
 *
 * @param signIn starts the attempt (the provider's `signInSilently`), when none is running
 */
export function trySignInSilently(
  client: LogtoClientLike,
  signIn: () => Promise<unknown>,
): Promise<boolean> {
  let attempt = attempts.get(client);
  if (!attempt) {
    attempt = signIn()
      .then(
        () => true,
        (error: unknown) => {
          if (/^(login_required|silent_sign_in_unavailable)$/.test(toLogtoError(error).code))
            return false;
          throw error;
        },
      )
      .finally(() => attempts.delete(client));
    attempts.set(client, attempt);
  }
  return attempt;
}
