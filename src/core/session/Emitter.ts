import type { LogtoError } from '../errors/LogtoError.js';
import type { SignOutReason } from './TabSync.js';

/** Events of {@link LogtoClient}, with their payloads. */
export interface LogtoEvents {
  /** A sign-in completed, in this tab or another. */
  signedIn: { claims: unknown; fromOtherTab: boolean };
  /**
   * The session ended: sign-out, expiry (`reason: 'expired'`), another tab signed out, or Logto said
   * the user signed out there (`reason: 'signedOutElsewhere'`, from `checkSession`).
   */
  signedOut: { reason: SignOutReason; fromOtherTab: boolean };
  /** A new access token was stored for this resource/organization. */
  tokenRefreshed: { resource: string | undefined; organizationId: string | undefined };
  /** A refresh failed; for network errors the session is kept. */
  refreshFailed: {
    resource: string | undefined;
    organizationId: string | undefined;
    error: LogtoError;
  };
}

/** Name of a {@link LogtoEvents} event. */
export type LogtoEventName = keyof LogtoEvents;

/** A small typed event emitter; a throwing listener does not stop the others. */
export class Emitter {
  readonly #listeners = new Map<LogtoEventName, Set<(payload: never) => void>>();

  on<K extends LogtoEventName>(name: K, listener: (payload: LogtoEvents[K]) => void): () => void {
    const set = this.#listeners.get(name) ?? new Set();
    set.add(listener);
    this.#listeners.set(name, set);
    return () => set.delete(listener);
  }

  emit<K extends LogtoEventName>(name: K, payload: LogtoEvents[K]): void {
    for (const listener of this.#listeners.get(name) ?? []) {
      try {
        (listener as (payload: LogtoEvents[K]) => void)(payload);
      } catch (error) {
        queueMicrotask(() => {
          throw error;
        });
      }
    }
  }
}
