import { createContext } from 'react';
import type { checkSession } from '../core/windows/checkSession.js';
import { LogtoConfigError } from '../core/errors/LogtoConfigError.js';
import type { LogtoClientLike } from '../core/LogtoClientLike.js';
import type { reauthenticate } from '../core/windows/reauthenticate.js';
import type { signInSilently } from '../core/windows/signInSilently.js';
import type {
  SignInWindowClient,
  SignInWindowMethods,
} from '../core/windows/SignInWindowClient.js';
import type { signInWithPopup } from '../core/windows/signInWithPopup.js';

/**
 * The sign-in functions of `logto-spa` an app hands to `<LogtoProvider signInWindows={...}>` so
 * that `useLogto()` and `<Protected silent>` can use them. Opt-in, because only the functions an
 * app imports end up in its bundle: an app that signs in by redirect only passes none and ships
 * no popup or iframe code.
 *
 * @example
 * ```tsx
 * import { signInWithPopup, signInSilently } from 'logto-spa';
 * const signInWindows: SignInWindowFunctions = { signInWithPopup, signInSilently };
 * <LogtoProvider config={config} signInWindows={signInWindows}>...</LogtoProvider>
 * ```
 */
export interface SignInWindowFunctions {
  /** For `useLogto().signInWithPopup`. */
  signInWithPopup?: typeof signInWithPopup;
  /** For `useLogto().signInSilently` and `<Protected silent>`. */
  signInSilently?: typeof signInSilently;
  /** For `useLogto().checkSession`. */
  checkSession?: typeof checkSession;
  /** For `useLogto().reauthenticate`. */
  reauthenticate?: typeof reauthenticate;
}

/** The provider's `signInWindows`; `undefined` when it was given none. */
export const SignInWindowsContext = createContext<SignInWindowFunctions | undefined>(undefined);

/**
 * Runs one of the functions the provider was given, for `useLogto()` and `<Protected silent>`.
 * Synchronous up to that call, so a popup still opens inside the user's click.
 *
 * @returns its promise, or a rejected `LogtoConfigError` naming what to pass when it is missing
 */
export async function callSignInWindow(
  client: LogtoClientLike,
  functions: SignInWindowFunctions | undefined,
  name: keyof SignInWindowMethods,
  options?: object,
): Promise<never> {
  const given = functions?.[name] as
    ((client: SignInWindowClient, options?: object) => Promise<never>) | undefined;
  // `async`, yet nothing is awaited before this call: the popup still opens within the click.
  if (given) return given(client, options);
  throw new LogtoConfigError(
    name,
    "missing: pass it from 'logto-spa' to <LogtoProvider signInWindows>",
  );
}
