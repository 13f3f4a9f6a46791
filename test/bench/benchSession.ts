/**
 * The bench's app: real `LogtoClient`s in Node against a real dev IdP over HTTP, with an
 * injected fetch that records every request, an injected navigate (sign-in and sign-out pages
 * are visited by `completeSignIn`, as a browser would), a clock the bench can move forward, and
 * memory storage that one client hands to the next to play a page reload.
 */
import {
  LogtoClient,
  UserScope,
  type ClientOptions,
  type LogtoStorage,
} from '../../src/core/index.js';
import { completeSignIn, loadSeed, startDevIdp, type DevIdp } from '../../src/dev-idp/index.js';

export const benchOrigin = 'http://localhost:4173';
export const redirectUri = `${benchOrigin}/callback`;
export const postLogoutRedirectUri = `${benchOrigin}/`;
export const shopping = 'https://api.example.com/shopping';
export const store = 'https://api.example.com/store';
export const inventory = 'https://api.example.com/inventory';
export const organizationId = 'acme';
/** Lifetime of every access token the bench's IdP issues, in seconds. */
export const tokenTtlSeconds = 60;
const alice = { username: 'alice', password: 'alice-password' } as const;

/**
 * The demo seed, registered for the bench's origin, with a third API resource and short token
 * lifetimes so that the bench can let tokens expire by moving the client's clock by less than
 * the ID token's 300 s clock tolerance.
 */
export async function startBenchIdp(): Promise<DevIdp> {
  const seed = structuredClone(await loadSeed('demo/idp.seed.json'));
  seed.app.redirectUris = [redirectUri];
  seed.app.postSignOutRedirectUris = [postLogoutRedirectUri];
  seed.resources.push({
    indicator: inventory,
    name: 'Inventory API',
    scopes: ['read:inventory'],
  });
  for (const resource of seed.resources) resource.accessTokenTtl = tokenTtlSeconds;
  const merchant = seed.roles.find((role) => role.name === 'merchant');
  if (!merchant) throw new Error('the demo seed has no merchant role');
  merchant.scopes.push({ resource: inventory, scope: 'read:inventory' });
  return startDevIdp({
    seed,
    port: 0,
    quiet: true,
    refreshTokenReuseGraceSeconds: 0,
    ttl: { accessToken: tokenTtlSeconds, organizationToken: tokenTtlSeconds },
  });
}

/** A clock in epoch seconds that the bench moves forward to let tokens expire. */
export class BenchClock {
  #offset = 0;
  readonly now = (): number => Date.now() / 1000 + this.#offset;

  advance(seconds: number): void {
    this.#offset += seconds;
  }
}

/** Which endpoint a request went to, named for the table. */
export type Endpoint =
  'discovery' | 'jwks' | 'token: code' | 'token: refresh' | 'userinfo' | 'revocation' | 'other';

/** Every request of every bench client, in order. */
export class WireLog {
  readonly entries: Endpoint[] = [];

  /** A fetch that records the endpoint of each request, then sends it. */
  readonly fetch: typeof fetch = (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    const body = init?.body instanceof URLSearchParams ? init.body : undefined;
    this.entries.push(endpointOf(url.pathname, body?.get('grant_type') ?? undefined));
    return fetch(input, init);
  };

  /** Runs `task` and returns how many requests it made, per endpoint. */
  async count(task: () => Promise<unknown>): Promise<Map<Endpoint, number>> {
    const start = this.entries.length;
    await task();
    const counts = new Map<Endpoint, number>();
    for (const endpoint of this.entries.slice(start))
      counts.set(endpoint, (counts.get(endpoint) ?? 0) + 1);
    return counts;
  }
}

function endpointOf(pathname: string, grantType: string | undefined): Endpoint {
  if (pathname.endsWith('/.well-known/openid-configuration')) return 'discovery';
  if (pathname.endsWith('/jwks')) return 'jwks';
  if (pathname.endsWith('/token/revocation')) return 'revocation';
  if (pathname.endsWith('/token'))
    return grantType === 'refresh_token' ? 'token: refresh' : 'token: code';
  if (pathname.endsWith('/me')) return 'userinfo';
  return 'other';
}

/** A client with the bench's injections; `navigations` collects the pages it would open. */
export interface BenchClient {
  client: LogtoClient;
  navigations: string[];
}

/** Creates a client as a page load would: new object, existing storage. */
export function createBenchClient(
  idp: DevIdp,
  deps: { storage: LogtoStorage; clock: BenchClock; wire: WireLog },
  options: ClientOptions = {},
): BenchClient {
  const navigations: string[] = [];
  const client = new LogtoClient(
    {
      endpoint: idp.origin,
      appId: idp.seed.app.appId,
      scopes: [UserScope.Organizations, 'read:products', 'read:orders', 'read:inventory'],
      resources: [shopping, store, inventory],
    },
    {
      storage: deps.storage,
      fetch: deps.wire.fetch,
      now: deps.clock.now,
      navigate: (url) => navigations.push(url),
      ...options,
    },
  );
  return { client, navigations };
}

/** Signs alice in: `signIn`, the IdP's pages (a browser's navigations, not counted), callback. */
export async function signIn(bench: BenchClient): Promise<void> {
  await bench.client.signIn(redirectUri);
  const authorizeUrl = bench.navigations.at(-1);
  if (authorizeUrl === undefined) throw new Error('signIn did not navigate');
  await bench.client.handleSignInCallback(await completeSignIn(authorizeUrl, alice));
}
