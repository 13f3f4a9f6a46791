import { describe, expect, it } from 'vitest';

import { httpRequest } from '../../../src/dev-idp/httpRequest.js';
import { buildAuthorizeUrl } from '../../support/devIdpClient.js';
import { setUpDevIdp } from '../../support/setUpDevIdp.js';

const context = setUpDevIdp();

/** What a browser shows for `url`: the status and the page's text with the markup stripped. */
async function page(url: string) {
  const { status, headers, body } = await httpRequest(url, { headers: { accept: 'text/html' } });
  const text = body
    .slice(body.indexOf('<main>'), body.indexOf('<footer>'))
    .replace(/<br>|<\/p>|<\/h1>/g, ' ')
    .replace(/<[^>]+>/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  return { status, type: headers['content-type'], body, text };
}

function authorizeUrl(params: Record<string, string>): string {
  const url = new URL(buildAuthorizeUrl(context.idp).url);
  for (const [key, value] of Object.entries(params)) url.searchParams.set(key, value);
  return url.href;
}

describe('the dev IdP error pages say what was sent and what is registered', () => {
  it('names an unknown client_id and the registered one', async () => {
    const { status, text } = await page(authorizeUrl({ client_id: 'my-app' }));

    expect(status).toBe(400);
    expect(text).toContain('invalid_client');
    expect(text).toContain(
      "client_id sent: my-app registered in the seed's app.appId (and LogtoConfig.appId): demo-spa",
    );
  });

  it('names an unregistered redirect_uri and the registered ones', async () => {
    const { status, text } = await page(
      authorizeUrl({ redirect_uri: 'http://localhost:5173/callback' }),
    );

    expect(status).toBe(400);
    expect(text).toContain('invalid_redirect_uri');
    expect(text).toContain(
      "redirect_uri sent: http://localhost:5173/callback registered in the seed's app.redirectUris: http://127.0.0.1:5173/callback",
    );
    expect(text).toContain('client_id sent: demo-spa (registered)');
  });

  it('names an unregistered post_logout_redirect_uri (the missing trailing slash) and the registered ones', async () => {
    const url = new URL(`${context.idp.issuer}/session/end`);
    url.searchParams.set('client_id', 'demo-spa');
    url.searchParams.set('post_logout_redirect_uri', 'http://127.0.0.1:5173');

    const { status, type, text } = await page(url.href);

    expect(status).toBe(400);
    expect(type).toMatch(/^text\/html/);
    expect(text).toContain('post_logout_redirect_uri not registered');
    expect(text).toContain(
      "post_logout_redirect_uri sent: http://127.0.0.1:5173 registered in the seed's app.postSignOutRedirectUris: http://127.0.0.1:5173/",
    );
  });

  it('escapes what was sent: markup in a parameter stays text', async () => {
    const { status, body } = await page(
      authorizeUrl({
        client_id: '<img src=x onerror=alert(1)>',
        redirect_uri: 'http://127.0.0.1:5173/"><script>alert(2)</script>',
      }),
    );

    expect(status).toBe(400);
    expect(body).not.toContain('<img src=x');
    expect(body).not.toContain('<script>alert(2)');
    expect(body).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });
});
