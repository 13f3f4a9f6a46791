import { useSyncExternalStore } from 'react';
import { initialSnapshot, type AuthSnapshot } from '../core/session/AuthSnapshot.js';
import type { LogtoClientLike } from '../core/LogtoClientLike.js';
import { useLogtoClient } from './LogtoContext.js';

/** On the server (and while hydrating) the client has read nothing: render the loading state. */
const getServerSnapshot = (): AuthSnapshot => initialSnapshot;

/**
 * The provider's client and its current snapshot. Subscribing is what makes the client load the
 * stored session, so every hook that reads state goes through here.
 */
export function useAuthSnapshot(hookName: string): {
  client: LogtoClientLike;
  snapshot: AuthSnapshot;
} {
  const client = useLogtoClient(hookName);
  const snapshot = useSyncExternalStore(client.subscribe, client.getSnapshot, getServerSnapshot);
  return { client, snapshot };
}
