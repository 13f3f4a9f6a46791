import { createStore, get, set } from 'idb-keyval';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LeaseLock } from '../../../../src/core/session/LeaseLock.js';
import { LogtoLockTimeoutError } from '../../../../src/core/errors/LogtoLockTimeoutError.js';
import { RefreshLock } from '../../../../src/core/session/RefreshLock.js';
import { indexedDbNames } from '../../../../src/core/storage/IndexedDbStorage.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const kv = () => createStore(indexedDbNames.database, indexedDbNames.store);
let names = 0;
/** A lock name of its own per test, so leases left by one test never meet another. */
const freshName = () => `logto:lease-test-${++names}:refresh`;

/** A task that records how many tasks run at once, across every lock it is given to. */
function overlapProbe() {
  let running = 0;
  let most = 0;
  return {
    task: (ms: number) => async () => {
      most = Math.max(most, ++running);
      await sleep(ms);
      running--;
    },
    most: () => most,
  };
}

/**
 * One tab holds the lease for 200 ms while another waits for it (polling at most every
 * `waiterPollMs`); resolves how long after the release the waiter got the lease.
 */
async function releaseLag(waiterPollMs: number): Promise<number> {
  const name = freshName();
  const holder = new LeaseLock(name);
  const waiter = new LeaseLock(name, 5000, waiterPollMs);
  let releasedAt = 0;
  const holding = holder.run(async () => {
    await sleep(200);
    releasedAt = Date.now();
  }, 10);
  await sleep(20);
  await waiter.run(() => Promise.resolve(), 10);
  const lag = Date.now() - releasedAt;
  await holding;
  return lag;
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('LeaseLock (two instances stand for two tabs without Web Locks)', () => {
  it('never lets the two tabs hold the lease at once', async () => {
    const name = freshName();
    const tabA = new LeaseLock(name);
    const tabB = new LeaseLock(name);
    const probe = overlapProbe();
    // Each tab queues its own calls, as RefreshLock does; the tabs race each other.
    const queue = async (lock: LeaseLock) => {
      for (let i = 0; i < 5; i++) await lock.run(probe.task(15), 10);
    };
    await Promise.all([queue(tabA), queue(tabB)]);
    expect(probe.most()).toBe(1);
  });

  it('keeps the lease for a task that outlives it, by renewing', async () => {
    const name = freshName();
    const holder = new LeaseLock(name, 300);
    const other = new LeaseLock(name, 300, 50);
    const probe = overlapProbe();
    const long = holder.run(probe.task(1000), 10);
    await sleep(50);
    const startedAt = Date.now();
    await other.run(probe.task(1), 10);
    await long;
    expect(probe.most()).toBe(1);
    expect(Date.now() - startedAt).toBeGreaterThanOrEqual(900);
  });

  it('takes over the lease of a tab that died holding it, once it expires, and not before', async () => {
    const name = freshName();
    // What a closed tab leaves behind: its lease, no longer renewed.
    await set(`${name}:lease`, { owner: 'closed-tab', expires: Date.now() + 600 }, kv());
    const survivor = new LeaseLock(name, 5000, 100);
    const startedAt = Date.now();
    await survivor.run(() => Promise.resolve(), 10);
    const waited = Date.now() - startedAt;
    expect(waited).toBeGreaterThanOrEqual(550);
    expect(waited).toBeLessThan(2000);
  });

  it('wakes a waiting tab as soon as the holder releases, without waiting for its next poll', async () => {
    // The waiter would not poll again for a minute: only the release message can wake it.
    expect(await releaseLag(60_000)).toBeLessThan(1500);
  });

  it('without BroadcastChannel, a waiting tab notices the release by polling', async () => {
    vi.stubGlobal('BroadcastChannel', undefined);
    expect(await releaseLag(60_000)).toBeLessThan(1500);
  });

  it('gives up with lock_timeout while a live tab holds the lease, and leaves the holder alone', async () => {
    const name = freshName();
    const holder = new LeaseLock(name, 300);
    const waiter = new LeaseLock(name, 300, 50);
    let holderDone = false;
    const holding = holder.run(async () => {
      await sleep(1500);
      holderDone = true;
      return 'holder result';
    }, 10);
    await sleep(20);
    const ran = vi.fn(() => Promise.resolve());
    await expect(waiter.run(ran, 1)).rejects.toBeInstanceOf(LogtoLockTimeoutError);
    expect(ran).not.toHaveBeenCalled();
    expect(holderDone).toBe(false);
    await expect(holding).resolves.toBe('holder result');
  });

  it('leaves the lease free after a task that failed', async () => {
    const name = freshName();
    const tabA = new LeaseLock(name);
    const tabB = new LeaseLock(name, 5000, 60_000);
    await expect(tabA.run(() => Promise.reject(new Error('refresh failed')), 10)).rejects.toThrow(
      'refresh failed',
    );
    const startedAt = Date.now();
    await expect(tabB.run(() => Promise.resolve('next'), 10)).resolves.toBe('next');
    expect(Date.now() - startedAt).toBeLessThan(1000);
  });

  it('with an IndexedDB that never answers, runs the task after a bounded wait instead of hanging', async () => {
    // What some Safari versions do: open() stays pending forever.
    vi.stubGlobal('indexedDB', { open: () => ({}) });
    const lock = new LeaseLock(freshName());
    const startedAt = Date.now();
    await expect(lock.run(() => Promise.resolve('ran'), 10)).resolves.toBe('ran');
    expect(Date.now() - startedAt).toBeLessThan(5000);
  });

  it('without IndexedDB (no storage shared by tabs) runs the task at once', async () => {
    vi.stubGlobal('indexedDB', undefined);
    const lock = new LeaseLock(freshName());
    await expect(lock.run(() => Promise.resolve('ran'), 10)).resolves.toBe('ran');
  });
});

describe('RefreshLock where navigator.locks is missing', () => {
  it('serialises two tabs through the lease in IndexedDB', async () => {
    vi.stubGlobal('navigator', { locks: undefined });
    const name = freshName();
    const tabA = new RefreshLock(name, 10);
    const tabB = new RefreshLock(name, 10);
    const probe = overlapProbe();
    const leases: unknown[] = [];
    const task = () => async () => {
      leases.push(await get(`${name}:lease`, kv()));
      await probe.task(10)();
    };
    await Promise.all([tabA.run(task()), tabB.run(task()), tabA.run(task()), tabB.run(task())]);
    expect(probe.most()).toBe(1);
    // Every task ran while its tab's lease was on record.
    expect(leases).toHaveLength(4);
    for (const lease of leases) expect(lease).toMatchObject({ owner: expect.any(String) });
    expect(await get(`${name}:lease`, kv())).toBeUndefined();
  });
});
