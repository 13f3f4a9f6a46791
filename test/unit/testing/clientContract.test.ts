import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  LogtoClient,
  LogtoError,
  LogtoSessionExpiredError,
  LogtoTokenEndpointError,
  MemoryStorage,
  type AuthSnapshot,
  type LogtoEventName,
} from '../../../src/core/index.js';
import { signOutLeaveTimeoutMs } from '../../../src/core/session/SignOut.js';
import type { LogtoClientLike } from '../../../src/react/index.js';
import { createMockClient } from '../../../src/testing/index.js';
import { createFakeLogto } from '../../support/fakeLogto.js';

// The contracts a component can observe, checked on the real client and on the mock alike, so
// the mock cannot drift from it: the snapshots and their order, the events, what each method
// answers in each state. The real client runs against a fake Logto in memory (no network, no
// storage but memory); the mock reaches the same states with its own controls.

const api = 'https://api.example.com/orders';
const redirectUri = 'http://localhost:3000/callback';
const home = 'http://localhost:3000/';
const user = { sub: 'user-1', name: 'Ada' };

/** One side of the contract: a signed-out client, and how Logto answers it. */
interface Side {
  client: LogtoClientLike;
  /** Logto's answer to an authorization request: the callback URL, with a code. */
  authorize: (authorizationUrl: string) => string;
  /** From now on, the refresh token is refused (`invalid_grant`: revoked or expired at Logto). */
  refuseRefresh: () => void;
}

const sides: { name: string; create: () => Promise<Side> }[] = [
  {
    name: 'LogtoClient',
    create: async () => {
      const logto = await createFakeLogto(user);
      const client = new LogtoClient(
        { endpoint: logto.endpoint, appId: 'app', resources: [api] },
        { storage: new MemoryStorage(), fetch: logto.fetch, navigate: () => undefined },
      );
      await client.start();
      return { client, authorize: logto.authorize, refuseRefresh: logto.refuseRefresh };
    },
  },
  {
    name: 'createMockClient',
    create: () => {
      const mock = createMockClient({ user, signedIn: false, config: { resources: [api] } });
      return Promise.resolve({
        client: mock,
        // The mock's authorization URL carries the redirect URI and state, as Logto's does.
        authorize: (authorizationUrl) => {
          const request = new URL(authorizationUrl).searchParams;
          const callback = new URL(request.get('redirect_uri') ?? '');
          callback.searchParams.set('code', 'code-1');
          callback.searchParams.set('state', request.get('state') ?? '');
          return callback.href;
        },
        refuseRefresh: () =>
          mock.setError(
            'getAccessToken',
            new LogtoSessionExpiredError(
              new LogtoTokenEndpointError({
                status: 400,
                error: 'invalid_grant',
                endpoint: 'token',
              }),
            ),
          ),
      });
    },
  },
];

/**
 * What a component sees, as lines in the order it happened: each snapshot change (`status`, the
 * claims, the error's code, whether `tokenRevision` went up) and each event. A notification
 * without a new snapshot is a line too, so that it fails the comparison.
 */
function observe(client: LogtoClientLike) {
  const seen: string[] = [];
  let last = client.getSnapshot();
  client.subscribe(() => {
    const next = client.getSnapshot();
    seen.push(next === last ? 'notified without a change' : describeSnapshot(next, last));
    last = next;
  });
  const events: LogtoEventName[] = ['signedIn', 'signedOut', 'tokenRefreshed', 'refreshFailed'];
  for (const name of events)
    client.on(name, (payload) => {
      const details = Object.entries(payload)
        .filter(([key, value]) => key !== 'claims' && value !== undefined)
        .map(
          ([key, value]) => `${key}: ${value instanceof LogtoError ? value.code : String(value)}`,
        );
      seen.push(`event ${name} { ${details.join(', ')} }`);
    });
  /** The lines since the last call. */
  return (): string[] => seen.splice(0);
}

