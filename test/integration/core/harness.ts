/**
 * Shared set-up for the core's integration tests: a real dev IdP over HTTP and real clients
 * (happy-dom window at http://localhost:3000, fake IndexedDB). Nothing of ours is mocked; the
 * injected fetch only records what goes over the wire.
 */
import { afterAll, afterEach, beforeAll } from 'vitest';
import {
  LogtoClient,
  MemoryStorage,
  UserScope,
  type ClientOptions,
  type LogtoConfig,
} from '../../../src/core/index.js';
import {
  completeSignIn,
  loadSeed,
  startDevIdp,
  type DevIdp,
  type DevIdpOptions,
} from '../../../src/dev-idp/index.js';

export const appOrigin = 'http://localhost:3000';
export const redirectUri = `${appOrigin}/callback`;
export const postSignOutUri = `${appOrigin}/`;
export const shopping = 'https://api.example.com/shopping';
export const store = 'https://api.example.com/store';
export const alice = { username: 'alice', password: 'alice-password' } as const;
export const bob = { username: 'bob', password: 'bob-password' } as const;

/** Starts the dev IdP with the demo seed, registered for the test window's origin. */
export async function startTestIdp(
  options: Omit<DevIdpOptions, 'seed'> & { resourceTtl?: number } = {},
): Promise<DevIdp> {
  const seed = structuredClone(await loadSeed('demo/idp.seed.json'));
  seed.app.redirectUris = [redirectUri];
  seed.app.postSignOutRedirectUris = [postSignOutUri];
  if (options.resourceTtl !== undefined) {
    for (const resource of seed.resources) resource.accessTokenTtl = options.resourceTtl;
  }
  const { resourceTtl: _ignored, ...rest } = options;
  return startDevIdp({ port: 0, quiet: true, refreshTokenReuseGraceSeconds: 0, ...rest, seed });
}

/** One request as the client sent it. */
export interface WireRequest {
  method: string;
  path: string;
  params: URLSearchParams;
  status: number | 'network-error';
}

export interface TestClient {
  client: LogtoClient;
  /** Every request the client made, in order. */
  wire: WireRequest[];
  /** Every URL the client navigated to. */
  navigations: string[];
  /** Token endpoint requests, optionally of one grant type. */
  tokenRequests(grantType?: string): WireRequest[];
}

export function createTestClient(
  idp: DevIdp,
  config: Partial<LogtoConfig> = {},
  options: ClientOptions = {},
): TestClient {
  const wire: WireRequest[] = [];
  const navigations: string[] = [];
  const recordingFetch: typeof fetch = async (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    const body = init?.body;
    const params =
      body instanceof URLSearchParams ? new URLSearchParams(body) : new URLSearchParams(url.search);
    const entry: WireRequest = {
      method: init?.method ?? 'GET',
      path: url.pathname,
      params,
      status: 'network-error',
    };
    wire.push(entry);
    const response = await (options.fetch ?? fetch)(input, init);
    entry.status = response.status;
    return response;
  };
  const client = new LogtoClient(
    {
      endpoint: idp.origin,
      appId: idp.seed.app.appId,
      scopes: [
        UserScope.Email,
        UserScope.Phone,
        UserScope.CustomData,
        UserScope.Identities,
        UserScope.Organizations,
        UserScope.OrganizationRoles,
        'read:products',
        'write:products',
        'read:orders',
        'write:orders',
        'manage:store',
        'read:members',
        'invite:members',
      ],
      resources: [shopping, store],
      ...config,
    },
    { navigate: (url) => navigations.push(url), ...options, fetch: recordingFetch },
  );
  return {
    client,
    wire,
    navigations,
    tokenRequests: (grantType) =>
      wire.filter(
        (request) =>
          request.path.endsWith('/token') &&
          (!grantType || request.params.get('grant_type') === grantType),
      ),
  };
}

/** Starts a sign-in and returns the callback URL the IdP redirects to, without handling it. */
export async function signInUntilCallback(
  test: TestClient,
  credentials: Parameters<typeof completeSignIn>[1] = alice,
  options: Partial<Parameters<LogtoClient['signIn']>[0] & object> = {},
): Promise<string> {
  await test.client.signIn({ redirectUri, ...options });
  const authorizeUrl = test.navigations.at(-1);
  if (!authorizeUrl) throw new Error('signIn did not navigate');
  return completeSignIn(authorizeUrl, credentials);
}

/** Signs in all the way: authorize, the IdP's form, callback. */
export async function signIn(
  test: TestClient,
  credentials: Parameters<typeof completeSignIn>[1] = alice,
): Promise<void> {
  await test.client.handleSignInCallback(await signInUntilCallback(test, credentials));
}

/** Rejection reason of a promise that must reject. */
export async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error('expected the promise to reject');
    },
    (reason: unknown) => reason,
  );
}

/**
 * Returns a factory of test clients (each with its own memory storage unless one is given) that
 * are disposed after every test. Call at the top level of a test file.
 */
export function clientFactory(
  getIdp: () => DevIdp,
): (config?: Partial<LogtoConfig>, options?: ClientOptions) => TestClient {
  const created: TestClient[] = [];
  afterEach(() => {
    for (const test of created.splice(0)) test.client.dispose();
  });
  return (config = {}, options = {}) => {
    const test = createTestClient(getIdp(), config, { storage: new MemoryStorage(), ...options });
    created.push(test);
    return test;
  };
}

/**
 * Starts one dev IdP for the test file (stopped after it) and returns a getter for it plus a
 * factory of clients disposed after each test. Call at the top level of a test file.
 */
export function setUpTestIdp(options: Parameters<typeof startTestIdp>[0] = {}) {
  let idp: DevIdp | undefined;
  const getIdp = (): DevIdp => {
    if (!idp) throw new Error('the dev IdP is not started yet');
    return idp;
  };
  beforeAll(async () => {
    idp = await startTestIdp(options);
  });
  afterAll(() => idp?.close());
  return { idp: getIdp, newClient: clientFactory(getIdp) };
}

/**
 * Presents a refresh token to the IdP from outside the client, as a stale tab or a thief would.
 * Logto rotates on use, so the client's copy becomes a used token.
 */
export function spendRefreshTokenElsewhere(idp: DevIdp, refreshToken: string): Promise<Response> {
  return fetch(`${idp.issuer}/token`, {
    method: 'POST',
    body: new URLSearchParams({
      grant_type: 'refresh_token',
      client_id: idp.seed.app.appId,
      refresh_token: refreshToken,
    }),
  });
}

/** A clock the test moves forward; starts at the real time so the IdP's tokens verify. */
export function testClock(): { now: () => number; advance: (seconds: number) => void } {
  let offset = 0;
  return {
    now: () => Date.now() / 1000 + offset,
    advance: (seconds: number) => {
      offset += seconds;
    },
  };
}

/** Resolves when `predicate` holds for the client's snapshot (checked on every change). */
export function snapshotWhere(
  client: LogtoClient,
  predicate: (snapshot: ReturnType<LogtoClient['getSnapshot']>) => boolean,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('snapshot never matched')), 2000);
    const check = () => {
      if (!predicate(client.getSnapshot())) return;
      clearTimeout(timer);
      unsubscribe();
      resolve();
    };
    const unsubscribe = client.subscribe(check);
    check();
  });
}
