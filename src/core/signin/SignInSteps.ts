import { SigninState } from 'oidc-client-ts';
import type { ClientContext } from '../session/ClientContext.js';
import type { LogtoCallbackErrorCode } from '../errors/LogtoCallbackError.js';
import type { SignInCallbackResult, SignInRequest, SignInUrlOptions } from './SignInOptions.js';
import type { TokenResponse } from '../protocol/tokenResponse.js';
import { TransactionStore } from './TransactionStore.js';
import { warnForgottenCallback } from './warnForgottenCallback.js';

/** A callback whose code was exchanged and whose ID token passed verification. */
export interface AcceptedCallback extends SignInCallbackResult {
  state: string;
  tokens: TokenResponse;
  idToken: string;
  /** Server time minus device time, learned from the ID token. */
  clockOffset: number;
}

/** Why a callback was refused, as the code and message of the error to throw. */
export interface Refusal {
  refused: LogtoCallbackErrorCode | 'response_invalid' | 'auth_time_stale';
  message: string;
  /** Logto's OAuth `error` and `error_description`, for `callback_error_response`. */
  error?: string;
  errorDescription?: string | undefined;
}

/** What a transaction keeps besides the PKCE secrets. */
interface TransactionData {
  postRedirectUri?: string | undefined;
  subject?: string | undefined;
  maxAge?: number | undefined;
}

/** Abandoned sign-in transactions are swept after this long. */
const transactionMaxAgeSeconds = 3600;

/**
 * The two ends of a sign-in and the pending transactions they share: what {@link SignInFlow}
 * loads on first use, when a sign-in starts or a callback arrives. With oidc-client-ts, whose
 * `SigninState` makes the transaction (PKCE verifier, S256 challenge, nonce and their storage
 * format), this is a quarter of the SDK, which a signed-in visitor never downloads.
 */
export class SignInSteps {
  readonly #context: ClientContext;
  /** Pending transactions, keyed by `state`; also which states completed and the redirect URIs used. */
  readonly transactions: TransactionStore;

  constructor(context: ClientContext) {
    this.#context = context;
    this.transactions = new TransactionStore(context.storage, context.keyPrefix, context.now);
  }

  /** See {@link warnForgottenCallback}. */
  warnForgotten(url: string): void {
    warnForgottenCallback(url, this.#context.log);
  }

  /** Stores a new transaction and builds Logto's authorization URL (options already validated). */
  async createRequest(options: SignInUrlOptions): Promise<SignInRequest> {
    const { config, metadata } = this.#context;
    const { transactions } = this;
    const { authorization_endpoint } = await metadata.getDiscovery();
    // Only transactions older than their lifetime: other tabs may be mid-sign-in right now.
    await transactions.sweep(transactionMaxAgeSeconds);
    const scope = config.scopes.join(' ');
    const transaction = await SigninState.create({
      authority: config.issuer,
      client_id: config.appId,
      redirect_uri: options.redirectUri,
      scope,
      code_verifier: true,
      nonce: randomToken(),
      data: {
        postRedirectUri: options.postRedirectUri,
        subject: options.subject,
        maxAge: options.maxAge,
      } satisfies TransactionData,
      // The relay is part of the state, so the popup's callback page knows it without a lookup.
      ...(options.relay && { id: `${options.relay}.${randomToken()}` }),
    });
    await transactions.rememberRedirectUri(options.redirectUri);
    await transactions.set(transaction.id, transaction.toStorageString());

    const prompt = options.prompt ?? config.prompt;
    const { firstScreen, identifiers, directSignIn } = options;
    const url = new URL(authorization_endpoint);
    const params: [string, string | undefined][] = [
      ['client_id', config.appId],
      ['redirect_uri', options.redirectUri],
      ['code_challenge', transaction.code_challenge],
      ['code_challenge_method', 'S256'],
      ['state', transaction.id],
      ['nonce', transaction.nonce],
      ['response_type', 'code'],
      ['prompt', Array.isArray(prompt) ? prompt.join(' ') : prompt],
      ['scope', scope],
      ...config.resources.map((resource): [string, string] => ['resource', resource]),
      // first_screen wins over interaction_mode.
      firstScreen ? ['first_screen', firstScreen] : ['interaction_mode', options.interactionMode],
      ['identifier', identifiers?.length ? identifiers.join(' ') : undefined],
      ['direct_sign_in', directSignIn && `${directSignIn.method}:${directSignIn.target}`],
      ['login_hint', options.loginHint],
      ['max_age', options.maxAge?.toString()],
      ...Object.entries(options.extraParams ?? {}),
    ];
    for (const [name, value] of params)
      if (value !== undefined) url.searchParams.append(name, value);
    return { url: url.href, state: transaction.id };
  }

  /**
   * Checks the callback against its pending transaction (consumed, whatever happens next),
   * exchanges the code and verifies the ID token. Returns the new tokens without storing them,
   * or why the callback was refused: {@link SignInFlow} throws that as a typed error, so this
   * chunk shares no module with the main one and bundlers need no third chunk for both.
   *
   * @throws LogtoIdTokenError, LogtoTokenEndpointError, LogtoNetworkError
   */
  async complete(params: URLSearchParams, state: string): Promise<AcceptedCallback | Refusal> {
    const { config, log, requestTokens, verifyIdToken } = this.#context;
    const { transactions } = this;
    if (await transactions.wasCompleted(state)) {
      return { refused: 'callback_replayed', message: 'This sign-in callback was already handled' };
    }
    // Consumed here, whatever happens next: an authorization code is good for one try only.
    const stored = await transactions.remove(state);
    if (!stored) {
      return (await transactions.getAllKeys()).length === 0
        ? { refused: 'callback_no_transaction', message: 'No sign-in was started here' }
        : {
            refused: 'callback_state_mismatch',
            message: 'The callback state matches no pending sign-in',
          };
    }
    const transaction = await SigninState.fromStorageString(stored);
    if (transaction.authority !== config.issuer || transaction.client_id !== config.appId) {
      return {
        refused: 'callback_state_mismatch',
        message: 'The pending sign-in was started for another issuer or app',
      };
    }
    const error = params.get('error');
    if (error) {
      const description = params.get('error_description') ?? undefined;
      return {
        refused: 'callback_error_response',
        message: `Sign-in failed: ${error}${description ? ` (${description})` : ''}`,
        error,
        errorDescription: description,
      };
    }
    const code = params.get('code');
    if (!code || !transaction.code_verifier) {
      return { refused: 'callback_missing_code', message: 'The callback has no code' };
    }
    log?.('callback', 'exchanging code');
    const tokens = await requestTokens({
      grant_type: 'authorization_code',
      code,
      code_verifier: transaction.code_verifier,
      redirect_uri: transaction.redirect_uri,
    });
    const { idToken } = tokens;
    if (!idToken) return { refused: 'response_invalid', message: 'Token response has no id_token' };
    const data = transaction.data as TransactionData | undefined;
    const { claims, clockOffset } = await verifyIdToken(idToken, {
      nonce: transaction.nonce,
      subject: data?.subject,
    });
    log?.('callback', 'ID token verified');
    // A step-up's answer must be fresh: refused here, before anything is stored. Both times are
    // Logto's; 30 s covers the code exchange.
    const maxAge = data?.maxAge;
    if (
      maxAge !== undefined &&
      !(claims.auth_time !== undefined && claims.iat - claims.auth_time <= maxAge + 30)
    )
      return { refused: 'auth_time_stale', message: `Signed in over ${maxAge}s ago` };
    return { state, postRedirectUri: data?.postRedirectUri, claims, tokens, idToken, clockOffset };
  }
}

function randomToken(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}
