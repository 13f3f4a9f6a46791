import { SigninState } from 'oidc-client-ts';
import type { ClientContext } from './ClientContext.js';
import { LogtoCallbackError, LogtoResponseError } from './errors.js';
import type { CompletedSignIn, SignInRequest, SignInUrlOptions } from './SignInFlow.js';
import { tokenKey } from './tokenKey.js';
import { TransactionStore } from './TransactionStore.js';

/** What a transaction keeps besides the PKCE secrets. */
interface TransactionData {
  postRedirectUri?: string | undefined;
  subject?: string | undefined;
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

  /** Stores a new transaction and builds Logto's authorization URL (options already validated). */
  async createRequest(options: SignInUrlOptions): Promise<SignInRequest> {
    const { config, metadata } = this.#context;
    const { transactions } = this;
    const { authorization_endpoint } = await metadata.getDiscovery();
    await SigninState.clearStaleState(transactions, transactionMaxAgeSeconds);
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
      ...Object.entries(options.extraParams ?? {}),
    ];
    for (const [name, value] of params)
      if (value !== undefined) url.searchParams.append(name, value);
    return { url: url.href, state: transaction.id };
  }

  /**
   * Validates the callback against its pending transaction (consumed, whatever happens next),
   * exchanges the code and verifies the ID token. Returns the new tokens without storing them.
   *
   * @throws LogtoCallbackError, LogtoIdTokenError, LogtoTokenEndpointError, LogtoNetworkError
   */
  async complete(url: string): Promise<CompletedSignIn> {
    const { config, log } = this.#context;
    const { transactions } = this;
    const params = new URL(url).searchParams;
    log?.('callback', 'checking');
    const state = params.get('state');
    if (!state) {
      throw new LogtoCallbackError('callback_state_mismatch', 'The callback has no state');
    }
    if (await transactions.wasCompleted(state)) {
      throw new LogtoCallbackError(
        'callback_replayed',
        'This sign-in callback was already handled',
      );
    }
    // Consumed here, whatever happens next: an authorization code is good for one try only.
    const stored = await transactions.remove(state);
    if (!stored) {
      if ((await transactions.getAllKeys()).length === 0) {
        throw new LogtoCallbackError('callback_no_transaction', 'No sign-in was started here');
      }
      throw new LogtoCallbackError(
        'callback_state_mismatch',
        'The callback state matches no pending sign-in',
      );
    }
    const transaction = await SigninState.fromStorageString(stored);
    if (transaction.authority !== config.issuer || transaction.client_id !== config.appId) {
      throw new LogtoCallbackError(
        'callback_state_mismatch',
        'The pending sign-in was started for another issuer or app',
      );
    }
    const error = params.get('error');
    if (error) {
      const description = params.get('error_description') ?? undefined;
      throw new LogtoCallbackError(
        'callback_error_response',
        `Sign-in failed: ${error}${description ? ` (${description})` : ''}`,
        { error, errorDescription: description },
      );
    }
    const code = params.get('code');
    if (!code || !transaction.code_verifier) {
      throw new LogtoCallbackError('callback_missing_code', 'The callback has no code');
    }
    log?.('callback', 'exchanging code');
    const tokens = await this.#context.requestTokens({
      grant_type: 'authorization_code',
      code,
      code_verifier: transaction.code_verifier,
      redirect_uri: transaction.redirect_uri,
    });
    if (!tokens.idToken) throw new LogtoResponseError('Token response has no id_token');
    const data = transaction.data as TransactionData | undefined;
    const { claims, clockOffset } = await this.#context.verifyIdToken(tokens.idToken, {
      nonce: transaction.nonce,
      subject: data?.subject,
    });
    log?.('callback', 'ID token verified');
    return {
      state,
      postRedirectUri: data?.postRedirectUri,
      claims,
      session: {
        idToken: tokens.idToken,
        refreshToken: tokens.refreshToken,
        // Without a resource, Logto's code exchange returns the opaque token for userinfo.
        accessTokens: { [tokenKey()]: tokens.accessToken },
        clockOffset,
      },
    };
  }
}

function randomToken(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}
