// Relative imports, not 'logto-spa': this module is also loaded by demo/vite.config.ts in Node,
// before any alias applies.
import { UserScope } from '../../src/core/config/constants.js';
import type { LogtoConfig } from '../../src/core/config/LogtoConfig.js';

/** The environment variables the demo reads (Vite exposes those starting with `VITE_`). */
export interface DemoEnv {
  /** Logto endpoint. Default: the dev IdP at http://127.0.0.1:3001. */
  VITE_LOGTO_ENDPOINT?: string | undefined;
  /** The SPA's app ID. Default `demo-spa` (the demo seed's app). */
  VITE_LOGTO_APP_ID?: string | undefined;
  /** Comma-separated API resource indicators. Default: the seed's shopping and store APIs. */
  VITE_LOGTO_RESOURCES?: string | undefined;
  /** Comma-separated extra scopes. Default: every user scope, plus the seed's API and organization scopes. */
  VITE_LOGTO_SCOPES?: string | undefined;
  /** `session` keeps the session in this tab's sessionStorage (a custom storage); default IndexedDB. */
  VITE_LOGTO_STORAGE?: string | undefined;
  /** `1`: try single sign-on on load (`signInSilently`, needs Logto on the same site). Default off. */
  VITE_LOGTO_SILENT_SIGN_IN?: string | undefined;
  /** Seconds without activity (in any tab) before idle sign-out. Default: off. */
  VITE_LOGTO_IDLE_TIMEOUT?: string | undefined;
  /** Seconds of warning (the countdown dialog) before it. Default: half the timeout, at most 60. */
  VITE_LOGTO_IDLE_WARNING?: string | undefined;
}

/**
 * Configuration a server injects into index.html as `window.__LOGTO_RUNTIME_CONFIG__`, for a
 * built demo whose IdP is only known at run time (the e2e tests serve it that way). Each field
 * given replaces the build-time value.
 */
export interface RuntimeConfig {
  endpoint?: unknown;
  appId?: unknown;
  resources?: unknown;
  scopes?: unknown;
  silentSignIn?: unknown;
  idleTimeoutSeconds?: unknown;
  idleWarningSeconds?: unknown;
}

/** What the demo app and its dev server are configured with. */
export interface DemoConfig {
  logto: LogtoConfig & { resources: readonly string[]; scopes: readonly string[] };
  /** `${endpoint}/oidc`, where the demo API fetches the signing keys. */
  issuer: string;
  storage: 'indexeddb' | 'session';
  /** Try `signInSilently` once on load when there is no session. */
  silentSignIn: boolean;
  /** Idle sign-out (`createIdleTimer`), when configured. */
  idle: { timeoutSeconds: number; warningSeconds: number } | undefined;
}

export const defaultEndpoint = 'http://127.0.0.1:3001';
export const defaultAppId = 'demo-spa';
export const defaultResources = [
  'https://api.example.com/shopping',
  'https://api.example.com/store',
] as const;
export const defaultScopes = [
  // Email, Phone, CustomData and Identities are also what the Account page needs from Logto's
  // Account API: the email and phone, custom data, and MFA (which Logto gates by `identities`).
  UserScope.Email,
  UserScope.Phone,
  UserScope.CustomData,
  UserScope.Identities,
  UserScope.Organizations,
  UserScope.OrganizationRoles,
  // API resource scopes: Logto grants each resource those of them that the user's roles allow.
  'read:products',
  'write:products',
  'read:orders',
  'write:orders',
  'manage:store',
  // Organization scopes, granted per organization by the user's organization roles.
  'read:members',
  'invite:members',
  'remove:members',
] as const;

function list(value: string | undefined): string[] | undefined {
  const items = value
    ?.split(',')
    .map((item) => item.trim())
    .filter(Boolean);
  return items && items.length > 0 ? items : undefined;
}

function text(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed === '' ? undefined : trimmed;
}

function stringOf(value: unknown): string | undefined {
  return typeof value === 'string' ? text(value) : undefined;
}

/** A positive number of seconds from the runtime config or an environment variable. */
function seconds(runtime: unknown, env: string | undefined): number | undefined {
  const value = typeof runtime === 'number' ? runtime : Number(text(env) ?? NaN);
  return value > 0 ? value : undefined;
}

function stringsOf(value: unknown): string[] | undefined {
  return Array.isArray(value) && value.every((item) => typeof item === 'string')
    ? value
    : undefined;
}

/**
 * Reads the demo configuration from `import.meta.env` (in the app) or `loadEnv` (in Vite's
 * config), with an optional runtime override.
 */
export function demoConfig(env: DemoEnv, runtime: RuntimeConfig = {}): DemoConfig {
  const endpoint = (
    stringOf(runtime.endpoint) ??
    text(env.VITE_LOGTO_ENDPOINT) ??
    defaultEndpoint
  ).replace(/\/+$/, '');
  const idleTimeout = seconds(runtime.idleTimeoutSeconds, env.VITE_LOGTO_IDLE_TIMEOUT);
  return {
    logto: {
      endpoint,
      appId: stringOf(runtime.appId) ?? text(env.VITE_LOGTO_APP_ID) ?? defaultAppId,
      resources: stringsOf(runtime.resources) ??
        list(env.VITE_LOGTO_RESOURCES) ?? [...defaultResources],
      scopes: stringsOf(runtime.scopes) ?? list(env.VITE_LOGTO_SCOPES) ?? [...defaultScopes],
    },
    issuer: `${endpoint}/oidc`,
    storage: text(env.VITE_LOGTO_STORAGE) === 'session' ? 'session' : 'indexeddb',
    silentSignIn:
      typeof runtime.silentSignIn === 'boolean'
        ? runtime.silentSignIn
        : text(env.VITE_LOGTO_SILENT_SIGN_IN) === '1',
    idle:
      idleTimeout === undefined
        ? undefined
        : {
            timeoutSeconds: idleTimeout,
            warningSeconds:
              seconds(runtime.idleWarningSeconds, env.VITE_LOGTO_IDLE_WARNING) ??
              Math.min(60, Math.ceil(idleTimeout / 2)),
          },
  };
}