function describeSnapshot(next: AuthSnapshot, previous: AuthSnapshot): string {
  return [
    next.status,
    next.idTokenClaims ? 'claims' : 'no claims',
    ...(next.error ? [`error ${next.error.code}`] : []),
    ...(next.tokenRevision > previous.tokenRevision ? ['tokens changed'] : []),
    ...(next.tokenRevision < previous.tokenRevision ? ['tokenRevision went down'] : []),
  ].join(', ');
}

/** The snapshot's fields a component renders from, the claims as their presence. */
function fieldsOf(snapshot: AuthSnapshot) {
  const { status, isLoading, isAuthenticated, isSigningOut, isHandlingCallback, error } = snapshot;
  return {
    status,
    isLoading,
    isAuthenticated,
    isSigningOut,
    isHandlingCallback,
    hasClaims: snapshot.idTokenClaims !== undefined,
    error: error?.code,
  };
}

/** How a call settles: `'resolves'`, or the `code` it rejects with. */
function outcomeOf(promise: Promise<unknown>): Promise<string> {
  return promise.then(
    () => 'resolves',
    (error: unknown) =>
      error instanceof LogtoError ? error.code : `not a LogtoError: ${String(error)}`,
  );
}

/** How each method a component calls settles, in this order (some change the state). */
async function outcomes(client: LogtoClientLike): Promise<Record<string, string>> {
  return {
    isAuthenticated: String(await client.isAuthenticated()),
    getIdTokenClaims: await outcomeOf(client.getIdTokenClaims()),
    getAccessToken: await outcomeOf(client.getAccessToken(api)),
    userinfoToken: await outcomeOf(client.getAccessToken()),
    fetchUserInfo: await outcomeOf(client.fetchUserInfo()),
    getOrganizationToken: await outcomeOf(client.getOrganizationToken('acme')),
    unknownResource: await outcomeOf(client.getAccessToken('https://api.example.com/other')),
  };
}

/** Signs in through the callback, as the app's callback route does. */
async function signIn({ client, authorize }: Side): Promise<void> {
  const { url } = await client.createSignInUrl({ redirectUri });
  await client.handleSignInCallback(authorize(url));
}

let clients: LogtoClientLike[] = [];

afterEach(() => {
  for (const client of clients) client.dispose();
  clients = [];
  vi.useRealTimers();
});

describe.each(sides)('signed out, $name', ({ create }) => {
  let side: Side;
  let changes: () => string[];

  beforeEach(async () => {
    side = await create();
    clients.push(side.client);
    changes = observe(side.client);
  });

  it('answers signed out, rejecting every read with not_authenticated', async () => {
    const snapshot = side.client.getSnapshot();
    expect(fieldsOf(snapshot)).toEqual({
      status: 'signedOut',
      isLoading: false,
      isAuthenticated: false,
      isSigningOut: false,
      isHandlingCallback: false,
      hasClaims: false,
      error: undefined,
    });

    expect(await outcomes(side.client)).toEqual({
      isAuthenticated: 'false',
      getIdTokenClaims: 'not_authenticated',
      getAccessToken: 'not_authenticated',
      userinfoToken: 'not_authenticated',
      fetchUserInfo: 'not_authenticated',
      getOrganizationToken: 'not_authenticated',
      unknownResource: 'config_invalid',
    });
    for (const read of [() => side.client.getIdToken(), () => side.client.getRefreshToken()])
      expect(await outcomeOf(read())).toBe('not_authenticated');
    expect(side.client.getSnapshot()).toBe(snapshot);
    expect(changes()).toEqual([]);
  });

  it('rejects a bad resource or organization with config_invalid, never throwing synchronously', async () => {
    const badResource = side.client.getAccessToken('not a uri');
    const badOrganization = side.client.getOrganizationToken('');
    expect(await outcomeOf(badResource)).toBe('config_invalid');
    expect(await outcomeOf(badOrganization)).toBe('config_invalid');
  });
});

