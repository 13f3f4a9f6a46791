import type { IncomingHttpHeaders } from 'node:http';

import type { Provider } from 'oidc-provider';

import type { DevIdpSeed } from '../DevIdpSeed.js';
import type { UserDirectory } from '../UserDirectory.js';
import type { AccountCaller } from './authenticateCaller.js';
import type { AccountStore } from './AccountStore.js';
import type { DevSocialConnector } from './DevSocialConnector.js';
import type { VerificationRecords } from './VerificationRecords.js';

/** An HTTP method the Account API routes use. */
export type AccountMethod = 'GET' | 'POST' | 'PATCH' | 'DELETE';

/** One authenticated Account API request, as a route handler sees it. */
export interface AccountRequest {
  caller: AccountCaller;
  /** Path parameters (`:verificationId`...), decoded. */
  params: Readonly<Record<string, string>>;
  /** The parsed JSON body (`{}` without one); untrusted: read it with `BodyGuard`. */
  body: unknown;
  query: URLSearchParams;
  /** Host name the request was addressed to (WebAuthn's relying party id). */
  hostname: string;
  /** `http://<host>`, as the request addressed the IdP. */
  origin: string;
  headers: IncomingHttpHeaders;
}

/** What a handler answers: a status and an optional JSON body. */
export interface ApiReply {
  status: number;
  body?: unknown;
}

/** One route of the Account API, with a path relative to `/api` (e.g. `/my-account`). */
export interface AccountRoute {
  method: AccountMethod;
  path: string;
  handle(request: AccountRequest): ApiReply | Promise<ApiReply>;
}

/** The state every route works on. */
export interface AccountApiContext {
  seed: DevIdpSeed;
  directory: UserDirectory;
  records: VerificationRecords;
  store: AccountStore;
  provider: Provider;
  devSocial: DevSocialConnector;
  /** Milliseconds since the epoch. */
  now: () => number;
  /** Console output (nothing when `quiet`). Never pass a token or a password. */
  log: (message: string) => void;
}
