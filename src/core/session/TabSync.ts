import type { LogtoLogger } from '../config/logger.js';

/**
 * Why a session ended, as told to the other tabs: `signOut()`, the refresh token refused
 * (`expired`), `clearAllTokens()` (`cleared`), no activity for the idle timeout
 * (`idle`), or Logto said the user signed out there (`signedOutElsewhere`, from `checkSession`).
 */
export type SignOutReason = 'signOut' | 'expired' | 'cleared' | 'idle' | 'signedOutElsewhere';

/** What one tab tells the others. Receivers re-read storage; messages carry no tokens. */
export type TabMessage = 'signed-in' | 'tokens-updated' | `signed-out:${SignOutReason}`;

interface Envelope {
  from: string;
  message: TabMessage;
}

/**
 * Tells other tabs (other clients for the same app on this origin) that the stored session
 * changed, over a BroadcastChannel named `logto:<appId>`. Where BroadcastChannel is missing
 * (Safari < 15.4) the message goes through localStorage under the same key instead: writing it
 * fires a `storage` event in every other tab of the origin. Messages name what changed and never
 * carry a token, so nothing secret lands in localStorage. Without either, other tabs catch up the
 * next time they go to storage.
 */
export class TabSync {
  readonly #id = Math.random().toString(36).slice(2);
  readonly #name: string;
  readonly #channel: BroadcastChannel | undefined;
  readonly #log: LogtoLogger | undefined;
  #onStorage: ((event: StorageEvent) => void) | undefined;

  constructor(name: string, onMessage: (message: TabMessage) => void, log?: LogtoLogger) {
    this.#name = name;
    this.#log = log;
    const receive = (envelope: Envelope | undefined) => {
      if (!envelope?.from || envelope.from === this.#id) return;
      log?.('tab', 'received', { message: envelope.message });
      onMessage(envelope.message);
    };
    if (typeof BroadcastChannel !== 'undefined') {
      this.#channel = new BroadcastChannel(name);
      this.#channel.onmessage = (event: MessageEvent<Envelope>) => receive(event.data);
      // In Node (tests, SSR) an open channel would keep the process alive.
      (this.#channel as { unref?: () => void }).unref?.();
    } else if (typeof window !== 'undefined') {
      this.#onStorage = (event) => {
        if (event.key !== name || !event.newValue) return;
        try {
          receive(JSON.parse(event.newValue) as Envelope);
        } catch {
          // Not ours: another script wrote this key.
        }
      };
      window.addEventListener('storage', this.#onStorage);
    }
  }

  /** Tells every other tab. */
  post(message: TabMessage): void {
    this.#log?.('tab', 'sent', { message });
    const envelope: Envelope = { from: this.#id, message };
    if (this.#channel) {
      this.#channel.postMessage(envelope);
      return;
    }
    try {
      // The nonce makes every write a change: an unchanged value fires no storage event.
      localStorage.setItem(this.#name, JSON.stringify({ ...envelope, nonce: Math.random() }));
    } catch {
      // No localStorage (server render, blocked storage): other tabs catch up on their next read.
    }
  }

  /** Stops listening. */
  close(): void {
    this.#channel?.close();
    if (this.#onStorage) window.removeEventListener('storage', this.#onStorage);
  }
}