describe.each(sides)('signed in, $name', ({ create }) => {
  let side: Side;
  let changes: () => string[];

  beforeEach(async () => {
    side = await create();
    clients.push(side.client);
    changes = observe(side.client);
  });

  it('goes through handlingCallback to signedIn, emitting signedIn once', async () => {
    await signIn(side);

    expect(changes()).toEqual([
      'handlingCallback, no claims',
      'signedIn, claims, tokens changed',
      'event signedIn { fromOtherTab: false }',
    ]);
    expect(fieldsOf(side.client.getSnapshot())).toEqual({
      status: 'signedIn',
      isLoading: false,
      isAuthenticated: true,
      isSigningOut: false,
      isHandlingCallback: false,
      hasClaims: true,
      error: undefined,
    });
    expect(side.client.getSnapshot().idTokenClaims).toMatchObject(user);
  });

  it('answers every read; a first token for an API is a refresh, announced once', async () => {
    await signIn(side);
    changes();
    const snapshot = side.client.getSnapshot();

    expect(await outcomes(side.client)).toEqual({
      isAuthenticated: 'true',
      getIdTokenClaims: 'resolves',
      getAccessToken: 'resolves',
      userinfoToken: 'resolves',
      fetchUserInfo: 'resolves',
      getOrganizationToken: 'resolves',
      unknownResource: 'config_invalid',
    });
    expect(changes()).toEqual([
      'signedIn, claims, tokens changed',
      `event tokenRefreshed { resource: ${api} }`,
      'signedIn, claims, tokens changed',
      'event tokenRefreshed { organizationId: acme }',
    ]);
    const settled = side.client.getSnapshot();
    expect(settled.tokenRevision).toBe(snapshot.tokenRevision + 2);

    // Read again: the same tokens, and nothing changes or is announced.
    const token = await side.client.getAccessToken(api);
    expect(await side.client.getAccessToken(api)).toBe(token);
    await side.client.getOrganizationToken('acme');
    await side.client.getIdTokenClaims();
    expect(side.client.getSnapshot()).toBe(settled);
    expect(changes()).toEqual([]);
  });

  it('replaces a token an API refused, once, announcing the refresh', async () => {
    await signIn(side);
    const refused = await side.client.getAccessToken(api);
    changes();

    const renewed = await side.client.refreshAccessToken(api, undefined, refused);
    expect(await side.client.refreshAccessToken(api, undefined, refused)).toBe(renewed);

    expect(renewed).not.toBe(refused);
    expect(changes()).toEqual([
      'signedIn, claims, tokens changed',
      `event tokenRefreshed { resource: ${api} }`,
    ]);
  });

  it('clearAllTokens signs out at once with reason cleared', async () => {
    await signIn(side);
    changes();

    await side.client.clearAllTokens();

    expect(changes()).toEqual([
      'signedOut, no claims, tokens changed',
      'event signedOut { reason: cleared, fromOtherTab: false }',
    ]);
    expect(fieldsOf(side.client.getSnapshot())).toMatchObject({
      status: 'signedOut',
      isAuthenticated: false,
    });
  });
});

describe.each(sides)('expired (the refresh token refused), $name', ({ create }) => {
  let side: Side;
  let changes: () => string[];

  beforeEach(async () => {
    side = await create();
    clients.push(side.client);
    changes = observe(side.client);
    await signIn(side);
    changes();
    side.refuseRefresh();
  });

  it('rejects the token read with session_expired and signs out with the error', async () => {
    const error = await outcomeOf(side.client.getAccessToken(api));

    expect(error).toBe('session_expired');
    expect(changes()).toEqual([
      'signedOut, no claims, error session_expired, tokens changed',
      'event signedOut { reason: expired, fromOtherTab: false }',
    ]);
    expect(fieldsOf(side.client.getSnapshot())).toEqual({
      status: 'signedOut',
      isLoading: false,
      isAuthenticated: false,
      isSigningOut: false,
      isHandlingCallback: false,
      hasClaims: false,
      error: 'session_expired',
    });
    expect(side.client.getSnapshot().error).toBeInstanceOf(LogtoSessionExpiredError);
  });

  it('then answers as signed out, keeping the error until something changes', async () => {
    await outcomeOf(side.client.getAccessToken(api));
    changes();
    const snapshot = side.client.getSnapshot();

    expect(await outcomes(side.client)).toEqual({
      isAuthenticated: 'false',
      getIdTokenClaims: 'not_authenticated',
      getAccessToken: 'not_authenticated',
      userinfoToken: 'not_authenticated',
      fetchUserInfo: 'not_authenticated',
      getOrganizationToken: 'not_authenticated',
      unknownResource: 'config_invalid',
    });
    expect(side.client.getSnapshot()).toBe(snapshot);
    expect(changes()).toEqual([]);
  });

  it('clearAllTokens clears the error, announcing no sign-out', async () => {
    await outcomeOf(side.client.getAccessToken(api));
    changes();

    await side.client.clearAllTokens();

    expect(changes()).toEqual(['signedOut, no claims, tokens changed']);
  });

  it('a new sign-in clears the error', async () => {
    await outcomeOf(side.client.getAccessToken(api));
    changes();

    await signIn(side);

    expect(changes()).toEqual([
      'handlingCallback, no claims, error session_expired',
      'signedIn, claims, tokens changed',
      'event signedIn { fromOtherTab: false }',
    ]);
  });
});

