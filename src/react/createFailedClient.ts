import type { LogtoError } from '../core/errors/LogtoError.js';
import type { LogtoConfig } from '../core/index.js';
import type { LogtoClientLike } from '../core/LogtoClientLike.js';
import { createSnapshot } from '../core/session/AuthSnapshot.js';

/** The members that are not asynchronous: everything else is a method that rejects. */
type SyncMembers =
  'config' | 'subscribe' | 'getSnapshot' | 'on' | 'start' | 'stop' | 'dispose' | 'addSessionCheck';

/**
 * A stand-in for a client whose config was refused, so `<LogtoProvider>` can render its children
 * instead of throwing during render (a blank page): its snapshot is signed out with `error` (so
 * `useLogto().error` and `<Protected>` show it), every method rejects with `error`, and `start()`
 * writes it to the console, once. A proxy
 * rather than a list of methods, so it follows the client's surface as that changes.
 */
export function createFailedClient(config: LogtoConfig, error: LogtoError): LogtoClientLike {
  const snapshot = createSnapshot({
    status: 'signedOut',
    idTokenClaims: undefined,
    error,
    tokenRevision: 0,
  });
  const none = () => undefined;
  let reported = false;
  const members: Pick<LogtoClientLike, SyncMembers> = {
    // Read by the hooks to recognise a callback URL and name storage keys; nothing matches it.
    config: Object.freeze({
      endpoint: config.endpoint,
      appId: config.appId,
      issuer: '',
      scopes: [],
      resources: [],
      prompt: 'consent',
      clockToleranceSeconds: 0,
      refreshLeewaySeconds: 0,
      metadataTtlSeconds: 0,
      lockTimeoutSeconds: 0,
      proactiveRefresh: false,
    }),
    subscribe: () => none,
    getSnapshot: () => snapshot,
    on: () => none,
    // The provider starts its client once mounted (twice under StrictMode): say why, once.
    start: () => {
      if (!reported) console.error('[logto] <LogtoProvider> cannot create the client:', error);
      reported = true;
      return Promise.resolve();
    },
    stop: none,
    dispose: none,
    addSessionCheck: () => none,
  };
  return new Proxy(members, {
    get: (target, name) => {
      if (Object.hasOwn(target, name)) return (target as Record<PropertyKey, unknown>)[name];
      // Not a thenable, and no symbols: only the client's methods reject.
      if (name === 'then' || typeof name === 'symbol') return undefined;
      return () => Promise.reject(error);
    },
  }) as LogtoClientLike;
}
