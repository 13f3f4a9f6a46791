import { initialSnapshot, patchSnapshot, type AuthSnapshot } from './AuthSnapshot.js';
import type { IdTokenClaims } from '../protocol/claims.js';
import type { Emitter } from './Emitter.js';
import type { LogtoError } from '../errors/LogtoError.js';
import type { SignOutReason } from './TabSync.js';

/**
 * The client's observable state: the current {@link AuthSnapshot}, its subscribers, and the
 * sign-in/sign-out events that go with its transitions. Every state change of the client goes
 * through here, so a snapshot flip and its event can never disagree.
 */
export class AuthState {
  readonly #listeners = new Set<() => void>();
  readonly #events: Emitter;
  #snapshot: AuthSnapshot = initialSnapshot;

  constructor(events: Emitter) {
    this.#events = events;
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

  /** Applies `patch`; subscribers hear of it only when something really changed. */
  set(patch: Partial<AuthSnapshot>): void {
    const next = patchSnapshot(this.#snapshot, patch);
    if (next === this.#snapshot) return;
    this.#snapshot = next;
    for (const listener of this.#listeners) listener();
  }

  /**
   * A session is present (new, reloaded, or signed in by another tab). `emit` says whether this
   * counts as a sign-in event: always after a callback here, and for another tab's sign-in only
   * when this tab was signed out.
   */
  signedIn(
    claims: IdTokenClaims,
    emit: { fromOtherTab: boolean } | undefined,
    patch: Partial<AuthSnapshot> = {},
  ): void {
    this.set({
      isLoading: false,
      isAuthenticated: true,
      idTokenClaims: claims,
      tokenRevision: this.#snapshot.tokenRevision + 1,
      ...patch,
    });
    if (emit) this.#events.emit('signedIn', { claims, fromOtherTab: emit.fromOtherTab });
  }

  /** Stored tokens changed (a refresh here or in another tab). */
  tokensChanged(claims: IdTokenClaims | undefined): void {
    // A sign-out here keeps the claims on screen until the page leaves.
    if (this.#snapshot.isSigningOut) return;
    this.set({ idTokenClaims: claims, tokenRevision: this.#snapshot.tokenRevision + 1 });
  }

  /**
   * The session is gone; emits `signedOut` when the tab was signed in. While a sign-out of this
   * tab is leaving the page this does nothing: the sign-out shows it if the page stays.
   */
  signedOut(reason: SignOutReason, fromOtherTab: boolean, error: LogtoError | undefined): void {
    if (this.#snapshot.isSigningOut) return;
    const wasAuthenticated = this.#snapshot.isAuthenticated;
    this.set({
      isLoading: false,
      isAuthenticated: false,
      idTokenClaims: undefined,
      error,
      tokenRevision: this.#snapshot.tokenRevision + 1,
    });
    if (wasAuthenticated) this.#events.emit('signedOut', { reason, fromOtherTab });
  }
}