describe.each(sides)('signing out, $name', ({ create }) => {
  let side: Side;
  let changes: () => string[];

  beforeEach(async () => {
    side = await create();
    clients.push(side.client);
    changes = observe(side.client);
    await signIn(side);
    await side.client.getAccessToken(api);
    changes();
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  });

  it('keeps the user on screen while the page leaves; a second signOut joins the first', async () => {
    const claims = side.client.getSnapshot().idTokenClaims;

    await Promise.all([side.client.signOut(home), side.client.signOut(home)]);

    expect(changes()).toEqual(['signingOut, claims']);
    expect(fieldsOf(side.client.getSnapshot())).toEqual({
      status: 'signingOut',
      isLoading: false,
      isAuthenticated: true,
      isSigningOut: true,
      isHandlingCallback: false,
      hasClaims: true,
      error: undefined,
    });
    expect(side.client.getSnapshot().idTokenClaims).toBe(claims);
  });

  it('has no session to read meanwhile, and shows no change', async () => {
    await side.client.signOut(home);
    changes();
    const snapshot = side.client.getSnapshot();

    expect(await outcomes(side.client)).toEqual({
      isAuthenticated: 'false',
      getIdTokenClaims: 'not_authenticated',
      getAccessToken: 'not_authenticated',
      userinfoToken: 'not_authenticated',
      fetchUserInfo: 'not_authenticated',
      getOrganizationToken: 'not_authenticated',
      unknownResource: 'config_invalid',
    });
    await side.client.clearAllTokens();
    expect(side.client.getSnapshot()).toBe(snapshot);
    expect(changes()).toEqual([]);
  });

  it('shows signed out once the page has stayed for the leave timeout', async () => {
    await side.client.signOut(home);
    changes();

    await vi.advanceTimersByTimeAsync(signOutLeaveTimeoutMs - 1);
    expect(side.client.getSnapshot().status).toBe('signingOut');
    expect(changes()).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);

    expect(changes()).toEqual([
      'signedOut, no claims, tokens changed',
      'event signedOut { reason: signOut, fromOtherTab: false }',
    ]);
    expect(await outcomeOf(side.client.getIdTokenClaims())).toBe('not_authenticated');
  });

  it('keeps a session signed in meanwhile when the leave timeout passes', async () => {
    await side.client.signOut(home);
    await signIn(side);
    changes();

    await vi.advanceTimersByTimeAsync(signOutLeaveTimeoutMs);

    expect(changes()).toEqual([]);
    expect(side.client.getSnapshot().status).toBe('signedIn');
    expect(await side.client.isAuthenticated()).toBe(true);
  });

  it('rejects a relative post-logout URI with config_invalid, changing nothing', async () => {
    const snapshot = side.client.getSnapshot();

    expect(await outcomeOf(side.client.signOut('/'))).toBe('config_invalid');

    expect(side.client.getSnapshot()).toBe(snapshot);
    expect(changes()).toEqual([]);
  });
});
