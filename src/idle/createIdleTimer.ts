import { LogtoConfigError } from '../core/errors/LogtoConfigError.js';
import type { LogtoClient } from '../core/LogtoClient.js';

/** Options of {@link createIdleTimer}. */
export interface IdleTimerOptions {
  /** Sign out after this long without activity in any tab of the app. */
  idleTimeoutSeconds: number;
  /** Warn this long before the end (`idleWarning`, `warning: true`). Default 60, at most the timeout. */
  warningSeconds?: number;
  /**
   * Where Logto sends the user back after ending its own session. Given, the one tab that ends
   * the session goes through Logto's end-session page (so the next sign-in asks for credentials
   * again); omitted, every tab signs out locally and the refresh token is revoked.
   */
  postLogoutRedirectUri?: string;
}

/** What an idle timer shows: whether the warning is on, and the seconds left during it. */
export interface IdleState {
  readonly warning: boolean;
  /** Seconds until the sign-out while `warning` is on; `undefined` otherwise. */
  readonly secondsLeft: number | undefined;
}

/** Payload of the `idleWarning` event. */
export interface IdleWarning {
  secondsLeft: number;
  /** Counts as activity: the session goes on in every tab. */
  stayActive: () => void;
}

/** A running idle timer; see {@link createIdleTimer}. */
export interface IdleTimer {
  /** The current {@link IdleState}; the same object until it changes. */
  readonly getSnapshot: () => IdleState;
  /** Calls `listener` after each change of the state; returns the unsubscribe function. */
  readonly subscribe: (listener: () => void) => () => void;
  /** The `idleWarning` event: once when the warning starts. Returns the unsubscribe function. */
  readonly onIdleWarning: (listener: (warning: IdleWarning) => void) => () => void;
  /** Counts as activity (a "Stay signed in" button). */
  readonly stayActive: () => void;
  /** Stops listening and timing. */
  readonly dispose: () => void;
}

/** What the timer needs of a client: {@link LogtoClient} or a test double. */
export type IdleClient = Pick<
  LogtoClient,
  'config' | 'getSnapshot' | 'subscribe' | 'signOutForReason' | 'addSessionCheck'
>;

const idleState = (warning: boolean, secondsLeft?: number): IdleState => ({ warning, secondsLeft });
const active = idleState(false);
const registry = new WeakMap<IdleClient, IdleTimer>();
const activityEvents = ['pointerdown', 'pointermove', 'keydown', 'wheel', 'touchstart'];

/**
 * Signs the user out after `idleTimeoutSeconds` without activity (pointer, keys, the page coming
 * back into view) in any tab of the app, with a warning before.
 *
 * - Tabs share the time of the last activity through `localStorage` (so a reloaded tab knows it);
 *   each tab shares its activity at most every `min(5 s, timeout / 10)`, and never later than
 *   that after it happened. Each tab re-reads the shared time every second, and at once (the
 *   `storage` event) while the warning shows.
 * - The deadline is checked against the wall clock every second, when the page becomes visible
 *   or focused, and before every token read: a laptop that wakes up past the deadline signs out
 *   before the app gets a token, and the state flips before anything re-renders.
 * - At the end every tab signs out with reason `'idle'`; the one tab that still finds the
 *   session stored revokes the refresh token (and visits Logto's end-session page when
 *   `postLogoutRedirectUri` is given), so Logto's session ends once, not once per tab.
 *
 * A function taking the client, so an app without idle sign-out does not ship it. One timer per
 * client: a second call replaces the first. Call it in the browser.
 *
 * @throws LogtoConfigError when `idleTimeoutSeconds` is not a positive number
 * @example
 * ```ts
 * const idle = createIdleTimer(client, { idleTimeoutSeconds: 900, warningSeconds: 60 });
 * idle.onIdleWarning(({ secondsLeft, stayActive }) => showDialog(secondsLeft, stayActive));
 * client.on('signedOut', ({ reason }) => reason === 'idle' && showMessage('Signed out after inactivity'));
 * ```
 */
