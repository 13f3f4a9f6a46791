import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { DevIdp } from '../../src/dev-idp/index.js';
import { authState, signInOnDemo } from './support/demoPage.js';
import { submitIdpSignIn } from './support/fixturePage.js';
import { setUpStack } from './support/startStack.js';

const rounds = 10;
const demo = setUpStack({ app: 'demo' });
const guard = setUpStack({ app: 'guard' });

/** Main-frame documents the page commits from now on (redirects that never render are not in it). */
function recordDocuments(page: Page): string[] {
  const urls: string[] = [];
  page.on('framenavigated', (frame) => {
    if (frame === page.mainFrame()) urls.push(frame.url());
  });
  return urls;
}

/** What the IdP saw of one sign-out, from the request log since `mark`. */
function idpSide(idp: DevIdp, mark: number) {
  const since = idp.requests.slice(mark);
  const statuses = (method: string, path: string) =>
    since.filter((r) => r.method === method && r.path === path).map((r) => r.status);
  return {
    revocations: statuses('POST', '/oidc/token/revocation'),
    endSessions: statuses('GET', '/oidc/session/end'),
    confirmations: statuses('POST', '/oidc/session/end/confirm'),
    codeExchanges: since.filter((r) => r.grantType === 'authorization_code').length,
  };
}

/** One revocation, Logto's end-session page and its confirmation, and no sign-in sneaking in. */
const oneCleanSignOut = {
  revocations: [200],
  endSessions: [200],
  confirmations: [303],
  codeExchanges: 0,
};

/** The documents of one sign-out, as paths: Logto's end-session page, then where it landed. */
function paths(urls: string[]): string[] {
  return urls.map((url) => new URL(url).pathname);
}

describe('ten sign-outs in a row', () => {
  it('the demo: each one revokes, ends the Logto session and lands on the post-logout URI', async () => {
    const { app, idp } = demo.stack();
    const page = await (await demo.browser()).newPage();
    let clean = 0;
    for (let round = 0; round < rounds; round++) {
      if (round === 0) await signInOnDemo(page, app.origin);
      else {
        // The IdP asks for the password again: its session really ended at the last sign-out.
        await page.click('[data-testid="sign-in"]');
        await submitIdpSignIn(page);
        await page.waitForSelector('[data-testid="user-name"]');
      }
      const mark = idp.requests.length;
      const documents = recordDocuments(page);
      await page.click('[data-testid="sign-out"]');
      await expect.poll(() => documents.at(-1), { timeout: 10_000 }).toBe(`${app.origin}/`);
      await authState(page, 'signed-out');
      expect(paths(documents)).toEqual(['/oidc/session/end', '/']);
      expect(idpSide(idp, mark)).toEqual(oneCleanSignOut);
      page.removeAllListeners('framenavigated');
      clean++;
    }
    console.log(`[sign-out] demo: ${clean}/${rounds} clean sign-outs`);
    expect(clean).toBe(rounds);
  });

  it('a page with the hand-written guard: the guard never wins against the sign-out', async () => {
    const { app, idp } = guard.stack();
    const page = await (await guard.browser()).newPage();
    // Signed out, the guard sends the visitor straight to the IdP's sign-in form.
    await page.goto(`${app.origin}/`);
    let clean = 0;
    for (let round = 0; round < rounds; round++) {
      await submitIdpSignIn(page);
      await page.waitForSelector('#sign-out');
      const mark = idp.requests.length;
      const documents = recordDocuments(page);
      await page.click('#sign-out');
      // Landing on the post-logout URI, the guard starts a sign-in: with the Logto session ended
      // that shows the sign-in form, where a lost race would have signed the user straight back in.
      await page.waitForSelector('#sign-in-form', { timeout: 10_000 });
      expect(paths(documents).slice(0, 2)).toEqual(['/oidc/session/end', '/']);
      expect(documents[1]).toBe(`${app.origin}/`);
      expect(idpSide(idp, mark)).toEqual(oneCleanSignOut);
      page.removeAllListeners('framenavigated');
      clean++;
    }
    console.log(`[sign-out] guard page: ${clean}/${rounds} clean sign-outs`);
    expect(clean).toBe(rounds);
  });
});
