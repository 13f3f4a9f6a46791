import {
  initialSnapshot,
  patchSnapshot,
  type AuthSnapshot,
  type SnapshotFields,
} from './AuthSnapshot.js';
import type { IdTokenClaims } from '../protocol/claims.js';
import type { Emitter } from './Emitter.js';
import type { LogtoError } from '../errors/LogtoError.js';
import type { SignOutReason } from './TabSync.js';

/**
 * The client's observable state: the current {@link AuthSnapshot}, its subscribers, and the
 * sign-in/sign-out events that go with its transitions. Only the session controller changes it,
 * through the transitions below, so a snapshot flip and its event can never disagree.
 */
export class AuthState {
  readonly #listeners = new Set<() => void>();
  readonly #events: Emitter;
  #snapshot: AuthSnapshot;

  /**
   * @param hint the claims of the session last seen on this browser: the first snapshot shows it
   *   signed in at once (storage confirms or corrects it right after)
   */
  constructor(events: Emitter, hint?: IdTokenClaims) {
    this.#events = events;
    this.#snapshot = hint
      ? patchSnapshot(initialSnapshot, { status: 'signedIn', idTokenClaims: hint })
      : initialSnapshot;
  }

  /** The current snapshot; the same object until something changes. */
  get snapshot(): AuthSnapshot {
    return this.#snapshot;
  }

  /** Adds a subscriber; returns how many there are now. */
  add(listener: () => void): number {
    this.#listeners.add(listener);
    return this.#listeners.size;
  }

  /** Removes a subscriber; returns how many are left. */
  remove(listener: () => void): number {
    this.#listeners.delete(listener);
    return this.#listeners.size;
  }

  /** Forgets every subscriber (the client was disposed). */
  clearListeners(): void {
    this.#listeners.clear();
  }

  /**
   * A session is present (new, reloaded, or signed in by another tab). `emit` says whether this
   * counts as a sign-in event: always after a callback here, and for another tab's sign-in only
   * when this tab was signed out.
   */
  signedIn(claims: IdTokenClaims, emit: { fromOtherTab: boolean } | undefined): void {
    this.#set({
      status: 'signedIn',
      idTokenClaims: claims,
      tokenRevision: this.#snapshot.tokenRevision + 1,
      ...(emit && !emit.fromOtherTab ? { error: undefined } : {}),
    });
    if (emit) this.#events.emit('signedIn', { claims, fromOtherTab: emit.fromOtherTab });
  }

  /**
   * Loading is over without a session, or something failed that has no caller to reject
   * (reading storage for another tab's message): `error`, if any, shows in the snapshot.
   */
  settled(error?: LogtoError): void {
    const { status } = this.#snapshot;
    this.#set({ status: status === 'loading' ? 'signedOut' : status, ...(error && { error }) });
  }

  /** The signed-in hint of the first snapshot was not confirmed by storage: loading again. */
  unconfirmed(): void {
    this.#set({ status: 'loading' });
  }

  /** Stored tokens changed (a refresh here or in another tab). */
  tokensChanged(claims: IdTokenClaims | undefined): void {
    // A sign-out here keeps the claims on screen until the page leaves.
    if (this.#snapshot.status === 'signingOut') return;
    // Without a session (gone in another tab) the claims stay: that tab's sign-out message flips
    // the status, so the snapshot never says signed in without claims.
    this.#set({
      ...(claims && { idTokenClaims: claims }),
      tokenRevision: this.#snapshot.tokenRevision + 1,
    });
  }

  /**
   * A sign-in callback is being handled. While the page is still loading (single sign-on on load
   * lands its callback then) it stays `loading`: no signed-out moment shows before the session.
   */
  handlingCallback(): void {
    if (this.#snapshot.status !== 'loading') this.#set({ status: 'handlingCallback' });
  }

  /** The callback failed: back to the session there was, if any, with the error. */
  callbackFailed(error: LogtoError | undefined): void {
    const { idTokenClaims } = this.#snapshot;
    this.#set({ status: idTokenClaims ? 'signedIn' : 'signedOut', error });
  }

  /** `signOut()` is leaving the page: the claims stay on screen until it has. */
  signingOut(): void {
    this.#set({ status: 'signingOut' });
  }

  /**
   * The session is gone; emits `signedOut` when the tab was signed in. While a sign-out of this
   * tab is leaving the page this does nothing unless `force` (the page stayed after it).
   */
  signedOut(
    reason: SignOutReason,
    fromOtherTab: boolean,
    error: LogtoError | undefined,
    force = false,
  ): void {
    if (this.#snapshot.status === 'signingOut' && !force) return;
    const wasAuthenticated = this.#snapshot.isAuthenticated;
    this.#set({
      status: 'signedOut',
      idTokenClaims: undefined,
      error,
      tokenRevision: this.#snapshot.tokenRevision + 1,
    });
    if (wasAuthenticated) this.#events.emit('signedOut', { reason, fromOtherTab });
  }

  /** Applies `patch`; subscribers hear of it only when something really changed. */
  #set(patch: Partial<SnapshotFields>): void {
    const next = patchSnapshot(this.#snapshot, patch);
    if (next === this.#snapshot) return;
    this.#snapshot = next;
    for (const listener of this.#listeners) listener();
  }
}
