/**
 * A scripted walk through the running demo in Chromium, as a new user would click it, with a
 * screenshot at every step. Not a test: a tool for looking at the demo.
 *
 *   npm run demo &                  # in another terminal
 *   npx tsx demo/scripts/walkthrough.ts
 *
 * Environment: DEMO_URL (default http://127.0.0.1:5173), SCREENSHOT_DIR (default /tmp),
 * CHROMIUM_PATH (default /usr/bin/chromium), HEADED=1 to watch it.
 */
import { chromium, type Page } from 'playwright-core';
import { chromiumArgs, chromiumPath } from '../../scripts/chromium.js';

const base = process.env.DEMO_URL ?? 'http://127.0.0.1:5173';
const screenshotDir = process.env.SCREENSHOT_DIR ?? '/tmp';
const alice = { username: 'alice', password: 'alice-password' };
const shots: string[] = [];
const problems: string[] = [];

async function shot(page: Page, name: string, description: string): Promise<void> {
  const path = `${screenshotDir}/demo-${name}.png`;
  // A full-page shot of a scrolled page would paint the sticky header mid-page.
  await page.evaluate(() => {
    window.scrollTo(0, 0);
  });
  await page.screenshot({ path, fullPage: true });
  shots.push(`${path}  ${description}`);
}

function step(text: string): void {
  process.stdout.write(`• ${text}\n`);
}

const byTestId = (page: Page, id: string) => page.getByTestId(id);

async function expectAuthState(page: Page, state: 'signed-in' | 'signed-out'): Promise<void> {
  await page.locator(`[data-testid="auth-state"][data-state="${state}"]`).waitFor();
}

async function fillSignInForm(page: Page, credentials = alice): Promise<void> {
  await page.locator('#sign-in-form').waitFor();
  await page.fill('#username', credentials.username);
  await page.fill('#password', credentials.password);
  await Promise.all([page.waitForURL(`${base}/**`), page.click('#sign-in-form [type="submit"]')]);
}

/** No page may show a whole JWT: only decoded claims or a masked prefix. */
async function expectNoTokenOnPage(page: Page, where: string): Promise<void> {
  const text = await page.locator('body').innerText();
  if (/eyJ[\w-]{10,}\.[\w-]{10,}\.[\w-]{10,}/.test(text))
    problems.push(`a JWT is visible on ${where}`);
}

