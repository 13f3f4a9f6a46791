import { LogtoNetworkError } from '../core/errors/LogtoNetworkError.js';
import { LogtoResponseError } from '../core/errors/LogtoResponseError.js';
import type { LogtoClientLike } from '../core/LogtoClientLike.js';
import type { Account } from './Account.js';
import { IdentityVerification } from './IdentityVerification.js';
import type { IdentityVerificationMethod } from './LogtoAccountError.js';
import { toAccountError, verificationRequired, type RefusalContext } from './toAccountError.js';

/**
 * What the account client needs of a Logto client: {@link LogtoClientLike} (a `LogtoClient`, or
 * the test kit's mock) or anything with its endpoint and its two token methods.
 */
export type AccountTokenSource = Pick<LogtoClientLike, 'getAccessToken' | 'refreshAccessToken'> & {
  readonly config: { readonly endpoint: string };
};

/** Options of `createAccountClient`. */
export interface AccountClientOptions {
  /** Sends the requests. Default: the global `fetch`. */
  fetch?: typeof fetch | undefined;
  /** The clock, in epoch seconds (for the verification record's expiry). Default: `Date.now() / 1000`. */
  now?: (() => number) | undefined;
}

/** One Account API request. */
export interface AccountApiCall {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  /** Under `/api`, e.g. `/my-account`. */
  path: string;
  body?: unknown;
  /** The scope the operation needs beyond `openid profile` (named in `missing_scope`). */
  scope?: string | undefined;
  /** Sends the kept identity verification; rejects with `verification_required` without one. */
  verified?: boolean;
  /** A successful answer changed the account: subscribers are told. */
  changes?: boolean;
  /** What Logto codes mean at this route (see `RefusalContext.meaning`). */
  meaning?: RefusalContext['meaning'];
}

/** A successful answer: its JSON body (`undefined` when empty) and its `Date` header. */
export interface AccountApiAnswer {
  json: unknown;
  date: string | null;
}

const verificationHeader = 'logto-verification-id';

/**
 * The transport of the account client: the Logto-audience access token (no resource), the
 * identity verification header, one retry with a new token when Logto refuses the token, and
 * every failure through {@link toAccountError}. Internal: the public face is `AccountClient`.
 */
export class AccountApi {
  /** The identity verification record, shared by every call of this client. */
  readonly verification: IdentityVerification;
  readonly #source: AccountTokenSource;
  readonly #fetch: typeof fetch;
  readonly #listeners = new Set<() => void>();
  #known: Account | undefined;

  constructor(source: AccountTokenSource, options: AccountClientOptions = {}) {
    this.#source = source;
    this.#fetch = options.fetch ?? ((...args: Parameters<typeof fetch>) => fetch(...args));
    this.verification = new IdentityVerification(options.now ?? (() => Date.now() / 1000));
  }

  /** The Logto endpoint, without a trailing slash. */
  get endpoint(): string {
    return this.#source.config.endpoint.replace(/\/+$/, '');
  }

  /** The account as last read, to tell how the user can verify and to label a TOTP secret. */
  get known(): Account | undefined {
    return this.#known;
  }

  set known(account: Account | undefined) {
    this.#known = account;
  }

  /** Calls `listener` after every change made through this client. */
  subscribe(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /**
   * Sends `call` and returns Logto's answer.
   *
   * @throws LogtoAccountError (Logto refused it, or no verification is kept for a `verified`
   *   call), LogtoNetworkError, LogtoResponseError (an answer that is not JSON), and the
   *   client's token errors (e.g. LogtoNotAuthenticatedError)
   */
  async send(call: AccountApiCall): Promise<AccountApiAnswer> {
    const recordId = call.verified ? this.verification.current() : undefined;
    // Asked before any request: the UI can verify and retry without a refused call in between.
    if (call.verified && recordId === undefined) throw verificationRequired(this.#verifyWith());

    let token = await this.#source.getAccessToken();
    let response = await this.#attempt(call, token, recordId);
    let failure = response.ok ? undefined : await readJson(response);
    // Logto refuses a token it does not accept (revoked, keys rotated) with 401 auth.unauthorized
    // before doing anything, so the call is safe to send again with a new one, once.
    if (response.status === 401 && logtoCodeOf(failure) === 'auth.unauthorized') {
      token = await this.#source.refreshAccessToken(undefined, undefined, token);
      response = await this.#attempt(call, token, recordId);
      failure = response.ok ? undefined : await readJson(response);
    }
    if (!response.ok) {
      const error = toAccountError(response.status, failure, {
        scope: call.scope,
        verifyWith: this.#verifyWith(),
        meaning: call.meaning,
      });
      if (error.code === 'verification_required') this.verification.clear();
      throw error;
    }
    const json = await readJson(response, true);
    if (call.changes) for (const listener of [...this.#listeners]) listener();
    return { json, date: response.headers.get('date') };
  }

  async #attempt(call: AccountApiCall, token: string, recordId: string | undefined) {
    const url = `${this.endpoint}/api${call.path}`;
    const headers: Record<string, string> = { authorization: `Bearer ${token}` };
    if (recordId !== undefined) headers[verificationHeader] = recordId;
    if (call.body !== undefined) headers['content-type'] = 'application/json';
    try {
      return await this.#fetch(url, {
        method: call.method,
        headers,
        ...(call.body === undefined ? {} : { body: JSON.stringify(call.body) }),
      });
    } catch (cause) {
      throw new LogtoNetworkError(url, cause);
    }
  }

  #verifyWith(): IdentityVerificationMethod[] {
    const account = this.#known;
    if (!account) return ['password', 'emailCode', 'phoneCode'];
    const ways: IdentityVerificationMethod[] = [];
    if (account.hasPassword !== false) ways.push('password');
    if (account.primaryEmail) ways.push('emailCode');
    if (account.primaryPhone) ways.push('phoneCode');
    return ways;
  }
}

/**
 * The JSON body of an answer, `undefined` when it has none or is not JSON (a 404 from a route
 * Logto does not have is plain text). A successful answer that says JSON and is not fails.
 */
async function readJson(response: Response, strict = false): Promise<unknown> {
  const text = await response.text().catch(() => '');
  if (text === '') return undefined;
  const isJson = /\bjson\b/i.test(response.headers.get('content-type') ?? '');
  if (!isJson && !strict) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch (cause) {
    if (!strict) return undefined;
    throw new LogtoResponseError('The Account API answered with something that is not JSON', {
      cause,
      status: response.status,
    });
  }
}

function logtoCodeOf(body: unknown): unknown {
  return typeof body === 'object' && body !== null ? (body as { code?: unknown }).code : undefined;
}
