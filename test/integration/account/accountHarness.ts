/**
 * Shared set-up for the account client's integration tests: a real dev IdP (the demo seed, whose
 * account center is on, registered for the test window's origin) and real signed-in clients.
 */
import { afterAll, afterEach, beforeAll } from 'vitest';
import { createAccountClient, type AccountClient } from '../../../src/account/index.js';
import { MemoryStorage, type LogtoConfig } from '../../../src/core/index.js';
import { loadSeed, startDevIdp, type DevIdp, type DevIdpSeed } from '../../../src/dev-idp/index.js';
import {
  createTestClient,
  postSignOutUri,
  redirectUri,
  signIn,
  type TestClient,
} from '../core/harness.js';

export { alice, bob, rejectionOf } from '../core/harness.js';

/** Starts a dev IdP with the demo seed, changed by `edit` (account center fields, dev features). */
export async function startAccountIdp(edit: (seed: DevIdpSeed) => void = () => undefined) {
  const seed = structuredClone(await loadSeed('demo/idp.seed.json'));
  seed.app.redirectUris = [redirectUri];
  seed.app.postSignOutRedirectUris = [postSignOutUri];
  edit(seed);
  return startDevIdp({ port: 0, quiet: true, refreshTokenReuseGraceSeconds: 0, seed });
}

/** A signed-in client, its account client, and what went over the wire. */
export interface AccountTest {
  test: TestClient;
  account: AccountClient;
  /** The Account API requests the IdP served since sign-in, as `METHOD /path` (no preflights). */
  apiCalls: () => string[];
}

/**
 * Starts one dev IdP for the file and returns a getter for it, and a function that signs a user
 * in and makes an account client (disposed after each test).
 */
export function setUpAccountIdp(edit?: (seed: DevIdpSeed) => void) {
  let idp: DevIdp | undefined;
  const created: TestClient[] = [];
  const getIdp = (): DevIdp => {
    if (!idp) throw new Error('the dev IdP is not started yet');
    return idp;
  };
  beforeAll(async () => {
    idp = await startAccountIdp(edit);
  });
  afterAll(() => idp?.close());
  afterEach(() => {
    for (const test of created.splice(0)) test.client.dispose();
  });

  const signedIn = async (
    user: { username: string; password: string },
    config: Partial<LogtoConfig> = {},
    now?: () => number,
  ): Promise<AccountTest> => {
    const test = createTestClient(getIdp(), config, { storage: new MemoryStorage() });
    created.push(test);
    await signIn(test, user);
    const account = createAccountClient(test.client, now ? { now } : {});
    const start = getIdp().requests.length;
    return {
      test,
      account,
      apiCalls: () =>
        getIdp()
          .requests.slice(start)
          .filter((request) => request.path.startsWith('/api/') && request.method !== 'OPTIONS')
          .map((request) => `${request.method} ${request.path}`),
    };
  };
  return { idp: getIdp, signedIn };
}

/** The code the dev IdP "sent" last to `to`. */
export function lastCodeTo(idp: DevIdp, to: string): string {
  const code = idp
    .sentCodes()
    .filter((sent) => sent.to === to)
    .at(-1)?.code;
  if (code === undefined) throw new Error(`no code was sent to ${to}`);
  return code;
}