async function main(): Promise<void> {
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    headless: process.env.HEADED !== '1',
    args: [...chromiumArgs],
  });
  const context = await browser.newContext({ viewport: { width: 1100, height: 800 } });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  // Failed responses are listed; the ones the walkthrough provokes on purpose are expected.
  const expectedFailures: RegExp[] = [];
  page.on('response', (response) => {
    const url = response.url();
    if (response.status() >= 400 && !expectedFailures.some((pattern) => pattern.test(url))) {
      problems.push(`HTTP ${response.status()} from ${url.split('?')[0] ?? url}`);
    }
  });

  try {
    step('home, signed out');
    await page.goto(base);
    await expectAuthState(page, 'signed-out');
    await shot(page, '01-home-signed-out', 'home page, signed out: Sign in / Sign up buttons');

    step('sign in as alice');
    await byTestId(page, 'sign-in').click();
    await page.locator('#sign-in-form').waitFor();
    await shot(page, '02-idp-sign-in', "the dev IdP's sign-in page");
    await fillSignInForm(page);
    await byTestId(page, 'greeting').waitFor();
    await expectAuthState(page, 'signed-in');
    await shot(page, '03-home-signed-in', 'home page after sign-in: greeting with the user name');

    step('profile: ID-token claims and userinfo');
    await byTestId(page, 'nav-profile').click();
    await byTestId(page, 'id-token-claims').waitFor();
    await byTestId(page, 'userinfo').waitFor();
    await shot(page, '04-profile', 'profile: ID-token claims and fetchUserInfo() JSON');

    step('API: a token per resource, then call the protected API');
    await byTestId(page, 'nav-api').click();
    await byTestId(page, 'api-token-claims-shopping').waitFor();
    // A reload keeps the session (IndexedDB) and lands on the same page, not on the API itself.
    await page.reload();
    await byTestId(page, 'api-token-claims-shopping').waitFor();
    await byTestId(page, 'api-token-claims-store').waitFor();
    await byTestId(page, 'api-call-shopping').click();
    await byTestId(page, 'api-result-shopping').waitFor();
    await byTestId(page, 'api-call-store').click();
    await byTestId(page, 'api-result-store').waitFor();
    await expectNoTokenOnPage(page, 'the API page');
    await shot(page, '05-api', 'API: decoded token claims per resource and the API answers');
    expectedFailures.push(/\/api\/store\/orders$/);
    await byTestId(page, 'api-call-anonymous-store').click();
    await byTestId(page, 'api-result-store-error').waitFor();
    await byTestId(page, 'api-result-store-error').scrollIntoViewIfNeeded();
    await shot(page, '06-api-without-token', 'API called without a token: 401 shown readably');

    step('forget access tokens: the cards get fresh ones');
    await byTestId(page, 'clear-access-tokens').click();
    await byTestId(page, 'api-token-claims-shopping').waitFor();

    step('organizations: pick acme, get its token, call the organization API');
    await byTestId(page, 'nav-organizations').click();
    await byTestId(page, 'org-option-acme').click();
    await byTestId(page, 'org-token-claims').waitFor();
    await byTestId(page, 'org-api-call').click();
    await byTestId(page, 'org-api-result').waitFor();
    await expectNoTokenOnPage(page, 'the organizations page');
    await shot(page, '07-organization-token', 'organizations: acme token claims and API answer');
    expectedFailures.push(/\/oidc\/token$/);
    await byTestId(page, 'org-custom-input').fill('initech');
    await byTestId(page, 'org-custom-submit').click();
    await byTestId(page, 'org-token-error').waitFor();
    await shot(page, '08-organization-denied', 'organization the user is not in: access_denied');

    step('protected page, signed in');
    await byTestId(page, 'nav-protected').click();
    await byTestId(page, 'protected-content').waitFor();
    await shot(page, '09-protected', 'protected page content, signed in');

    step('sign out');
    await byTestId(page, 'nav-home').click();
    await Promise.all([page.waitForURL(`${base}/`), byTestId(page, 'sign-out').click()]);
    await expectAuthState(page, 'signed-out');
    await shot(page, '10-signed-out', 'home page after sign-out');

    step('protected page, signed out: redirect to sign-in and back');
    await page.goto(`${base}/protected`);
    await fillSignInForm(page);
    await page.waitForURL(`${base}/protected`);
    await byTestId(page, 'protected-content').waitFor();
    await shot(page, '11-protected-after-sign-in', 'protected page reached again after sign-in');

    step('a forged callback shows a readable error');
    const issuer = `${new URL(base).protocol}//${new URL(base).hostname}:3001/oidc`;
    await page.goto(`${base}/callback?code=forged&state=forged&iss=${encodeURIComponent(issuer)}`);
    await byTestId(page, 'callback-error').waitFor();
    await shot(page, '12-callback-forged', 'forged callback: error box with its code');
    await page.goto(`${base}/callback?code=forged&state=forged`);
    await byTestId(page, 'callback-error').waitFor();
    await page.goto(base);
    await byTestId(page, 'greeting').waitFor();
    await shot(
      page,
      '13-home-after-forged-callback',
      'home page after a forged callback: still signed in',
    );

    step('sign out, then sign up as a new user');
    await page.goto(base);
    await Promise.all([page.waitForURL(`${base}/`), byTestId(page, 'sign-out').click()]);
    await expectAuthState(page, 'signed-out');
    await byTestId(page, 'sign-up').click();
    await page.locator('#sign-up-form').waitFor();
    const username = `carol${Date.now() % 100000}`;
    await page.fill('#username', username);
    await page.fill('#password', 'carol-password');
    await page.fill('#name', 'Carol Danvers');
    await page.fill('#email', `${username}@example.com`);
    await shot(page, '14-idp-sign-up', "the dev IdP's sign-up page (interactionMode: 'signUp')");
    await Promise.all([page.waitForURL(`${base}/**`), page.click('#sign-up-form [type="submit"]')]);
    await byTestId(page, 'greeting').waitFor();
    await shot(page, '15-signed-up', 'home page greeting the newly created user');
    await Promise.all([page.waitForURL(`${base}/`), byTestId(page, 'sign-out').click()]);
    await expectAuthState(page, 'signed-out');

    step('cancel on the sign-in page: the callback reports access_denied');
    await byTestId(page, 'sign-in').click();
    await page.locator('#sign-in-form').waitFor();
    await page.getByText('Cancel and go back to the app').click();
    await byTestId(page, 'callback-error').waitFor();
    await shot(page, '16-sign-in-cancelled', 'sign-in cancelled at the IdP: callback error box');
    await page.goto(base);
    await expectAuthState(page, 'signed-out');
    await shot(page, '17-home-after-cancel', 'home page after the cancelled sign-in');
  } catch (error) {
    await page.screenshot({ path: `${screenshotDir}/demo-failure.png`, fullPage: true });
    problems.push(`walkthrough stopped: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    await browser.close();
  }

  process.stdout.write(`\nScreenshots:\n${shots.map((line) => `  ${line}`).join('\n')}\n`);
  if (problems.length > 0) {
    process.stdout.write(`\nProblems:\n${problems.map((line) => `  - ${line}`).join('\n')}\n`);
    process.exitCode = 1;
  } else {
    process.stdout.write('\nNo problems seen.\n');
  }
}

await main();
