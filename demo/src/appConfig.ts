import { demoConfig } from './demoConfig.js';

/** The demo's configuration, from `VITE_LOGTO_*` variables or the dev-IdP defaults. */
export const appConfig = demoConfig(import.meta.env);
