import { createStore, get, set } from 'idb-keyval';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LeaseLock } from '../../../../src/core/session/LeaseLock.js';
import { LogtoLockTimeoutError } from '../../../../src/core/errors/LogtoLockTimeoutError.js';
import { RefreshLock } from '../../../../src/core/session/RefreshLock.js';
import { indexedDbNames } from '../../../../src/core/storage/IndexedDbStorage.js';

const kv = () => createStore(indexedDbNames.database, indexedDbNames.store);
let names = 0;
/** A lock name of its own per test, so leases left by one test never meet another. */
const freshName = () => `logto:lease-test-${++names}:refresh`;

/*
 * Time here is the fake clock's: the lease's expiry, its renewal and the waiters' polls all read
 * it, and it moves only when a test moves it. fake-indexeddb does its work in setImmediate
 * callbacks, which stay real; counting them tells when IndexedDB has nothing left to do, so each
 * read and write of the lease happens at the instant it was due, before the clock moves on.
 */
const realSetImmediate = globalThis.setImmediate;
let idbTasks = 0;
function countingSetImmediate(callback: (...args: unknown[]) => void, ...args: unknown[]) {
  idbTasks++;
  return realSetImmediate(() => {
    idbTasks--;
    callback(...args);
  });
}

/** Resolves once IndexedDB has finished everything asked of it (the fake clock stands still). */
async function idbIdle(): Promise<void> {
  do await new Promise((resolve) => realSetImmediate(resolve));
  while (idbTasks > 0);
}

/**
 * Moves the fake clock `ms` forward in 10 ms steps (every delay in these tests is a multiple of
 * 10 ms), letting IndexedDB finish after each step.
 */
async function advance(ms: number): Promise<void> {
  for (let moved = 0; moved < ms; moved += 10) {
    await vi.advanceTimersByTimeAsync(10);
    await idbIdle();
  }
}

/** Moves the fake clock forward until `done()` holds, for at most a minute of fake time. */
async function advanceUntil(done: () => boolean): Promise<void> {
  await idbIdle();
  for (let moved = 0; !done(); moved += 10) {
    if (moved >= 60_000) throw new Error('still not done after a minute');
    await advance(10);
  }
}

/** A promise's outcome, readable at any moment without awaiting it. */
function track<T>(promise: Promise<T>) {
  const outcome: { settled: boolean; value?: T; error?: unknown } = { settled: false };
  promise.then(
    (value) => Object.assign(outcome, { settled: true, value }),
    (error: unknown) => Object.assign(outcome, { settled: true, error }),
  );
  return outcome;
}

/** A task that holds the lease until the test lets it go, and says whether it is running. */
function heldTask<T>(result: T) {
  let letGo!: () => void;
  const gate = new Promise<void>((resolve) => (letGo = resolve));
  const state = { started: false, finished: false };
  return {
    state,
    letGo,
    task: async () => {
      state.started = true;
      await gate;
      state.finished = true;
      return result;
    },
  };
}

/** A task that records how many tasks run at once, across every lock it is given to. */
function overlapProbe() {
  let running = 0;
  let most = 0;
  return {
    /** Holds the lease for `ms` of fake time. */
    task: (ms: number) => async () => {
      most = Math.max(most, ++running);
      await new Promise((resolve) => setTimeout(resolve, ms));
      running--;
    },
    most: () => most,
  };
}

beforeEach(() => {
  vi.stubGlobal('setImmediate', countingSetImmediate);
  vi.useFakeTimers({
    toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'],
  });
});

