import { useEffect, type ReactElement } from 'react';
import type { LogtoError } from '../core/errors/LogtoError.js';

/** Errors already written to the console, so re-renders and StrictMode do not repeat them. */
const reported = new WeakSet<LogtoError>();

/**
 * Whether this is a development build. Bundlers (Vite, webpack, esbuild, Parcel) replace
 * `process.env.NODE_ENV` with a string; where nothing replaced it and there is no `process` (a
 * page loading the files unbundled), reading it throws, and that counts as production.
 */
function isDevelopment(): boolean {
  try {
    return process.env.NODE_ENV !== 'production';
  } catch {
    return false;
  }
}

/**
 * What `<Protected>` shows for an error when the app passed no `onError`: the message, and for an
 * ended session a button to sign in again. In development builds the error also goes to
 * `console.error`, once.
 */
export function ProtectedError(props: { error: LogtoError; onSignIn: () => void }): ReactElement {
  const { error, onSignIn } = props;
  useEffect(() => {
    if (reported.has(error) || !isDevelopment()) return;
    reported.add(error);
    console.error('[logto] <Protected> cannot show its content:', error);
  }, [error]);
  return (
    <div role="alert" data-logto-error={error.code}>
      <p>{error.message}</p>
      {error.code === 'session_expired' ? (
        <button type="button" onClick={onSignIn}>
          Sign in again
        </button>
      ) : null}
    </div>
  );
}
