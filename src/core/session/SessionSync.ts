import type { AuthState } from './AuthState.js';
import type { IdTokenClaims } from '../protocol/claims.js';
import type { ClientContext } from './ClientContext.js';
import type { LogtoError } from '../errors/LogtoError.js';
import type { ProactiveRefresher } from './ProactiveRefresher.js';
import type { LoadedSession } from './SessionStore.js';
import { TabSync, type SignOutReason, type TabMessage } from './TabSync.js';

/** What {@link SessionSync} works with, from its client. */
export interface SessionSyncDeps {
  context: ClientContext;
  state: AuthState;
  refresher: ProactiveRefresher;
  /** Runs `task` under the refresh lock, so it cannot race a refresh in any tab. */
  withLock: <T>(task: () => Promise<T>) => Promise<T>;
  /**
   * The page found no session on its first look: start the single sign-on attempt configured
   * for that, if any, and call `settled` when it is over. Returns whether it started.
   */
  trySilentSignIn: (settled: () => void) => boolean;
  /** Whether a sign-out for a reason (`SignOut.end`) is under way: the session must not reappear. */
  isEnding: () => boolean;
}

/**
 * Keeps the auth snapshot in step with the stored session and with the other tabs: reads
 * storage when the client starts and whenever another tab announces a change, and announces
 * this tab's own changes (sign-in, new tokens, sign-out) to them. Also reschedules the
 * proactive refresh after every change.
 */
export class SessionSync {
  readonly #deps: SessionSyncDeps;
  #tabSync: TabSync | undefined;
  /** Whether no look at storage has found the session missing yet (single sign-on on load). */
  #firstMiss = true;

  constructor(deps: SessionSyncDeps) {
    this.#deps = deps;
  }

  /** Opens the channel to the other tabs and reflects the stored session in the snapshot. */
  async start(): Promise<void> {
    const { context } = this.#deps;
    // A start that failed (storage) and is tried again must not leave a second listener.
    this.#tabSync?.close();
    this.#tabSync = new TabSync(
      `logto:${context.config.appId}`,
      (message) => void this.#onTabMessage(message),
      context.log,
    );
    await this.#syncFromStorage(false);
  }

  /** Closes the channel; {@link start} opens it again. */
  stop(): void {
    this.#tabSync?.close();
    this.#tabSync = undefined;
  }

  /** Tells the other tabs, without changing this one. */
  post(message: TabMessage): void {
    this.#tabSync?.post(message);
  }

  /** This tab stored new tokens for the current session. */
  tokensChanged(): void {
    this.post('tokens-updated');
    this.#afterTokensChanged();
  }

  /** This tab stored a new session (a sign-in completed). */
  signedIn(claims: IdTokenClaims): void {
    this.post('signed-in');
    this.#deps.state.signedIn(
      claims,
      { fromOtherTab: false },
      { error: undefined, isHandlingCallback: false },
    );
    this.#deps.refresher.schedule();
  }

  /** Removes the session from storage and tells the other tabs; returns what was stored. */
  async clear(reason: SignOutReason): Promise<LoadedSession | undefined> {
    const { session } = this.#deps.context;
    const stored = await this.#deps.withLock(async () => {
      const current = await session.reload();
      await session.clear();
      return current;
    });
    this.post(`signed-out:${reason}`);
    this.#deps.refresher.schedule();
    return stored;
  }

  /** Shows the session as ended (the `signedOut` event). Storage is not touched. */
  signedOut(reason: SignOutReason, fromOtherTab: boolean, error: LogtoError | undefined): void {
    this.#deps.context.log?.('session', 'signed out', { reason, fromOtherTab });
    this.#deps.state.signedOut(reason, fromOtherTab, error);
    this.#deps.refresher.schedule();
  }

  async #onTabMessage(message: TabMessage): Promise<void> {
    if (message === 'tokens-updated') {
      await this.#deps.context.session.reload();
      this.#afterTokensChanged();
    } else {
      const [, reason = 'cleared'] = message.split(':') as [string, SignOutReason | undefined];
      await this.#syncFromStorage(true, reason);
    }
  }

  /** Re-reads the session and reflects it in the snapshot, emitting sign-in/out when it flipped. */
  async #syncFromStorage(fromOtherTab: boolean, reason: SignOutReason = 'cleared'): Promise<void> {
    const { state, context, refresher } = this.#deps;
    const wasAuthenticated = state.snapshot.isAuthenticated;
    const session = await context.session.reload();
    if (!session || this.#deps.isEnding()) {
      const loaded = (): void => state.set({ isLoading: false });
      if (wasAuthenticated) this.signedOut(reason, fromOtherTab, undefined);
      // Once per page, the snapshot loading until it settles (no flash of a signed-out UI).
      else if (!(this.#firstMiss && this.#deps.trySilentSignIn(loaded))) loaded();
      this.#firstMiss = false;
      return;
    }
    state.signedIn(
      session.claims,
      !wasAuthenticated && fromOtherTab ? { fromOtherTab } : undefined,
    );
    refresher.schedule();
  }

  #afterTokensChanged(): void {
    this.#deps.state.tokensChanged(this.#deps.context.session.current?.claims);
    this.#deps.refresher.schedule();
  }
}
