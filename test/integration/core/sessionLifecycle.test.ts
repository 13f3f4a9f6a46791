/**
 * Failure paths of the session's life that used to leave it wrong: what the proactive refresh
 * keeps fresh across users and `clearAccessToken`, a storage failure while another tab speaks, a
 * callback that failed before anything was stored, and a client disposed while it starts.
 */
import { describe, expect, it, vi } from 'vitest';
import { MemoryStorage, type LogtoStorage } from '../../../src/core/index.js';
import {
  bob,
  shopping,
  signIn,
  signInUntilCallback,
  setUpTestIdp,
  snapshotWhere,
  store,
} from './harness.js';

const { newClient } = setUpTestIdp();

/**
 * One tab's view of storage shared with others, whose reads can be made to fail, as a broken or
 * closing IndexedDB does.
 */
class FlakyStorage implements LogtoStorage {
  failReads = false;
  readonly #shared: LogtoStorage;
  constructor(shared: LogtoStorage = new MemoryStorage()) {
    this.#shared = shared;
  }
  get(key: string): Promise<string | null> {
    if (this.failReads)
      return Promise.reject(
        new DOMException('The database connection is closing.', 'InvalidStateError'),
      );
    return this.#shared.get(key);
  }
  set(key: string, value: string): Promise<void> {
    return this.#shared.set(key, value);
  }
  remove(key: string): Promise<void> {
    return this.#shared.remove(key);
  }
}

/** The tab wakes up (focus): the proactive refresh looks at what is due. */
const wake = (): void => {
  window.dispatchEvent(new Event('focus'));
};

describe('the proactive refresh follows the session', () => {
  it('does not refresh the previous user’s tokens for the next one', async () => {
    const tab = newClient({}, { storage: new MemoryStorage() });
    tab.client.subscribe(() => undefined);
    await signIn(tab);
    await tab.client.getAccessToken(shopping); // watched from now on
    await tab.client.clearAllTokens();
    await signIn(tab, bob);
    const before = tab.tokenRequests('refresh_token').length;

    wake();
    // A refresh started by the wake-up would be queued on the refresh lock ahead of this one.
    await tab.client.getAccessToken(store);

    const refreshes = tab.tokenRequests('refresh_token').slice(before);
    expect(refreshes.map((request) => request.params.get('resource'))).toEqual([store]);
  });

  it('refetches nothing after clearAccessToken until the app asks again', async () => {
    const tab = newClient({}, { storage: new MemoryStorage() });
    tab.client.subscribe(() => undefined);
    await signIn(tab);
    await tab.client.getAccessToken(shopping);
    await tab.client.getAccessToken(store);
    const before = tab.tokenRequests('refresh_token').length;

    await tab.client.clearAccessToken();
    wake();
    await tab.client.getAccessToken(store);

    const refreshes = tab.tokenRequests('refresh_token').slice(before);
    expect(refreshes.map((request) => request.params.get('resource'))).toEqual([store]);
  });
});

describe('a storage failure while another tab speaks', () => {
  it('shows in the snapshot instead of an unhandled rejection', async () => {
    const unhandled = vi.fn();
    process.on('unhandledRejection', unhandled);
    try {
      const shared = new MemoryStorage();
      const tabA = newClient({}, { storage: new FlakyStorage(shared) });
      const tabBStorage = new FlakyStorage(shared);
      const tabB = newClient({}, { storage: tabBStorage });
      await tabB.client.isAuthenticated();
      tabBStorage.failReads = true;
      // tabA signs in; tabB must read the session when told, and cannot.
      await signIn(tabA);
      await snapshotWhere(tabB.client, (s) => s.error !== undefined);
      expect(tabB.client.getSnapshot().error).toMatchObject({ code: 'storage_error' });
      expect(unhandled).not.toHaveBeenCalled();
    } finally {
      process.off('unhandledRejection', unhandled);
    }
  });
});

describe('a callback that failed before anything was stored', () => {
  it('can be handled again with the same URL once the cause is gone', async () => {
    const storage = new FlakyStorage();
    const tab = newClient({}, { storage });
    const callbackUrl = await signInUntilCallback(tab);
    storage.failReads = true;
    const failure: unknown = await tab.client
      .handleSignInCallback(callbackUrl)
      .catch((e: unknown) => e);
    storage.failReads = false;
    const result = await tab.client.handleSignInCallback(callbackUrl);
    expect(result.claims.sub).toBeDefined();
    // The first failure was a LogtoError too, so that an app can switch on its code.
    expect(failure).toMatchObject({ code: 'unexpected_error' });
    expect(tab.client.getSnapshot()).toMatchObject({ status: 'signedIn', error: undefined });
  });
});

describe('a client disposed while it starts', () => {
  it('does not begin single sign-on afterwards', async () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    class SlowStorage extends MemoryStorage {
      override async get(key: string): Promise<string | null> {
        await gate;
        return super.get(key);
      }
    }
    const signInSilently = vi.fn(() => Promise.resolve());
    const tab = newClient({}, { storage: new SlowStorage(), signInSilently });
    const started = tab.client.isAuthenticated().catch((error: unknown) => error);
    tab.client.dispose();
    release();
    await started;
    expect(signInSilently).not.toHaveBeenCalled();
  });
});
