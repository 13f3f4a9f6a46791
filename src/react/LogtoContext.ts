import { createContext, useContext } from 'react';
import type { LogtoClientLike } from '../core/LogtoClientLike.js';

/** Carries the client, never the auth state: each hook subscribes to the snapshot itself. */
export const LogtoContext = createContext<LogtoClientLike | undefined>(undefined);
LogtoContext.displayName = 'LogtoContext';

/**
 * The client of the nearest `<LogtoProvider>`.
 *
 * @param hookName named in the error, so the message points at the caller
 * @throws Error when there is no provider above
 */
export function useLogtoClient(hookName: string): LogtoClientLike {
  const client = useContext(LogtoContext);
  if (!client) {
    throw new Error(
      `${hookName} must be used inside <LogtoProvider>: wrap your app in <LogtoProvider config={...}>.`,
    );
  }
  return client;
}
