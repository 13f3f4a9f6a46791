import { LogtoError } from '../errors/LogtoError.js';
import type { IdTokenClaims } from '../protocol/claims.js';
import type { AuthState } from './AuthState.js';
import type { ClientContext } from './ClientContext.js';
import type { Emitter } from './Emitter.js';
import type { RefreshLock } from './RefreshLock.js';
import type { RefreshOutcome } from './requestRefresh.js';
import type { LoadedSession, StoredSession } from './SessionStore.js';
import { TabSync, type SignOutReason, type TabMessage } from './TabSync.js';
import type { TokenTarget } from './tokenKey.js';

/** What the controller tells the proactive refresher. */
export interface RefreshSchedule {
  /** Tokens changed: plan the next refresh again. */
  schedule(): void;
  /** The session ended or changed hands: stop keeping any token fresh. */
  reset(): void;
}

/** What a {@link SessionController} works with. */
export interface SessionControllerDeps {
  context: Pick<ClientContext, 'config' | 'session' | 'log' | 'hint'>;
  lock: RefreshLock;
  state: AuthState;
  events: Emitter;
  refresher: RefreshSchedule;
  /**
   * The page found no session on its first look: start the single sign-on attempt configured
   * for that, if any, and call `settled` when it is over. Returns whether it started.
   */
  trySilentSignIn: (settled: () => void) => boolean;
}

/**
 * The one owner of the session: the only writer of session storage, the only sender of session
 * messages to the other tabs, and the only one that moves the snapshot. Every change is one of
 * the transitions below, each doing its three parts in one place: storage (under the refresh lock
 * where another tab could race it), the tab message, the snapshot and its event.
 */
export class SessionController {
  readonly #deps: SessionControllerDeps;
  #tabs: TabSync | undefined;
  /** Whether no look at storage has found the session missing yet (single sign-on on load). */
  #firstMiss = true;
  /** Whether storage has been read once: until then, a signed-in snapshot is only the hint. */
  #looked = false;
  /** While a sign-out for a reason runs: a session read meanwhile must not show up again. */
  #ending = false;
  #ready: Promise<void> | undefined;
  /** Bumped by {@link stop}: a start still reading storage from before must not act after it. */
  #generation = 0;

  constructor(deps: SessionControllerDeps) {
    this.#deps = deps;
  }

  /** The session in memory; `undefined` when signed out or not read yet. */
  get current(): LoadedSession | undefined {
    return this.#deps.context.session.current;
  }

