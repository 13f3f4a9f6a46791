import type { LogtoLogger } from './logger.js';

/**
 * Why a session ended, as told to the other tabs: `signOut()`, the refresh token refused
 * (`expired`), `clearAllTokens()` (`cleared`), or no activity for the idle timeout (`idle`).
 */
export type SignOutReason = 'signOut' | 'expired' | 'cleared' | 'idle';

/** What one tab tells the others. Receivers re-read storage; messages carry no tokens. */
export type TabMessage = 'signed-in' | 'tokens-updated' | `signed-out:${SignOutReason}`;

interface Envelope {
  from: string;
  message: TabMessage;
}

/**
 * Tells other tabs (other clients for the same app on this origin) that the stored session
 * changed, over a BroadcastChannel named `logto:<appId>`. Where BroadcastChannel is missing it does
 * nothing, and other tabs catch up the next time they go to storage.
 */
export class TabSync {
  readonly #id = Math.random().toString(36).slice(2);
  readonly #channel: BroadcastChannel | undefined;
  readonly #log: LogtoLogger | undefined;

  constructor(name: string, onMessage: (message: TabMessage) => void, log?: LogtoLogger) {
    this.#log = log;
    if (typeof BroadcastChannel === 'undefined') return;
    this.#channel = new BroadcastChannel(name);
    this.#channel.onmessage = (event: MessageEvent<Envelope>) => {
      if (event.data.from === this.#id) return;
      log?.('tab', 'received', { message: event.data.message });
      onMessage(event.data.message);
    };
    // In Node (tests, SSR) an open channel would keep the process alive.
    (this.#channel as { unref?: () => void }).unref?.();
  }

  /** Tells every other tab. */
  post(message: TabMessage): void {
    this.#log?.('tab', 'sent', { message });
    this.#channel?.postMessage({ from: this.#id, message } satisfies Envelope);
  }

  /** Stops listening. */
  close(): void {
    this.#channel?.close();
  }
}
