import { SigninState } from 'oidc-client-ts';
import type { CallbackRelay } from './callbackRelay.js';
import type { IdTokenClaims } from './claims.js';
import type { ClientContext } from './ClientContext.js';
import {
  FirstScreen,
  type InteractionMode,
  type Prompt,
  type SignInIdentifier,
} from './constants.js';
import { LogtoCallbackError, LogtoConfigError, LogtoResponseError } from './errors.js';
import { postForm } from './http.js';
import { parseHttpUrl } from './LogtoConfig.js';
import { looksLikeCallback } from './looksLikeCallback.js';
import { parseTokenResponse } from './tokenResponse.js';
import { tokenKey } from './tokenKey.js';

/** Options of `signIn()`. Only `redirectUri` is required. */
export interface SignInOptions {
  /** Where Logto sends the user back; must be registered in Logto Console. */
  redirectUri: string;
  /** Where your app should go once the callback is handled; returned by `handleSignInCallback`. */
  postRedirectUri?: string;
  /** Overrides the configured prompt for this sign-in. */
  prompt?: Prompt | Prompt[];
  /** `signUp` opens the registration page (sent as `interaction_mode`). */
  interactionMode?: InteractionMode;
  /** The first screen of the sign-in experience (sent as `first_screen`; wins over `interactionMode`). */
  firstScreen?: FirstScreen;
  /** Which identifiers the first screen offers. */
  identifiers?: SignInIdentifier[];
  /** Pre-fills the identifier (`login_hint`). */
  loginHint?: string;
  /** Skips the sign-in page and goes straight to a social or SSO connector. */
  directSignIn?: { method: 'social' | 'sso'; target: string };
  /** Extra authorization parameters, appended last. */
  extraParams?: Record<string, string>;
  /** Forget the current tokens before leaving for sign-in. Default `true`, like @logto/browser. */
  clearTokens?: boolean;
}

/** Options of `createSignInUrl()`: those of `signIn()` (which it does not navigate to), plus: */
export interface SignInUrlOptions extends Omit<SignInOptions, 'clearTokens'> {
  /**
   * The callback will land in a popup or a hidden iframe that this window opens: there,
   * `handleSignInCallback` hands the URL back to this client instead of exchanging the code.
   */
  relay?: CallbackRelay;
  /** The sign-in must be by this user (`sub`), e.g. for a step-up; another is refused. */
  subject?: string;
}

/** A prepared sign-in: where to send the user and the transaction's `state`. */
export interface SignInRequest {
  /** The authorization URL. */
  url: string;
  /** The `state` in `url`; the callback will carry it. */
  state: string;
}

/** What a transaction keeps besides the PKCE secrets. */
interface TransactionData {
  postRedirectUri?: string | undefined;
  subject?: string | undefined;
}

/** What `handleSignInCallback()` resolves to. */
export interface SignInCallbackResult {
  /** The `postRedirectUri` given to `signIn()`, if any. */
  postRedirectUri: string | undefined;
  /** The verified ID-token claims of the new session. */
  claims: IdTokenClaims;
}

const firstScreens = new Set<string>(Object.values(FirstScreen));

/** Abandoned sign-in transactions are swept after this long. */
const transactionMaxAgeSeconds = 3600;

/**
 * The authorization-code-with-PKCE flow. oidc-client-ts's `SigninState` makes the transaction:
 * the PKCE verifier and S256 challenge, and its storage format; we keep it keyed by `state`,
 * consume it once and sweep stale ones. We do not use its `OidcClient` facade: building Logto's
 * authorization URL takes a few lines here, while `OidcClient` adds 6.8 KB gzip to every app
 * (measured by `npm run bench`). The code exchange is ours too: it goes through the injected
 * `fetch`, parses Logto's error bodies, and the ID token is verified (signature included, which
 * oidc-client-ts does not do) before anything is stored.
 */
export class SignInFlow {
  readonly #context: ClientContext;
  /** States of popup/iframe sign-ins this client started: their callbacks are its to finish. */
  readonly #ownRelays = new Set<string>();

  constructor(context: ClientContext) {
    this.#context = context;
  }

  /** Creates a transaction and returns the authorization URL to navigate to. */
  async createSignInUrl(options: SignInUrlOptions): Promise<SignInRequest> {
    const { config } = this.#context;
    parseHttpUrl('redirectUri', options.redirectUri);
    if (options.firstScreen !== undefined && !firstScreens.has(options.firstScreen)) {
      throw new LogtoConfigError(
        'firstScreen',
        `must be one of ${[...firstScreens].join(', ')}, got ${JSON.stringify(options.firstScreen)}`,
      );
    }
    const logtoParams: Record<string, string> = {};
    if (options.firstScreen) logtoParams.first_screen = options.firstScreen;
    else if (options.interactionMode) logtoParams.interaction_mode = options.interactionMode;
    if (options.identifiers?.length) logtoParams.identifier = options.identifiers.join(' ');
    if (options.directSignIn) {
      const { method, target } = options.directSignIn;
      logtoParams.direct_sign_in = `${method}:${target}`;
    }
    const { transactions, metadata } = this.#context;
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
      ...Object.entries(logtoParams),
      ['login_hint', options.loginHint],
      ...Object.entries(options.extraParams ?? {}),
    ];
    for (const [name, value] of params)
      if (value !== undefined) url.searchParams.append(name, value);
    if (options.relay) this.#ownRelays.add(transaction.id);
    return { url: url.href, state: transaction.id };
  }

  /**
   * Where the callback of the pending sign-in with this state is to be handed, if another window
   * (not this client) started it for a popup or iframe.
   */
  async relayOf(state: string): Promise<CallbackRelay | undefined> {
    const relay = /^(popup|iframe)\./.exec(state)?.[1] as CallbackRelay | undefined;
    if (!relay || this.#ownRelays.has(state)) return undefined;
    return (await this.#context.transactions.get(state)) ? relay : undefined;
  }

  /** Drops the pending sign-in with this state. */
  async discard(state: string): Promise<void> {
    this.#ownRelays.delete(state);
    await this.#context.transactions.remove(state);
  }

  /**
   * Whether `url` is a sign-in callback: it carries `state` and `code` or `error`, and its path is
   * a redirect URI this browser has used for sign-in. Forged and replayed callbacks count too, so
   * that handling them reports a readable error instead of being ignored.
   */
  async isSignInRedirected(url: string): Promise<boolean> {
    if (!looksLikeCallback(url)) return false;
    const parsed = new URL(url);
    const known = await this.#context.transactions.knownRedirectUris();
    return known.some((uri) => sameEndpoint(uri, parsed));
  }

  /**
   * Validates the callback, exchanges the code and verifies the ID token. Returns the new tokens
   * without storing them; the caller stores them.
   */
  async completeSignIn(url: string): Promise<{
    state: string;
    postRedirectUri: string | undefined;
    claims: IdTokenClaims;
    session: Parameters<ClientContext['session']['create']>[0];
  }> {
    const { transactions, metadata, config, http, now, log } = this.#context;
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
    this.#ownRelays.delete(state);
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
    const discovery = await metadata.getDiscovery();
    log?.('callback', 'exchanging code');
    const body = await postForm(http, 'token', discovery.token_endpoint, {
      grant_type: 'authorization_code',
      client_id: config.appId,
      code,
      code_verifier: transaction.code_verifier,
      redirect_uri: transaction.redirect_uri,
    });
    const tokens = parseTokenResponse(body, now());
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

function sameEndpoint(expected: string, actual: URL): boolean {
  const target = new URL(expected);
  return target.origin === actual.origin && target.pathname === actual.pathname;
}

function randomToken(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}
