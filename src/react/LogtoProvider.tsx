import { useEffect, useState, type ReactElement, type ReactNode } from 'react';
import { toLogtoError } from '../core/errors/LogtoUnexpectedError.js';
import { LogtoClient, type ClientOptions, type LogtoConfig } from '../core/index.js';
import type { LogtoClientLike } from '../core/LogtoClientLike.js';
import { LogtoContext } from './LogtoContext.js';
import { createFailedClient } from './createFailedClient.js';
import { SignInWindowsContext, type SignInWindowFunctions } from './SignInWindowFunctions.js';
import { stableJson } from './stableJson.js';
import { useForgottenCallback } from './useForgottenCallback.js';

/** Props of {@link LogtoProvider}: either a config (the provider owns the client) or a client. */
export type LogtoProviderProps = (
  | {
      /** Compared by value: a config object recreated on every render keeps the same client. */
      config: LogtoConfig;
      /**
       * Injection points and tunables, read when the client is created (first render, and when
       * `config` changes by value). Changing only `options` later does not rebuild the client.
       */
      options?: ClientOptions;
      client?: never;
      children?: ReactNode;
    }
  | {
      /** A client you created and own; the provider never disposes it. */
      client: LogtoClientLike;
      config?: never;
      options?: never;
      children?: ReactNode;
    }
) & {
  /**
   * The functions of `logto-spa` behind `useLogto()`'s `signInWithPopup`, `signInSilently`,
   * `checkSession` and `reauthenticate`, and `<Protected silent>`: pass those the app uses, e.g.
   * `{ signInWithPopup, signInSilently }`. Opt-in so that an app that signs in by redirect only
   * ships no popup or iframe code.
   */
  signInWindows?: SignInWindowFunctions | undefined;
};

interface OwnedClient {
  key: string;
  client: LogtoClientLike;
}

function createOwned(
  config: LogtoConfig | undefined,
  options: ClientOptions | undefined,
): OwnedClient | undefined {
  if (!config) return undefined;
  const key = stableJson(config);
  try {
    // Constructing touches no browser API, so this is safe during render and on the server.
    return { key, client: new LogtoClient(config, options) };
  } catch (failure) {
    // Thrown during render, it would unmount the app (a blank page): render the children with
    // the error instead, where useLogto().error and <Protected> show it.
    return { key, client: createFailedClient(config, toLogtoError(failure)) };
  }
}

/**
 * Makes a Logto client available to the hooks and `<Protected>` below it. Pass `config` and the
 * provider creates the client (and disposes it when the config changes by value or the provider
 * unmounts), or pass a `client` you manage yourself.
 *
 * An invalid `config` does not throw: the children render, `useLogto().error` is the
 * `LogtoConfigError`, `<Protected>` shows it, every method rejects with it, and the console says
 * why (`console.error`, once).
 *
 * @example
 * ```tsx
 * const config = { endpoint: 'https://tenant.logto.app', appId: 'my-app', resources: [api] };
 * createRoot(root).render(
 *   <LogtoProvider config={config}>
 *     <App />
 *   </LogtoProvider>,
 * );
 * // With popup sign-in and single sign-on (imported from 'logto-spa'):
 * <LogtoProvider config={config} signInWindows={{ signInWithPopup, signInSilently }}>
 * ```
 */
export function LogtoProvider(props: LogtoProviderProps): ReactElement | null {
  const { config, options, children } = props;
  const [owned, setOwned] = useState(() => createOwned(config, options));
  const key = config ? stableJson(config) : undefined;
  if (owned?.key !== key) {
    // A real change of config (by value): replace the client during render, React's pattern for
    // state derived from props, so no render ever sees the old client with the new config.
    setOwned(createOwned(config, options));
  }
  const ownedClient = owned?.key === key ? owned?.client : undefined;

  useEffect(() => {
    if (!ownedClient) return;
    // Started while mounted and paused (not disposed) on unmount: StrictMode unmounts and
    // remounts every effect once, and a paused client resumes with its subscribers. A client
    // replaced after a change of config stays paused and is garbage-collected.
    void ownedClient.start().catch(() => undefined);
    return () => ownedClient.stop();
  }, [ownedClient]);

  const client = props.client ?? ownedClient;
  useForgottenCallback(client);
  // Only reachable for one render while the replacement client is being set above.
  if (!client) return null;
  return (
    <LogtoContext.Provider value={client}>
      <SignInWindowsContext.Provider value={props.signInWindows}>
        {children}
      </SignInWindowsContext.Provider>
    </LogtoContext.Provider>
  );
}
