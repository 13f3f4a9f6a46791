import type { ProtocolContext } from '../protocol/ProtocolContext.js';
import type { LogtoStorage } from '../storage/LogtoStorage.js';
import type { SessionHint } from './SessionHint.js';
import type { SessionStore } from './SessionStore.js';

/** The shared pieces the client's flows work with. Built once by {@link LogtoClient}. */
export interface ClientContext extends ProtocolContext {
  readonly session: SessionStore;
  /** Where everything is kept, under {@link keyPrefix}. */
  readonly storage: LogtoStorage;
  /** `logto:<appId>:`, the prefix of every storage key of this client. */
  readonly keyPrefix: string;
  /** The signed-in claims for the first render of the next page load (default storage only). */
  readonly hint: SessionHint | undefined;
}
