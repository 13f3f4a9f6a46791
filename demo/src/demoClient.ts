import { LogtoClient, signInSilently, type ClientOptions } from 'logto-spa';
import { createIdleTimer } from 'logto-spa/idle';
import { appConfig } from './appConfig.js';
import { sessionStorageAdapter } from './sessionStorageAdapter.js';

/**
 * The demo's one client, created before React renders: idle sign-out must be watching before the
 * stored session is read, so that a tab opened (or woken) past the deadline never shows it.
 *
 * @throws LogtoConfigError for an invalid configuration (the app shows it)
 */
export function createDemoClient(): LogtoClient {
  const options: ClientOptions = {
    // Storage is pluggable: IndexedDB by default (shared by tabs, survives reloads).
    ...(appConfig.storage === 'session' ? { storage: sessionStorageAdapter } : {}),
    // Single sign-on on load: signed in with no click when Logto (same site) has a session.
    ...(appConfig.silentSignIn ? { signInSilently } : {}),
  };
  const client = new LogtoClient(appConfig.logto, options);
  if (appConfig.idle) {
    createIdleTimer(client, {
      idleTimeoutSeconds: appConfig.idle.timeoutSeconds,
      warningSeconds: appConfig.idle.warningSeconds,
      // Registered in the seed: Logto's own session ends too, so signing in again asks for the
      // password (the tab that ends it goes through Logto's end-session page and comes back).
      postLogoutRedirectUri: `${window.location.origin}/`,
    });
  }
  return client;
}
