/**
 * What the demo API tests share: the demo API in a plain `node:http` server (as the e2e tests
 * serve the built demo), a dev IdP seeded with the demo's seed, and a signed-in user who can get
 * tokens for any resource or organization.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import { createDemoApiHandler, type DemoApiOptions } from '../../../demo/server/demoApi.js';
import { loadSeed, startDevIdp, type DevIdp } from '../../../src/dev-idp/index.js';
import { refresh, signIn, type TokenSet } from '../../support/devIdpClient.js';

export const shopping = 'https://api.example.com/shopping';
export const store = 'https://api.example.com/store';
export const alice = { username: 'alice', password: 'alice-password' };
export const bob = { username: 'bob', password: 'bob-password' };

const scopes = [
  'urn:logto:scope:organizations',
  'read:products',
  'write:products',
  'read:orders',
  'read:members',
];

/** The demo API, listening. */
export interface DemoApi {
  origin: string;
  close: () => Promise<void>;
}

/** Serves the demo API on a free port; anything but `/api/...` gets 418 "not the API". */
export async function serveDemoApi(options: DemoApiOptions): Promise<DemoApi> {
  const handler = createDemoApiHandler({ onError: () => undefined, ...options });
  const server: Server = createServer((req, res) => {
    if (!handler(req, res)) {
      res.statusCode = 418;
      res.end('not the API');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => {
          resolve();
        });
        server.closeAllConnections();
      }),
  };
}

/** A dev IdP with the demo's seed, its app at http://127.0.0.1:5999, no refresh-reuse grace. */
export async function startDemoIdp(): Promise<DevIdp> {
  const seed = structuredClone(await loadSeed('demo/idp.seed.json'));
  seed.app.redirectUris = ['http://127.0.0.1:5999/callback'];
  seed.app.postSignOutRedirectUris = ['http://127.0.0.1:5999/'];
  return startDevIdp({ seed, port: 0, quiet: true, refreshTokenReuseGraceSeconds: 0 });
}

/** Gets a token for a resource, an organization, or a resource inside an organization. */
export type TokenFor = (target: {
  resource?: string;
  organization_id?: string;
}) => Promise<{ accessToken: string; idToken: string }>;

/** Signs `credentials` in and returns a way to get tokens, rotating the refresh token. */
export async function signedIn(idp: DevIdp, credentials: typeof alice): Promise<TokenFor> {
  const tokens: TokenSet = await signIn(idp, credentials, {
    scopes,
    // The SDK adds the reserved organizations resource along with the organizations scope.
    resources: [shopping, store, 'urn:logto:resource:organizations'],
  });
  let refreshToken = tokens.refresh_token ?? '';
  return async (target) => {
    const { status, json } = await refresh(idp, refreshToken, target);
    if (status !== 200) throw new Error(`refresh failed: ${status} ${JSON.stringify(json)}`);
    refreshToken = json.refresh_token ?? refreshToken;
    return { accessToken: json.access_token, idToken: json.id_token ?? '' };
  };
}

/** A GET with an optional bearer token; the JSON body, status and challenge. */
export async function callApi(origin: string, path: string, token?: string) {
  const response = await fetch(`${origin}${path}`, {
    headers: token === undefined ? {} : { authorization: `Bearer ${token}` },
  });
  return {
    status: response.status,
    challenge: response.headers.get('www-authenticate'),
    body: (await response.json()) as Record<string, unknown>,
  };
}
