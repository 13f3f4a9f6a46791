import { alertText, findForm, findLink } from './htmlForm.js';
import { NodeBrowser, type Navigation } from './NodeBrowser.js';

/** Credentials of a seeded (or previously created) user. */
export interface SignInCredentials {
  username: string;
  password: string;
}

/** A new account to create on the sign-up page. */
export interface SignUpCredentials {
  signUp: { username: string; password: string; name?: string; email?: string };
}

/**
 * Signs in through the dev IdP's real pages from Node, as a browser would: loads the
 * authorization URL, follows redirects with a cookie jar, fills and posts the sign-in form (or
 * the sign-up form), and follows redirects until the app's `redirect_uri`.
 *
 * @param authorizeUrl - a complete authorization request URL (with PKCE, state, redirect_uri)
 * @param credentials - `{ username, password }`, or `{ signUp: {...} }` to create an account
 * @returns the callback URL the app would receive: with `code` and `state`, or with `error`
 * @throws {Error} whose message contains the page's error text (e.g. a wrong password), or
 *   describes the unexpected page
 * @example
 * const callback = await completeSignIn(url, { username: 'alice', password: 'alice-password' });
 * const code = new URL(callback).searchParams.get('code');
 */
export async function completeSignIn(
  authorizeUrl: string,
  credentials: SignInCredentials | SignUpCredentials,
): Promise<string> {
  const redirectUri = new URL(authorizeUrl).searchParams.get('redirect_uri');
  if (redirectUri === null) throw new Error('the authorization URL has no redirect_uri');
  const callback = new URL(redirectUri);
  const isCallback = (url: string) => {
    const candidate = new URL(url);
    return candidate.origin === callback.origin && candidate.pathname === callback.pathname;
  };
  const browser = new NodeBrowser();

  let page = await browser.navigate(authorizeUrl, {}, isCallback);
  // Already signed in, or the request was refused: the IdP went straight back to the app.
  if (page.kind === 'stopped') return page.url;

  if ('signUp' in credentials) {
    if (findForm(page.body, page.url, 'sign-up-form') === undefined) {
      const link = findLink(page.body, page.url, '/sign-up');
      if (link === undefined) throw unexpectedPage(page, 'a sign-up link');
      page = await browser.navigate(link, {}, isCallback);
      if (page.kind === 'stopped') return page.url;
    }
    const form = findForm(page.body, page.url, 'sign-up-form');
    if (form === undefined) throw unexpectedPage(page, 'the sign-up form');
    const { username, password, name = '', email = '' } = credentials.signUp;
    page = await browser.submit(form, { username, password, name, email }, isCallback);
  } else {
    const form = findForm(page.body, page.url, 'sign-in-form');
    if (form === undefined) throw unexpectedPage(page, 'the sign-in form');
    const { username, password } = credentials;
    page = await browser.submit(form, { username, password }, isCallback);
  }

  if (page.kind === 'stopped') return page.url;
  const error = alertText(page.body);
  if (error !== undefined) throw new Error(`Sign-in refused: ${error}`);
  throw unexpectedPage(page, 'a redirect to the app');
}

function unexpectedPage(page: Navigation & { kind: 'page' }, expected: string): Error {
  const title = /<title>([^<]*)<\/title>/i.exec(page.body)?.[1] ?? 'no title';
  return new Error(
    `expected ${expected}, got HTTP ${page.status} at ${new URL(page.url).pathname} (${title})`,
  );
}
