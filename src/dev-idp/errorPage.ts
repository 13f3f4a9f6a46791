import type { KoaContext } from 'oidc-provider';

import type { SeedApp } from './DevIdpSeed.js';
import { escapeHtml, messagePage } from './pages.js';

/** Request parameters worth echoing on an error page: none of them is a secret. */
const shownParameters = ['client_id', 'redirect_uri', 'post_logout_redirect_uri'] as const;

/** What the seed registers, next to the parameter it is compared with. */
function registeredFor(parameter: (typeof shownParameters)[number], app: SeedApp): string[] {
  switch (parameter) {
    case 'client_id':
      return [app.appId];
    case 'redirect_uri':
      return app.redirectUris;
    case 'post_logout_redirect_uri':
      return app.postSignOutRedirectUris;
  }
}

/** Where a developer fixes each parameter: the seed field (or their LogtoConfig). */
const seedField = {
  client_id: 'app.appId (and LogtoConfig.appId)',
  redirect_uri: 'app.redirectUris',
  post_logout_redirect_uri: 'app.postSignOutRedirectUris',
} as const;

function list(values: readonly string[]): string {
  return values.length === 0
    ? '<em>nothing</em>'
    : values.map((value) => `<code>${escapeHtml(value)}</code>`).join(', ');
}

/**
 * oidc-provider's `renderError`: the error and its description, then, for each of `client_id`,
 * `redirect_uri` and `post_logout_redirect_uri` the request carried, what was sent and what the
 * seed registers, and the seed field to change. A developer whose app is refused sees the fix
 * without reading the IdP's source. Every value is HTML-escaped (they come from the URL).
 *
 * @param app - the seed's app, whose registrations the page lists
 * @returns the `renderError` function for the provider's configuration
 * @example
 * new Provider(issuer, { renderError: createErrorPage(seed.app) });
 */
export function createErrorPage(
  app: SeedApp,
): (ctx: KoaContext, out: { error?: string; error_description?: string }) => void {
  return (ctx, out) => {
    const params = ctx.oidc?.params ?? {};
    const rows = shownParameters.flatMap((parameter) => {
      const sent = params[parameter];
      if (typeof sent !== 'string') return [];
      const registered = registeredFor(parameter, app);
      const ok = registered.includes(sent);
      return [
        `<p><code>${parameter}</code> sent: <code>${escapeHtml(sent)}</code>${ok ? ' (registered)' : ''}<br>` +
          `registered in the seed's <code>${seedField[parameter]}</code>: ${list(registered)}</p>`,
      ];
    });
    ctx.type = 'html';
    ctx.body = messagePage(
      out.error ?? 'Error',
      out.error_description ?? 'The request could not be completed.',
      rows.join('\n'),
    );
  };
}
