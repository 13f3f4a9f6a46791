import { afterEach, describe, expect, it, vi } from 'vitest';
import { LogtoClient, MemoryStorage, type LogtoLogTopic } from '../../../../src/core/index.js';
import { resolveLogger } from '../../../../src/core/config/logger.js';
import { RefreshLock } from '../../../../src/core/session/RefreshLock.js';

const config = { endpoint: 'https://tenant.example.com', appId: 'app' };
const discovery = {
  issuer: 'https://tenant.example.com/oidc',
  authorization_endpoint: 'https://tenant.example.com/oidc/auth',
  token_endpoint: 'https://tenant.example.com/oidc/token',
  userinfo_endpoint: 'https://tenant.example.com/oidc/me',
  jwks_uri: 'https://tenant.example.com/oidc/jwks',
  end_session_endpoint: 'https://tenant.example.com/oidc/session/end',
  revocation_endpoint: 'https://tenant.example.com/oidc/token/revocation',
};
const fetchDiscovery: typeof fetch = () => Promise.resolve(Response.json(discovery));

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('the debug log', () => {
  it('is off by default: nothing reaches the console', async () => {
    const debug = vi.spyOn(console, 'debug').mockImplementation(() => undefined);
    const client = new LogtoClient(config, {
      storage: new MemoryStorage(),
      fetch: fetchDiscovery,
      navigate: () => undefined,
    });
    await client.signIn('https://app.example.com/callback');
    expect(resolveLogger({})).toBeUndefined();
    expect(debug).not.toHaveBeenCalled();
  });

  it('with debug: true, writes to console.debug; a given logger wins over it', async () => {
    const debug = vi.spyOn(console, 'debug').mockImplementation(() => undefined);
    const storage = new MemoryStorage();
    const first = new LogtoClient(config, { storage, fetch: fetchDiscovery, debug: true });
    await first.signIn({ redirectUri: 'https://app.example.com/callback', clearTokens: false });
    expect(debug).toHaveBeenCalledWith('[logto] discovery: discovery fetched', '');

    // A second client on the same storage finds the document cached, and says so.
    const lines: string[] = [];
    const second = new LogtoClient(config, {
      storage,
      fetch: () => Promise.reject(new Error('no network expected')),
      navigate: () => undefined,
      debug: true,
      logger: (topic, message) => lines.push(`${topic}: ${message}`),
    });
    debug.mockClear();
    await second.signIn('https://app.example.com/callback');
    expect(lines).toContain('discovery: discovery cached');
    expect(debug).not.toHaveBeenCalled();
  });

  it('reports how long a refresh waited for the lock and how long it held it', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    const lines: { topic: LogtoLogTopic; message: string }[] = [];
    const lock = new RefreshLock('logto:log-test:refresh', 5, (topic, message, details) =>
      lines.push({ topic, message, ...details }),
    );
    const hold = () => lock.run(() => new Promise((resolve) => setTimeout(resolve, 40)));
    const both = Promise.all([hold(), hold()]);
    await vi.advanceTimersByTimeAsync(80);
    await both;
    // The second waited for the first to hold the lock 40 ms (fake time), then held it as long.
    expect(lines).toEqual([
      { topic: 'lock', message: 'acquired', waitedMs: 0 },
      { topic: 'lock', message: 'released', heldMs: 40 },
      { topic: 'lock', message: 'acquired', waitedMs: 40 },
      { topic: 'lock', message: 'released', heldMs: 40 },
    ]);
  });
});