afterEach(async () => {
  // Releases are not awaited by the lock: let them finish here, not in the next test.
  await idbIdle();
  vi.useRealTimers();
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
      for (let i = 0; i < 5; i++) await lock.run(probe.task(20), 10);
    };
    const both = track(Promise.all([queue(tabA), queue(tabB)]));
    await advanceUntil(() => both.settled);
    expect(both.error).toBeUndefined();
    expect(probe.most()).toBe(1);
  });

  it('keeps the lease for a task that outlives it, by renewing', async () => {
    const name = freshName();
    const holder = new LeaseLock(name, 300);
    const other = new LeaseLock(name, 300, 50);
    const long = heldTask('long');
    const holding = track(holder.run(long.task, 10));
    await idbIdle();
    expect(long.state.started).toBe(true);

    const next = heldTask('next');
    const waiting = track(other.run(next.task, 10));
    // Three lease lengths: the lease would have lapsed twice over without renewal, and the other
    // tab looked every 50 ms.
    await advance(900);
    expect(next.state.started).toBe(false);

    long.letGo();
    next.letGo();
    await advanceUntil(() => waiting.settled);
    expect(holding.value).toBe('long');
    expect(waiting.value).toBe('next');
  });

  it('takes over the lease of a tab that died holding it, once it expires, and not before', async () => {
    const name = freshName();
    // What a closed tab leaves behind: its lease, no longer renewed.
    await set(`${name}:lease`, { owner: 'closed-tab', expires: Date.now() + 600 }, kv());
    const survivor = new LeaseLock(name, 5000, 100);
    const ran = vi.fn(() => Promise.resolve('ran'));
    const running = track(survivor.run(ran, 10));

    await idbIdle();
    await advance(590);
    expect(ran).not.toHaveBeenCalled();

    // The lease expires at 600 ms; the survivor notices at its next poll.
    await advance(10 + 100);
    expect(ran).toHaveBeenCalledOnce();
    expect(running.value).toBe('ran');
  });

  it('wakes a waiting tab as soon as the holder releases, without waiting for its next poll', async () => {
    const name = freshName();
    const holder = new LeaseLock(name);
    // It would not poll again for a minute (or until the lease expires, in 5 s): only the release
    // message can wake it while the fake clock stands still.
    const waiter = new LeaseLock(name, 5000, 60_000);
    const first = heldTask('first');
    const holding = holder.run(first.task, 10);
    await idbIdle();
    const ran = vi.fn(() => Promise.resolve('woken'));
    const waiting = waiter.run(ran, 10);
    await idbIdle();
    expect(ran).not.toHaveBeenCalled();

    first.letGo();
    await holding;
    await expect(waiting).resolves.toBe('woken');
  });

  it('without BroadcastChannel, a waiting tab notices the release by polling', async () => {
    vi.stubGlobal('BroadcastChannel', undefined);
    const name = freshName();
    const holder = new LeaseLock(name);
    // Asked to poll once a minute; with no release message possible, it polls every 100 ms.
    const waiter = new LeaseLock(name, 5000, 60_000);
    const first = heldTask('first');
    const holding = holder.run(first.task, 10);
    await idbIdle();
    const ran = vi.fn(() => Promise.resolve('polled'));
    const waiting = track(waiter.run(ran, 10));
    await idbIdle();

    first.letGo();
    await holding;
    await idbIdle();
    expect(ran).not.toHaveBeenCalled();

    await advance(100);
    expect(ran).toHaveBeenCalledOnce();
    expect(waiting.value).toBe('polled');
  });

  it('gives up with lock_timeout while a live tab holds the lease, and leaves the holder alone', async () => {
    const name = freshName();
    const holder = new LeaseLock(name, 300);
    const waiter = new LeaseLock(name, 300, 50);
    const long = heldTask('holder result');
    const holding = track(holder.run(long.task, 10));
    await idbIdle();
    const ran = vi.fn(() => Promise.resolve());
    const waiting = track(waiter.run(ran, 1));

    await advance(990);
    expect(waiting.settled).toBe(false);
    // Its next look, at the one-second deadline, finds the lease still held.
    await advance(60);
    expect(waiting.error).toBeInstanceOf(LogtoLockTimeoutError);
    expect(ran).not.toHaveBeenCalled();
    expect(long.state).toEqual({ started: true, finished: false });

    long.letGo();
    await advanceUntil(() => holding.settled);
    expect(holding.value).toBe('holder result');
  });

  it('leaves the lease free after a task that failed', async () => {
    const name = freshName();
    const tabA = new LeaseLock(name);
    const tabB = new LeaseLock(name, 5000, 60_000);
    await expect(tabA.run(() => Promise.reject(new Error('refresh failed')), 10)).rejects.toThrow(
      'refresh failed',
    );
    // A lease left behind would make tab B wait on the fake clock, which does not move here.
    const next = track(tabB.run(() => Promise.resolve('next'), 10));
    await idbIdle();
    expect(next.value).toBe('next');
  });

  it('with an IndexedDB that never answers, runs the task after a bounded wait instead of hanging', async () => {
    // What some Safari versions do: open() stays pending forever.
    vi.stubGlobal('indexedDB', { open: () => ({}) });
    const lock = new LeaseLock(freshName());
    const running = track(lock.run(() => Promise.resolve('ran'), 10));
    await vi.advanceTimersByTimeAsync(3000);
    expect(running.value).toBe('ran');
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
      await probe.task(20)();
    };
    const all = track(
      Promise.all([tabA.run(task()), tabB.run(task()), tabA.run(task()), tabB.run(task())]),
    );
    await advanceUntil(() => all.settled);
    expect(all.error).toBeUndefined();
    expect(probe.most()).toBe(1);
    // Every task ran while its tab's lease was on record.
    expect(leases).toHaveLength(4);
    for (const lease of leases) expect(lease).toMatchObject({ owner: expect.any(String) });
    await idbIdle();
    expect(await get(`${name}:lease`, kv())).toBeUndefined();
  });
});