  /**
   * Starts once: opens the channel to the other tabs and reflects the stored session in the
   * snapshot. A start that failed (storage) is tried again on the next call.
   */
  ready(): Promise<void> {
    this.#ready ??= this.#start().catch((error: unknown) => {
      this.#ready = undefined;
      this.#deps.state.settled(error instanceof LogtoError ? error : undefined);
      throw error;
    });
    return this.#ready;
  }

  /** Closes the channel to the other tabs; the next {@link ready} starts again. */
  stop(): void {
    this.#generation += 1;
    this.#ready = undefined;
    this.#tabs?.close();
    this.#tabs = undefined;
  }

  async #start(): Promise<void> {
    const { config, log } = this.#deps.context;
    // A start that failed (storage) and is tried again must not leave a second listener.
    this.#tabs?.close();
    this.#tabs = new TabSync(
      `logto:${config.appId}`,
      (message) => this.#onTabMessage(message),
      log,
    );
    await this.#syncFromStorage(false, 'cleared', this.#generation);
  }

  /** Runs `task` while holding the refresh lock, so it cannot race a refresh in any tab. */
  withLock<T>(task: () => Promise<T>): Promise<T> {
    return this.#deps.lock.run(task);
  }

  /** Forgets every access token (the refresh and ID tokens stay), here and in every tab. */
  async clearAccessTokens(): Promise<void> {
    const { session } = this.#deps.context;
    await this.withLock(async () => {
      const current = await session.reload();
      if (current) await session.save({ ...current, accessTokens: {} });
    });
    // What was kept fresh is not wanted any more until the app asks again.
    this.#deps.refresher.reset();
    this.#announceTokens();
  }

  // ---- sign-in and sign-out -----------------------------------------------------------------

  /** A sign-in completed here: stores the new session and announces it. */
  async signedIn(fields: Omit<StoredSession, 'issuer' | 'appId'>): Promise<IdTokenClaims> {
    const { session } = this.#deps.context;
    const previous = this.current?.claims.sub;
    const stored = await this.withLock(() => session.save(fields));
    if (previous !== stored.claims.sub) this.#deps.refresher.reset();
    this.#remember();
    this.#post('signed-in');
    this.#deps.state.signedIn(stored.claims, { fromOtherTab: false });
    this.#deps.refresher.schedule();
    return stored.claims;
  }

  /**
   * Ends the session in every tab: removes it from storage under the refresh lock and tells the
   * other tabs. With `showNow` the snapshot flips first and stays signed out while this runs
   * (a policy such as idle sign-out); otherwise it is up to the caller (`signOut()` keeps the
   * claims on screen until the page leaves). Returns the session this tab found stored, if any.
   */
  async end(reason: SignOutReason, showNow: boolean): Promise<LoadedSession | undefined> {
    const { session } = this.#deps.context;
    if (showNow) {
      this.#ending = true;
      this.#showSignedOut(reason, false, undefined);
    }
    try {
      // Started first, so that the other tabs hear of it.
      await this.ready();
      const stored = await this.withLock(async () => {
        const current = await session.reload();
        await session.clear();
        return current;
      });
      this.#remember();
      this.#post(`signed-out:${reason}`);
      this.#deps.refresher.reset();
      return stored;
    } finally {
      this.#ending = false;
    }
  }

  /** Storage not read yet and a session check refuses: the signed-in hint is not shown. */
  distrustHint(): void {
    if (!this.#looked && this.#deps.state.snapshot.isAuthenticated) this.#deps.state.unconfirmed();
  }

  /** A sign-in callback is being handled here. */
  handlingCallback(): void {
    this.#deps.state.handlingCallback();
  }

  /** Handling the callback failed; nothing was stored. */
  callbackFailed(error: LogtoError | undefined): void {
    this.#deps.state.callbackFailed(error);
  }

  /** `signOut()` started leaving the page. */
  signingOut(): void {
    this.#deps.state.signingOut();
  }

  /** `signOut()` is over but the page stayed (blocked navigation, an app's `navigate`). */
  signOutSettled(): void {
    // Unless a sign-in here or in another tab replaced the session meanwhile.
    if (this.#deps.state.snapshot.status === 'signingOut')
      this.#showSignedOut('signOut', false, undefined, true);
  }

  // ---- internals ----------------------------------------------------------------------------

  /**
   * Stores what a refresh brought and tells the tabs and the snapshot. Called inside the refresh
   * lock by the one that made the request ({@link AccessTokens}).
   *
   * @returns the new access token
   * @throws the outcome's error, when it is not `refreshed`
   */
  async applyRefresh(outcome: RefreshOutcome, target: TokenTarget): Promise<string> {
    const { context, events } = this.#deps;
    const { resource, organizationId } = target;
    switch (outcome.kind) {
      case 'refreshed':
        await context.session.save(outcome.session);
        this.#remember();
        context.log?.('refresh', 'stored', { ...target });
        this.#announceTokens();
        events.emit('tokenRefreshed', { resource, organizationId });
        return outcome.token;
      case 'unverified':
        // The rotated refresh token is kept; only what failed verification is held back.
        await context.session.save(outcome.session);
        this.#announceTokens();
        events.emit('refreshFailed', { resource, organizationId, error: outcome.error });
        throw outcome.error;
      case 'expired':
        await context.session.clear();
        this.#remember();
        this.#post('signed-out:expired');
        this.#deps.refresher.reset();
        this.#showSignedOut('expired', false, outcome.error);
        throw outcome.error;
      case 'failed':
        events.emit('refreshFailed', { resource, organizationId, error: outcome.error });
        throw outcome.error;
    }
  }

  /** Keeps the hint for the next page load in step with the session. */
  #remember(): void {
    this.#deps.context.hint?.write(this.current?.claims);
  }

  #announceTokens(): void {
    this.#post('tokens-updated');
    this.#afterTokensChanged();
  }

  #post(message: TabMessage): void {
    this.#tabs?.post(message);
  }

  #onTabMessage(message: TabMessage): void {
    const read =
      message === 'tokens-updated'
        ? this.#deps.context.session.reload().then(() => this.#afterTokensChanged())
        : this.#syncFromStorage(
            true,
            message === 'signed-in' ? 'cleared' : (message.split(':')[1] as SignOutReason),
            this.#generation,
          );
    // A storage failure here has no caller to reject: it shows in the snapshot instead.
    read.catch((error: unknown) => {
      this.#deps.context.log?.('error', 'tab message', { message });
      if (error instanceof LogtoError) this.#deps.state.settled(error);
    });
  }

  /** Re-reads the session and reflects it in the snapshot, emitting sign-in/out when it flipped. */
  async #syncFromStorage(
    fromOtherTab: boolean,
    reason: SignOutReason,
    generation: number,
  ): Promise<void> {
    const { state, context, refresher } = this.#deps;
    const session = await context.session.reload();
    if (generation !== this.#generation) return;
    this.#remember();
    // Signed in only by the hint of the last page load, and storage has no session (evicted,
    // cleared by hand): loading again, so this page still gets its first look's single sign-on.
    if (!session && !this.#looked && state.snapshot.isAuthenticated) state.unconfirmed();
    this.#looked = true;
    const before = state.snapshot;
    if (!session || this.#ending) {
      const loaded = (): void => state.settled();
      if (before.isAuthenticated) this.#showSignedOut(reason, fromOtherTab, undefined);
      // Once per page, the snapshot loading until it settles (no flash of a signed-out UI).
      else if (!(this.#firstMiss && !this.#ending && this.#deps.trySilentSignIn(loaded))) loaded();
      this.#firstMiss = false;
      return;
    }
    if (before.idTokenClaims && before.idTokenClaims.sub !== session.claims.sub) refresher.reset();
    state.signedIn(
      session.claims,
      !before.isAuthenticated && fromOtherTab ? { fromOtherTab } : undefined,
    );
    refresher.schedule();
  }

  #showSignedOut(
    reason: SignOutReason,
    fromOtherTab: boolean,
    error: LogtoError | undefined,
    force = false,
  ): void {
    this.#deps.context.log?.('session', 'signed out', { reason, fromOtherTab });
    this.#deps.state.signedOut(reason, fromOtherTab, error, force);
    this.#deps.refresher.schedule();
  }

  #afterTokensChanged(): void {
    this.#deps.state.tokensChanged(this.current?.claims);
    this.#deps.refresher.schedule();
  }
}
