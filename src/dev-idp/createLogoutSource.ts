import type { KoaContext } from 'oidc-provider';

import type { SeedApp } from './DevIdpSeed.js';
import { confirmSignOutPage, signOutPage } from './pages.js';

/**
 * oidc-provider's `rpInitiatedLogout.logoutSource`: the page of `/oidc/session/end` for a
 * browser with an IdP session. Logto signs out straight away when the app sends its `client_id`
 * and a registered `post_logout_redirect_uri` (what `signOut()` sends), so that request gets a
 * page that submits itself. Anything else (a bare link, a `client_id` alone, an `id_token_hint`)
 * could come from any site that wants to end the developer's session: it gets a plain form
 * and a button, and nothing happens without the click.
 *
 * oidc-provider has already refused an unknown `client_id` and an unregistered URI by then;
 * the check is repeated here because the page that signs out without a click must never rest
 * on another layer's behaviour.
 *
 * @param app - the seed's app, whose `appId` and `postSignOutRedirectUris` are trusted
 * @returns the `logoutSource` function for the provider's configuration
 * @example
 * features: { rpInitiatedLogout: { enabled: true, logoutSource: createLogoutSource(seed.app) } }
 */
export function createLogoutSource(app: SeedApp): (ctx: KoaContext, form: string) => void {
  return (ctx, form) => {
    const params = ctx.oidc?.params ?? {};
    const clientId = params.client_id;
    const postLogoutRedirectUri = params.post_logout_redirect_uri;
    const fromTheApp =
      clientId === app.appId &&
      ctx.oidc?.client?.clientId === app.appId &&
      typeof postLogoutRedirectUri === 'string' &&
      app.postSignOutRedirectUris.includes(postLogoutRedirectUri);
    ctx.type = 'html';
    ctx.body = fromTheApp ? signOutPage(form) : confirmSignOutPage(form);
  };
}
