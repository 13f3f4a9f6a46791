import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { authState, jsonOf, openNav, signInOnDemo } from './support/demoPage.js';
import { recordShownErrors, shownErrors } from './support/shownErrors.js';
import { setUpStack, shopping } from './support/startStack.js';
import { tapTokenEndpoint, type TokenAnswer } from './support/tokenEndpointTap.js';

const tokenLifetime = 4;
const { stack, browser: launch } = setUpStack({
  app: 'demo',
  resourceTtl: tokenLifetime,
  idp: {
    ttl: { accessToken: tokenLifetime },
    // Any reuse of a refresh token revokes the grant at once: a reuse cannot go unnoticed.
    refreshTokenReuseGraceSeconds: 0,
  },
});

/** The `jti` of the shopping token the demo's API page shows, or undefined when it shows none. */
async function shownShoppingTokenId(page: Page): Promise<unknown> {
  const text = await page.evaluate(
    () =>
      document.querySelector('[data-testid="api-token-claims-shopping"]')?.textContent ?? 'null',
  );
  return (JSON.parse(text) as { jti?: unknown } | null)?.jti;
}

/** What a failed answer looks like in an assertion's diff. */
function summary({ grantType, resource, status, error }: TokenAnswer) {
  return { grantType, resource, status, error };
}

describe('a refresh whose answer cannot be verified', () => {
  it('shows the refused ID token, and the next refresh uses the rotated refresh token: no reuse, still signed in', async () => {
    const { app, idp } = stack();
    const browser = await launch();
    const page = await browser.newPage();
    await recordShownErrors(page);
    const tap = await tapTokenEndpoint(page, idp.issuer);
    await signInOnDemo(page, app.origin);
    await openNav(page, 'api');
    await page.waitForSelector('[data-testid="api-token-claims-shopping"]');
    await page.waitForSelector('[data-testid="api-token-claims-store"]');

    // The page keeps both tokens fresh by itself. The next refresh of the shopping token reaches
    // the page with a damaged ID-token signature; Logto has rotated the refresh token all the same.
    const damaged = await tap.damageNextRefresh(shopping);
    const damagedIndex = tap.answers.indexOf(damaged);
    const after = () => tap.answers.slice(damagedIndex + 1);

    // Wait until the client has refreshed the shopping token again, or was refused trying.
    await expect
      .poll(() => after().some((answer) => answer.resource === shopping || answer.status !== 200), {
        timeout: tokenLifetime * 2000,
        interval: 50,
      })
      .toBe(true);
    // With no grace, presenting the spent refresh token again would have been refused here.
    expect(
      after()
        .filter((answer) => answer.status !== 200)
        .map(summary),
    ).toEqual([]);
    // The refresh after the damaged one presented the refresh token that answer rotated to.
    expect(after()[0]?.presented).toBe(damaged.rotatedTo);

    // The page shows a shopping token from a refresh after the damaged one, never the held-back one.
    const renewedIds = () =>
      after()
        .filter((answer) => answer.resource === shopping)
        .map((answer) => answer.accessTokenId);
    expect(damaged.accessTokenId).toEqual(expect.any(String));
    await expect
      .poll(() => shownShoppingTokenId(page))
      .toSatisfy((id) => typeof id === 'string' && renewedIds().includes(id));
    expect(await shownShoppingTokenId(page)).not.toBe(damaged.accessTokenId);

    // The refused ID token reached the app as such: the shopping card showed it (the card
    // recovers at the next token change, so the record catches it even if it showed briefly).
    expect(await shownErrors(page)).toContainEqual({
      where: 'api-token-error-shopping',
      code: 'id_token_invalid',
    });

    // Still signed in, and the API accepts the renewed token.
    await authState(page, 'signed-in');
    await page.click('[data-testid="api-call-shopping"]');
    expect(await jsonOf(page, 'api-result-shopping')).toHaveProperty('products');

    // No refresh token was presented twice, and the IdP refused nothing.
    const presented = tap.answers.flatMap((answer) => answer.presented ?? []);
    expect(new Set(presented).size).toBe(presented.length);
    expect(
      idp.requests
        .filter((request) => request.path === '/oidc/token' && request.status !== 200)
        .map(({ status, grantType, resource }) => ({ status, grantType, resource })),
    ).toEqual([]);
    expect(browser.blocked).toEqual([]);
  });
});
