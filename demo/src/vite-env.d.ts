/// <reference types="vite/client" />

interface ImportMetaEnv {
  readonly VITE_LOGTO_ENDPOINT?: string;
  readonly VITE_LOGTO_APP_ID?: string;
  readonly VITE_LOGTO_RESOURCES?: string;
  readonly VITE_LOGTO_SCOPES?: string;
  readonly VITE_LOGTO_STORAGE?: string;
}
