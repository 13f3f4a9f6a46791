import { useSyncExternalStore } from 'react';
import { getIdleTimer, type IdleState } from '../createIdleTimer.js';
import { useLogtoClient } from '../../react/LogtoContext.js';

/** What {@link useIdleTimer} returns. */
export interface UseIdleTimerResult extends IdleState {
  /** Counts as activity in every tab: the warning ends and the session goes on. */
  stayActive: () => void;
}

const noWarning: IdleState = { warning: false, secondsLeft: undefined };
const getServerSnapshot = (): IdleState => noWarning;

/**
 * The idle timer of the provider's client (created with `createIdleTimer(client, ...)`): whether
 * the warning is on, the seconds left, and `stayActive()`. Re-renders when the warning starts,
 * every second during it, and when it ends.
 *
 * @throws Error outside `<LogtoProvider>`, or when no idle timer was created for its client
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
  const timer = getIdleTimer(client);
  if (!timer) {
    throw new Error('useIdleTimer: no createIdleTimer(client)');
  }
  const state = useSyncExternalStore(timer.subscribe, timer.getSnapshot, getServerSnapshot);
  return { ...state, stayActive: timer.stayActive };
}
