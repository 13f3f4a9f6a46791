import { afterEach, describe, expect, it } from 'vitest';
import type { ClientContext } from '../../../../src/core/session/ClientContext.js';
import { SignInSteps } from '../../../../src/core/signin/SignInSteps.js';
import type { LogtoStorage } from '../../../../src/core/storage/LogtoStorage.js';
import { MemoryStorage } from '../../../../src/core/storage/MemoryStorage.js';
import { TransactionStore } from '../../../../src/core/signin/TransactionStore.js';

const prefix = 'logto:app:';
const realNow = () => Date.now() / 1000;

/**
 * One storage shared by several tabs, as IndexedDB is: every call answers on a later turn of the
 * event loop, so one tab's read and its write let other tabs' calls in between.
 */
function sharedStorage(): LogtoStorage {
  const memory = new MemoryStorage();
  const later = () => new Promise((resolve) => setTimeout(resolve, 0));
  return {
    get: async (key) => (await later(), memory.get(key)),
    set: async (key, value) => (await later(), memory.set(key, value)),
    remove: async (key) => (await later(), memory.remove(key)),
  };
}

/** A tab's store: each tab's client builds its own, on the storage all tabs share. */
function tabOf(storage: LogtoStorage, now = realNow): TransactionStore {
  return new TransactionStore(storage, prefix, now);
}

/** What a tab's client needs to start a sign-in, without a network. */
function tabContext(storage: LogtoStorage): ClientContext {
  const context: Pick<ClientContext, 'config' | 'metadata' | 'storage' | 'keyPrefix' | 'now'> = {
    config: {
      issuer: 'https://idp.test/oidc',
      appId: 'app',
      scopes: ['openid'],
      resources: [],
      prompt: 'consent',
    } as unknown as ClientContext['config'],
    metadata: {
      getDiscovery: () => Promise.resolve({ authorization_endpoint: 'https://idp.test/oidc/auth' }),
    } as unknown as ClientContext['metadata'],
    storage,
    keyPrefix: prefix,
    now: realNow,
  };
  return context as ClientContext;
}

/** A transaction as oidc-client-ts's `SigninState` stores it: `created` in epoch seconds. */
const transaction = (state: string, created = Math.floor(realNow())) =>
  JSON.stringify({ id: state, created });

describe('TransactionStore', () => {
  it('hands out a transaction once and remembers completed states', async () => {
    let now = 1000;
    const store = new TransactionStore(new MemoryStorage(), prefix, () => now);
    await store.set('s1', '{"id":"s1"}');
    await store.set('s2', '{"id":"s2"}');
    expect((await store.getAllKeys()).sort()).toEqual(['s1', 's2']);
    expect(await store.remove('s1')).toBe('{"id":"s1"}');
    expect(await store.remove('s1')).toBeNull();
    expect(await store.get('s2')).toBe('{"id":"s2"}');
    expect(await store.getAllKeys()).toEqual(['s2']);

    await store.markCompleted('s1');
    expect(await store.wasCompleted('s1')).toBe(true);
    expect(await store.wasCompleted('s2')).toBe(false);
    now += 86_401;
    await store.markCompleted('s3');
    expect(await store.wasCompleted('s1')).toBe(false);
  });

  it('keeps every transaction when eight tabs start a sign-in at the same moment', async () => {
    const storage = sharedStorage();
    const states = Array.from({ length: 8 }, (_, index) => `state-${index}`);

    // Each in a tab of its own.
    await Promise.all(states.map((state) => tabOf(storage).set(state, transaction(state))));

    // Any tab, later (the callback page), finds each of them.
    const callbackTab = tabOf(storage);
    for (const state of states) {
      expect(JSON.parse((await callbackTab.get(state)) ?? 'null')).toMatchObject({ id: state });
    }
    expect((await callbackTab.getAllKeys()).sort()).toEqual(states);
  });

  it('remembers every completed sign-in when tabs finish theirs at the same moment', async () => {
    const storage = sharedStorage();
    const states = ['a', 'b', 'c', 'd'];

    await Promise.all(states.map((state) => tabOf(storage).markCompleted(state)));

    const later = tabOf(storage);
    for (const state of states) expect(await later.wasCompleted(state)).toBe(true);
  });

  it('sweeps only abandoned transactions while other tabs start and finish sign-ins', async () => {
    const storage = sharedStorage();
    // Abandoned two hours ago (the user closed the sign-in page), and one started a minute ago
    // by a tab that is on Logto's sign-in page right now.
    const before = tabOf(storage, () => realNow() - 7200);
    await before.set('abandoned', transaction('abandoned', Math.floor(realNow() - 7200)));
    const other = tabOf(storage);
    await other.set('on-logto', transaction('on-logto', Math.floor(realNow() - 60)));

    // Four tabs start a sign-in (each sweeping first) while a fifth one saves its transaction.
    const started = await Promise.all([
      ...Array.from({ length: 4 }, () =>
        new SignInSteps(tabContext(storage)).createRequest({
          redirectUri: 'https://app.test/callback',
        }),
      ),
      other.set('fifth', transaction('fifth')).then(() => ({ state: 'fifth' })),
    ]);

    const callbackTab = tabOf(storage);
    for (const { state } of [...started, { state: 'on-logto' }]) {
      expect(await callbackTab.get(state), state).not.toBeNull();
    }
    expect(await callbackTab.get('abandoned')).toBeNull();
    expect((await callbackTab.getAllKeys()).sort()).toEqual(
      [...started.map(({ state }) => state), 'on-logto'].sort(),
    );
  });

  describe('in a browser without Web Locks', () => {
    const { locks } = navigator;
    afterEach(() => {
      Object.defineProperty(navigator, 'locks', { configurable: true, value: locks });
    });

    it('still keeps and lists every transaction of the tab', async () => {
      Object.defineProperty(navigator, 'locks', { configurable: true, value: undefined });
      const storage = sharedStorage();
      const states = ['a', 'b', 'c', 'd'];

      await Promise.all(states.map((state) => tabOf(storage).set(state, 'x')));

      const later = tabOf(storage);
      for (const state of states) expect(await later.get(state)).toBe('x');
      expect((await later.getAllKeys()).sort()).toEqual(states);
    });
  });

  it('forgets completed sign-ins a day later, at the next sweep', async () => {
    let now = 1000;
    const storage = new MemoryStorage();
    const store = new TransactionStore(storage, prefix, () => now);
    await store.markCompleted('done');
    now += 86_401;
    await store.sweep(3600);
    expect(await storage.get(`${prefix}completed:done`)).toBeNull();
    expect(await storage.get(`${prefix}transaction-index`)).toBe('{}');
  });

  it('ignores, then sweeps, what earlier versions stored in one value', async () => {
    const storage = new MemoryStorage();
    await storage.set(`${prefix}transactions`, JSON.stringify({ old: transaction('old') }));
    await storage.set(`${prefix}completed-states`, JSON.stringify({ done: 1000 }));
    const store = new TransactionStore(storage, prefix, realNow);

    expect(await store.get('old')).toBeNull();
    expect(await store.getAllKeys()).toEqual([]);
    expect(await store.wasCompleted('done')).toBe(false);
    await store.sweep(3600);
    expect(await storage.get(`${prefix}transactions`)).toBeNull();
    expect(await storage.get(`${prefix}completed-states`)).toBeNull();
  });
});
