import { demoConfig, type RuntimeConfig } from './demoConfig.js';

/** Injected into index.html by a server that knows the IdP only at run time. */
const runtimeConfig = (window as Window & { __LOGTO_RUNTIME_CONFIG__?: RuntimeConfig })
  .__LOGTO_RUNTIME_CONFIG__;

/**
 * The demo's configuration: `VITE_LOGTO_*` variables (build time) or the dev-IdP defaults,
 * overridden by `window.__LOGTO_RUNTIME_CONFIG__` when a server injected one.
 */
export const appConfig = demoConfig(import.meta.env, runtimeConfig);
