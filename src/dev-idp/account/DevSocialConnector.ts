import type { CorsPolicy } from '../CorsPolicy.js';
import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

import { escapeHtml, messagePage } from '../pages.js';

/** What an authorization code of the fake provider stands for. */
interface IssuedCode {
  socialUserId: string;
  state: string;
  expiresAt: number;
}

const codeLifetimeMs = 5 * 60 * 1000;

/**
 * A fake social identity provider ("dev social", connector id `dev-social`) so that linking a
 * social identity through the Account API can be tried with no network: its authorization
 * page at `/api/dev-social/authorize` asks for an account id and redirects back to the app
 * with a one-time `code`, which `/api/verifications/social/verify` redeems. Logto has no such
 * connector; it stands in for Google, GitHub and the like.
 */
export class DevSocialConnector {
  /** The connector id (and identity target) clients pass. */
  static readonly id = 'dev-social';
  static readonly pagePath = '/dev-social/authorize';

  readonly #codes = new Map<string, IssuedCode>();
  readonly #cors: CorsPolicy;

  /** @param cors - the app's origins, the only ones the page may redirect to */
  constructor(cors: CorsPolicy) {
    this.#cors = cors;
  }

  /** The provider URL the app sends the user to. */
  authorizationUri(origin: string, state: string, redirectUri: string): string {
    const url = new URL(`/api${DevSocialConnector.pagePath}`, origin);
    url.searchParams.set('state', state);
    url.searchParams.set('redirect_uri', redirectUri);
    return url.href;
  }

  /**
   * Serves the provider's page: without `account` it shows the form; with it, it redirects to
   * the app's `redirect_uri` with `code` and `state`.
   */
  servePage(req: IncomingMessage, res: ServerResponse): void {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const state = url.searchParams.get('state') ?? '';
    const redirectUri = url.searchParams.get('redirect_uri') ?? '';
    const account = url.searchParams.get('account')?.trim() ?? '';
    const target = URL.parse(redirectUri);
    res.setHeader('Content-Type', 'text/html; charset=utf-8');
    if (!target || !this.#cors.allows(target.origin)) {
      res.statusCode = 400;
      res.end(messagePage('Dev social', 'redirect_uri is not one of the app’s origins.'));
      return;
    }
    if (account === '') {
      const hidden = (name: string, value: string) =>
        `<input type="hidden" name="${name}" value="${escapeHtml(value)}">`;
      const form = `<form method="get" action="/api${DevSocialConnector.pagePath}">
${hidden('state', state)}${hidden('redirect_uri', redirectUri)}
<label for="account">Dev social account id</label>
<input id="account" name="account" value="dev-${randomBytes(3).toString('hex')}" required>
<button type="submit">Continue</button>
</form>`;
      res.end(messagePage('Dev social', 'A fake social provider of the dev IdP.', form));
      return;
    }
    const code = randomBytes(16).toString('base64url');
    this.#codes.set(code, {
      socialUserId: account,
      state,
      expiresAt: Date.now() + codeLifetimeMs,
    });
    target.searchParams.set('code', code);
    target.searchParams.set('state', state);
    res.statusCode = 302;
    res.setHeader('Location', target.href);
    res.end();
  }

  /**
   * Redeems a code once. Returns the social account id, or undefined for an unknown, used,
   * expired code or one issued for another `state`.
   */
  redeem(code: string, state: string): string | undefined {
    const issued = this.#codes.get(code);
    this.#codes.delete(code);
    if (!issued || issued.expiresAt <= Date.now() || issued.state !== state) return undefined;
    return issued.socialUserId;
  }
}
