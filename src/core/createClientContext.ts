import type { ClientContext } from './session/ClientContext.js';
import { postForm } from './protocol/http.js';
import { resolveLogger } from './config/logger.js';
import type { ClientSettings, ResolvedConfig } from './config/LogtoConfig.js';
import { ProviderMetadata } from './protocol/ProviderMetadata.js';
import { SessionHint } from './session/SessionHint.js';
import { SessionStore } from './session/SessionStore.js';
import { createDefaultStorage } from './storage/createDefaultStorage.js';
import { parseTokenResponse } from './protocol/tokenResponse.js';
import { verifyIdToken } from './protocol/verifyIdToken.js';

/**
 * Builds the shared pieces of a client from its resolved configuration and options: storage,
 * clock, HTTP, provider metadata, session and transaction stores, ID-token verification and the
 * debug log. Touches no browser API, so a client can still be constructed during server rendering.
 */
export function createClientContext(
  config: ResolvedConfig,
  options: ClientSettings,
): ClientContext {
  const storage = options.storage ?? createDefaultStorage();
  const now = options.now ?? (() => Date.now() / 1000);
  const http = {
    fetch: options.fetch ?? ((...args: Parameters<typeof fetch>) => fetch(...args)),
  };
  const log = resolveLogger(options);
  const prefix = `logto:${config.appId}:`;
  const { issuer, appId, clockToleranceSeconds } = config;
  const metadata = new ProviderMetadata({
    issuer,
    storage,
    http,
    now,
    ttlSeconds: config.metadataTtlSeconds,
    keyPrefix: prefix,
    log,
  });
  return {
    config,
    http,
    now,
    metadata,
    log,
    session: new SessionStore(storage, prefix, issuer, appId),
    storage,
    keyPrefix: prefix,
    // Only with the default storage: an app that brings its own decides where things are kept.
    hint: options.storage || typeof window === 'undefined' ? undefined : new SessionHint(prefix),
    requestTokens: async (params) => {
      const { token_endpoint } = await metadata.getDiscovery();
      const body = await postForm(http, 'token', token_endpoint, { client_id: appId, ...params });
      // Expiry counts from receipt, so a skewed device clock does not matter.
      return parseTokenResponse(body, now());
    },
    verifyIdToken: (token, expected) =>
      verifyIdToken(
        token,
        { issuer, clientId: appId, now: now(), clockToleranceSeconds, ...expected },
        (refresh) => metadata.getKeys(refresh ? { minAgeSeconds: 60 } : undefined),
      ),
  };
}