export function createIdleTimer(client: IdleClient, options: IdleTimerOptions): IdleTimer {
  const { idleTimeoutSeconds: timeout, warningSeconds = 60 } = options;
  if (!(timeout > 0) || !(warningSeconds >= 0)) {
    throw new LogtoConfigError('idleTimeoutSeconds', 'and warningSeconds must be positive numbers');
  }
  registry.get(client)?.dispose();
  const timeoutMs = timeout * 1000;
  const warningMs = Math.min(warningSeconds, timeout) * 1000;
  const throttleMs = Math.min(5000, timeoutMs / 10);
  const key = `logto:${client.config.appId}:last-activity`;
  const listeners = new Set<() => void>();
  const warningListeners = new Set<(warning: IdleWarning) => void>();
  let state = active;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let trailing: ReturnType<typeof setTimeout> | undefined;
  let written = 0;

  const read = (): number => {
    try {
      return Number(localStorage.getItem(key)) || 0;
    } catch {
      return 0; // Storage blocked: this tab's own activity still counts.
    }
  };
  const write = (value: number): void => {
    try {
      localStorage.setItem(key, String(value));
    } catch {
      // As above.
    }
  };
  let last = read();

  const publish = (next: IdleState): void => {
    if (next.warning === state.warning && next.secondsLeft === state.secondsLeft) return;
    const warningStarts = next.warning && !state.warning;
    state = next;
    for (const listener of listeners) listener();
    if (warningStarts) {
      for (const listener of warningListeners)
        listener({ secondsLeft: next.secondsLeft ?? 0, stayActive });
    }
  };
  const flush = (): void => {
    clearTimeout(trailing);
    trailing = undefined;
    written = Date.now();
    write(last);
  };
  const record = (force = false): void => {
    const now = Date.now();
    last = Math.max(last, now);
    if (force || now - written >= throttleMs) flush();
    // Activity the throttle skipped is still shared, within throttleMs: another tab must not
    // reach a deadline this tab has already pushed back.
    else trailing ??= setTimeout(flush, written + throttleMs - now);
    if (state.warning) tick();
  };
  const stayActive = (): void => record(true);
  const expired = (): boolean => {
    // `last` only grows, so while this tab's own copy is inside the period the shared one is
    // too: storage is read only to confirm an end (this runs before every token read).
    if (last > 0 && Date.now() < last + timeoutMs) return false;
    last = Math.max(last, read());
    return last > 0 && Date.now() >= last + timeoutMs;
  };
  /** Whether the session may go on; past the deadline, ends it (every tab, reason `idle`). */
  const check = (): boolean => {
    if (!expired()) return true;
    clearTimeout(timer);
    clearTimeout(trailing);
    trailing = undefined;
    last = 0;
    write(0);
    publish(active);
    if (client.getSnapshot().isAuthenticated || client.getSnapshot().isLoading) {
      void client.signOutForReason('idle', options.postLogoutRedirectUri).catch(() => undefined);
    }
    return false;
  };
  const tick = (): void => {
    clearTimeout(timer);
    if (!client.getSnapshot().isAuthenticated) {
      publish(active);
      return;
    }
    // Other tabs' activity, for the countdown below (the check alone reads it only at the end).
    last = Math.max(last, read());
    if (!check()) return;
    const leftMs = last + timeoutMs - Date.now();
    publish(leftMs <= warningMs ? idleState(true, Math.ceil(leftMs / 1000)) : active);
    timer = setTimeout(tick, Math.min(1000, leftMs));
  };
  const onActivity = (): void => record();
  const onWake = (): void => {
    if (check() && document.visibilityState === 'visible') record();
  };

  let previous = client.getSnapshot();
  const unsubscribe = client.subscribe(() => {
    const next = client.getSnapshot();
    // A new sign-in (here or in another tab) starts a fresh period; a session loaded from
    // storage keeps the stored one, which may already be over.
    if (next.isAuthenticated && !previous.isAuthenticated && !previous.isLoading) record(true);
    previous = next;
    tick();
  });
  // Another tab wrote: during the warning, its activity (or its sign-out) shows at once.
  const onStorage = (event: StorageEvent): void => {
    if (event.key === key && state.warning) tick();
  };
  window.addEventListener('storage', onStorage);
  for (const name of activityEvents) {
    window.addEventListener(name, onActivity, { capture: true, passive: true });
  }
  document.addEventListener('visibilitychange', onWake);
  window.addEventListener('focus', onWake);
  const removeCheck = client.addSessionCheck(check);
  let disposed = false;
  // No stored time yet (first use, or the last period ended): the period starts now.
  if (last === 0) record(true);
  tick();

  const timerApi: IdleTimer = {
    getSnapshot: () => state,
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    onIdleWarning: (listener) => {
      warningListeners.add(listener);
      return () => warningListeners.delete(listener);
    },
    stayActive,
    dispose: () => {
      // Idempotent, and a replaced timer's disposal leaves its successor's check and entry alone.
      if (disposed) return;
      disposed = true;
      clearTimeout(timer);
      clearTimeout(trailing);
      unsubscribe();
      window.removeEventListener('storage', onStorage);
      for (const name of activityEvents) window.removeEventListener(name, onActivity, true);
      document.removeEventListener('visibilitychange', onWake);
      window.removeEventListener('focus', onWake);
      removeCheck();
      if (registry.get(client) === timerApi) registry.delete(client);
    },
  };
  registry.set(client, timerApi);
  return timerApi;
}

/**
 * The idle timer created for `client` by {@link createIdleTimer}, if any (what `useIdleTimer`
 * reads).
 *
 * @example
 * ```ts
 * getIdleTimer(client)?.stayActive();
 * ```
 */
export function getIdleTimer(client: IdleClient): IdleTimer | undefined {
  return registry.get(client);
}
