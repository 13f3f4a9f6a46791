/**
 * Sign-in through the dev IdP's pages with a `NodeBrowser`, which keeps the IdP's session cookie
 * between requests, so a later authorization request (`prompt=none`) can ride on that session
 * the way a hidden iframe does in a browser.
 */
import { findForm } from '../../../src/dev-idp/htmlForm.js';
import type { DevIdp } from '../../../src/dev-idp/index.js';
import type { Navigation, NodeBrowser } from '../../../src/dev-idp/NodeBrowser.js';
import {
  buildAuthorizeUrl,
  tokenRequest,
  type AuthorizeOptions,
  type AuthorizeRequest,
} from '../../support/devIdpClient.js';

/** The seeded user most stories sign in as. */
export const alice = { username: 'alice', password: 'alice-password' };

/** Options of {@link authorizeInBrowser}. */
export interface BrowserAuthorizeOptions extends AuthorizeOptions {
  /** The whole `scope` parameter, instead of the Logto SDK's base scopes plus `scopes`. */
  scope?: string;
}

/** Loads an authorization URL in `browser`; returns the page, or the callback it went to. */
export async function authorizeInBrowser(
  idp: DevIdp,
  browser: NodeBrowser,
  options: BrowserAuthorizeOptions = {},
): Promise<{ request: AuthorizeRequest; navigation: Navigation }> {
  let request = buildAuthorizeUrl(idp, options);
  if (options.scope !== undefined) {
    const url = new URL(request.url);
    url.searchParams.set('scope', options.scope);
    request = { ...request, url: url.href };
  }
  const { redirectUri } = request;
  const navigation = await browser.navigate(request.url, {}, (url) => url.startsWith(redirectUri));
  return { request, navigation };
}

/**
 * Signs in through the sign-in page of `browser` (default `prompt=consent`, as the Logto SDK
 * sends it) and returns the callback URL, its code not yet redeemed.
 *
 * @throws {Error} when the sign-in page or the callback does not come
 */
export async function signInWithBrowser(
  idp: DevIdp,
  browser: NodeBrowser,
  options: BrowserAuthorizeOptions = {},
  credentials: Record<string, string> = alice,
): Promise<{ request: AuthorizeRequest; callbackUrl: string }> {
  const { request, navigation } = await authorizeInBrowser(idp, browser, options);
  if (navigation.kind !== 'page')
    throw new Error(`expected the sign-in page, went to ${navigation.url}`);
  const form = findForm(navigation.body, navigation.url, 'sign-in-form');
  if (!form) throw new Error('no sign-in form');
  const { redirectUri } = request;
  const done = await browser.submit(form, credentials, (url) => url.startsWith(redirectUri));
  if (done.kind !== 'stopped') throw new Error(`expected the callback, got ${done.url}`);
  return { request, callbackUrl: done.url };
}

/**
 * Redeems the code of a callback URL, with extra token parameters such as `resource` or
 * `organization_id`.
 *
 * @throws {Error} when the callback carries no code (e.g. `error=consent_required`)
 */
export function redeemCode(
  idp: DevIdp,
  request: AuthorizeRequest,
  callbackUrl: string,
  extra: Record<string, string> = {},
) {
  const code = new URL(callbackUrl).searchParams.get('code');
  if (code === null) throw new Error(`no code in the callback: ${new URL(callbackUrl).search}`);
  return tokenRequest(idp, {
    grant_type: 'authorization_code',
    client_id: idp.seed.app.appId,
    code,
    code_verifier: request.codeVerifier,
    redirect_uri: request.redirectUri,
    ...extra,
  });
}
