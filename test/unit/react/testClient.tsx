import type { ReactNode } from 'react';
import { LogtoClient, MemoryStorage, type LogtoConfig } from '../../../src/core/index.js';
import { LogtoProvider, type SignInWindowFunctions } from '../../../src/react/index.js';

export const issuer = 'https://idp.test/oidc';
export const testConfig = { endpoint: 'https://idp.test', appId: 'react-app' } as const;

const discovery = {
  issuer,
  authorization_endpoint: `${issuer}/auth`,
  token_endpoint: `${issuer}/token`,
  userinfo_endpoint: `${issuer}/me`,
  jwks_uri: `${issuer}/jwks`,
  end_session_endpoint: `${issuer}/session/end`,
  revocation_endpoint: `${issuer}/token/revocation`,
};

/** Answers a request of the fake identity provider; the discovery document is built in. */
export type IdpHandler = (url: URL, init: RequestInit | undefined) => Promise<Response> | Response;

/**
 * A real LogtoClient with memory storage, a fake identity provider that serves discovery (and
 * whatever `handler` answers), and a navigate that records URLs instead of leaving the page.
 */
export function createTestClient(
  options: {
    handler?: IdpHandler;
    config?: Partial<LogtoConfig>;
    /** Every request fails as if the identity provider were unreachable. */
    offline?: boolean;
    /** The provider's `signInWindows` prop. */
    signInWindows?: SignInWindowFunctions;
  } = {},
): {
  client: LogtoClient;
  navigations: string[];
  requests: string[];
  wrapper: (props: { children: ReactNode }) => ReactNode;
} {
  const navigations: string[] = [];
  const requests: string[] = [];
  const fetch = (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const url = new URL(input instanceof Request ? input.url : input.toString());
    requests.push(url.pathname);
    if (options.offline) return Promise.reject(new TypeError('fetch failed'));
    if (url.pathname === '/oidc/.well-known/openid-configuration')
      return Promise.resolve(Response.json(discovery));
    if (options.handler) return Promise.resolve(options.handler(url, init));
    return Promise.resolve(Response.json({ error: 'not_found' }, { status: 404 }));
  };
  const client = new LogtoClient(
    { ...testConfig, ...options.config },
    {
      storage: new MemoryStorage(),
      fetch,
      navigate: (url) => navigations.push(url),
      proactiveRefresh: false,
    },
  );
  const wrapper = ({ children }: { children: ReactNode }) => (
    <LogtoProvider client={client} signInWindows={options.signInWindows}>
      {children}
    </LogtoProvider>
  );
  return { client, navigations, requests, wrapper };
}

/** Starts a sign-in and returns the `state` of the authorization URL it navigated to. */
export async function startSignIn(client: LogtoClient, navigations: string[]): Promise<string> {
  await client.signIn('http://localhost:3000/callback');
  const url = navigations.at(-1);
  const state = url === undefined ? null : new URL(url).searchParams.get('state');
  if (!state) throw new Error('signIn did not navigate to an authorization URL');
  return state;
}
