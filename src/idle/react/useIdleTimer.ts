import { useEffect, useSyncExternalStore } from 'react';
import { getIdleTimer, type IdleState } from '../createIdleTimer.js';
import { useLogtoClient } from '../../react/LogtoContext.js';

/** What {@link useIdleTimer} returns. */
export interface UseIdleTimerResult extends IdleState {
  /** Counts as activity in every tab: the warning ends and the session goes on. */
  stayActive: () => void;
}

const noWarning: IdleState = { warning: false, secondsLeft: undefined };
const getServerSnapshot = (): IdleState => noWarning;

/** The store of a client without an idle timer: never a warning, nothing to stay active for. */
const inert = {
  subscribe: () => () => undefined,
  getSnapshot: getServerSnapshot,
  stayActive: () => undefined,
};

/** Clients already warned about, so re-renders and StrictMode do not repeat it. */
const warned = new WeakSet<object>();

/**
 * The idle timer of the provider's client (created with `createIdleTimer(client, ...)`): whether
 * the warning is on, the seconds left, and `stayActive()`. Re-renders when the warning starts,
 * every second during it, and when it ends. Without a timer for the client it returns an inert
 * state (`warning: false`, `secondsLeft: undefined`, a `stayActive` that does nothing) and warns
 * once in the console that `createIdleTimer(client)` is missing: no idle sign-out happens then.
 *
 * @throws Error outside `<LogtoProvider>`
 * @example
 * ```tsx
 * function IdleDialog() {
 *   const { warning, secondsLeft, stayActive } = useIdleTimer();
 *   if (!warning) return null;
 *   return <dialog open>Signing out in {secondsLeft} s <button onClick={stayActive}>Stay</button></dialog>;
 * }
 * ```
 */
export function useIdleTimer(): UseIdleTimerResult {
  const client = useLogtoClient('useIdleTimer');
  const timer = getIdleTimer(client) ?? inert;
  const missing = timer === inert;
  useEffect(() => {
    if (!missing || warned.has(client)) return;
    warned.add(client);
    console.warn(
      'logto-spa: useIdleTimer() found no idle timer for this client, so nothing signs out on idle: call createIdleTimer(client, { idleTimeoutSeconds }) before rendering',
    );
  }, [client, missing]);
  const state = useSyncExternalStore(timer.subscribe, timer.getSnapshot, getServerSnapshot);
  return { ...state, stayActive: timer.stayActive };
}
