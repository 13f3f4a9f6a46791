import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LogtoLockTimeoutError } from '../../../../src/core/errors/LogtoLockTimeoutError.js';
import { RefreshLock } from '../../../../src/core/session/RefreshLock.js';
import { timeoutSignal } from '../../../../src/core/protocol/timeoutSignal.js';

/** An `AbortSignal` global without the static `timeout()`, as in Safari < 16, Firefox < 100. */
function removeAbortSignalTimeout() {
  vi.stubGlobal('AbortSignal', { prototype: AbortSignal.prototype });
  expect('timeout' in AbortSignal).toBe(false);
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
});

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('timeoutSignal where AbortSignal.timeout is missing', () => {
  it('aborts with a TimeoutError once the time is up, not before', async () => {
    removeAbortSignalTimeout();
    const signal = timeoutSignal(100);
    await vi.advanceTimersByTimeAsync(99);
    expect(signal.aborted).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(signal.aborted).toBe(true);
    expect((signal.reason as DOMException).name).toBe('TimeoutError');
  });

  it('lets a refresh-lock wait end in lock_timeout, as with the native signal', async () => {
    removeAbortSignalTimeout();
    const holder = new RefreshLock('logto:timeout-signal:refresh', 5);
    const waiter = new RefreshLock('logto:timeout-signal:refresh', 0.2);
    let release!: () => void;
    const holding = holder.run(() => new Promise<void>((resolve) => (release = resolve)));
    let outcome: unknown;
    const waiting = waiter
      .run(() => Promise.resolve('ran'))
      .then(
        (value) => (outcome = value),
        (error: unknown) => (outcome = error),
      );

    await vi.advanceTimersByTimeAsync(199);
    expect(outcome).toBeUndefined();
    await vi.advanceTimersByTimeAsync(1);
    expect(outcome).toBeInstanceOf(LogtoLockTimeoutError);

    release();
    await holding;
    await waiting;
  });
});
