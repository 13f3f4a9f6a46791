import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { IndexedDbStorage } from '../../../../src/core/storage/IndexedDbStorage.js';
import type { LogtoStorage } from '../../../../src/core/storage/LogtoStorage.js';
import { indexedDbProbeTimeoutMs } from '../../../../src/core/storage/createDefaultStorage.js';

/** A value shaped like what the client really stores, to prove it never reaches the console. */
const session = JSON.stringify({ refreshToken: 'rt-secret-0123456789', idToken: 'eyJ.secret.sig' });

/**
 * Each call is a fresh page load: the module (and its once-per-page warning) is loaded anew,
 * while sessionStorage and IndexedDB persist as they do across a same-tab redirect.
 */
async function pageLoad(probeTimeoutMs?: number): Promise<LogtoStorage> {
  vi.resetModules();
  const module = await import('../../../../src/core/storage/createDefaultStorage.js');
  return module.createDefaultStorage(probeTimeoutMs);
}

function domException(name: string): DOMException {
  return new DOMException(`simulated ${name}`, name);
}

/** An `indexedDB.open` request that fails like a blocked database does. */
function failingOpenRequest(): IDBOpenDBRequest {
  const request = { error: domException('InvalidStateError') } as unknown as {
    onerror?: () => void;
  };
  setTimeout(() => request.onerror?.(), 0);
  return request as unknown as IDBOpenDBRequest;
}

describe('createDefaultStorage', () => {
  beforeEach(() => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.restoreAllMocks();
    vi.unstubAllGlobals();
    window.sessionStorage.clear();
  });

  const warnings = (): string[] =>
    vi.mocked(console.warn).mock.calls.map((call) => call.map(String).join(' '));

  it('keeps values in IndexedDB, visible to another tab, with no warning', async () => {
    const storage = await pageLoad();
    await storage.set('logto:test:shared', session);
    expect(await new IndexedDbStorage().get('logto:test:shared')).toBe(session);
    expect(window.sessionStorage.length).toBe(0);
    await storage.remove('logto:test:shared');
    expect(await storage.get('logto:test:shared')).toBeNull();
    expect(warnings()).toEqual([]);
  });

  it('without indexedDB, keeps values in sessionStorage across a same-tab page load, warning once per page', async () => {
    vi.stubGlobal('indexedDB', undefined);
    const beforeRedirect = await pageLoad();
    await beforeRedirect.set('logto:test:transactions', session);
    // A second client on the same page does not warn again.
    const sameIframe = (await import('../../../../src/core/storage/createDefaultStorage.js'))
      .createDefaultStorage;
    await sameIframe().get('logto:test:transactions');
    expect(warnings()).toHaveLength(1);

    const afterRedirect = await pageLoad();
    expect(await afterRedirect.get('logto:test:transactions')).toBe(session);
    expect(warnings()).toHaveLength(2);
    expect(warnings()[0]).toContain("this tab's sessionStorage");
    expect(warnings()[0]).toContain('not shared with other tabs');
  });

  it.each([
    {
      breakage: 'indexedDB.open throws (blocked site data)',
      reason: 'SecurityError',
      install: () =>
        vi.spyOn(indexedDB, 'open').mockImplementation(() => {
          throw domException('SecurityError');
        }),
    },
    {
      breakage: 'the open request fails',
      reason: 'InvalidStateError',
      install: () => vi.spyOn(indexedDB, 'open').mockImplementation(failingOpenRequest),
    },
    {
      breakage: 'the database opens but refuses writes',
      reason: 'QuotaExceededError',
      install: () =>
        vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
          throw domException('QuotaExceededError');
        }),
    },
  ])('falls back to sessionStorage when $breakage', async ({ install, reason }) => {
    install();
    const storage = await pageLoad();
    await storage.set('logto:test:k', session);
    expect(window.sessionStorage.getItem('logto:test:k')).toBe(session);
    expect(await storage.get('logto:test:k')).toBe(session);
    expect(warnings()).toHaveLength(1);
    expect(warnings()[0]).toContain(reason);
  });

  it('does not hang when indexedDB.open never answers: falls back after the probe timeout', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    vi.spyOn(indexedDB, 'open').mockImplementation(() => ({}) as IDBOpenDBRequest);
    const storage = await pageLoad();
    let read: string | null | undefined;
    void storage.get('logto:test:k').then((value) => (read = value));

    await vi.advanceTimersByTimeAsync(indexedDbProbeTimeoutMs - 1);
    expect(read).toBeUndefined();
    await vi.advanceTimersByTimeAsync(1);
    expect(read).toBeNull();

    await storage.set('logto:test:k', session);
    expect(window.sessionStorage.getItem('logto:test:k')).toBe(session);
    expect(warnings()[0]).toContain(`did not answer within ${indexedDbProbeTimeoutMs} ms`);
  });

  it('moves to sessionStorage when IndexedDB breaks mid-way, and never logs a stored value', async () => {
    const storage = await pageLoad();
    await storage.set('logto:test:before', 'kept in IndexedDB');
    expect(warnings()).toEqual([]);

    vi.spyOn(IDBDatabase.prototype, 'transaction').mockImplementation(() => {
      throw domException('InvalidStateError');
    });
    // The call that meets the broken database still succeeds, on the fallback.
    await storage.set('logto:test:after', session);
    expect(await storage.get('logto:test:after')).toBe(session);
    expect(window.sessionStorage.getItem('logto:test:after')).toBe(session);
    expect(warnings()).toHaveLength(1);
    expect(warnings()[0]).toContain('InvalidStateError');
    expect(warnings()[0]).not.toContain('secret');
  });

  it('reopens the database once when a single call fails, and stays on IndexedDB', async () => {
    const storage = await pageLoad();
    await storage.get('logto:test:warm-up');
    vi.spyOn(IDBDatabase.prototype, 'transaction').mockImplementationOnce(() => {
      throw domException('InvalidStateError');
    });
    await storage.set('logto:test:healed', 'value');
    expect(await new IndexedDbStorage().get('logto:test:healed')).toBe('value');
    expect(window.sessionStorage.length).toBe(0);
    expect(warnings()).toEqual([]);
  });

  it('uses memory, and says sign-in by redirect cannot complete, when sessionStorage is blocked too', async () => {
    vi.stubGlobal('indexedDB', undefined);
    vi.spyOn(window, 'sessionStorage', 'get').mockImplementation(() => {
      throw domException('SecurityError');
    });
    const storage = await pageLoad();
    await storage.set('logto:test:k', 'v');
    expect(await storage.get('logto:test:k')).toBe('v');
    expect(warnings()).toHaveLength(1);
    expect(warnings()[0]).toContain('memory');
    expect(warnings()[0]).toContain('cannot complete');
  });
});
