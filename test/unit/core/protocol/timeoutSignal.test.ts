import { afterEach, describe, expect, it, vi } from 'vitest';
import { LogtoLockTimeoutError } from '../../../../src/core/errors/LogtoLockTimeoutError.js';
import { RefreshLock } from '../../../../src/core/session/RefreshLock.js';
import { timeoutSignal } from '../../../../src/core/protocol/timeoutSignal.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** An `AbortSignal` global without the static `timeout()`, as in Safari < 16, Firefox < 100. */
function removeAbortSignalTimeout() {
  vi.stubGlobal('AbortSignal', { prototype: AbortSignal.prototype });
  expect('timeout' in AbortSignal).toBe(false);
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('timeoutSignal where AbortSignal.timeout is missing', () => {
  it('aborts with a TimeoutError once the time is up, not before', async () => {
    removeAbortSignalTimeout();
    const signal = timeoutSignal(100);
    await sleep(20);
    expect(signal.aborted).toBe(false);
    await sleep(200);
    expect(signal.aborted).toBe(true);
    expect((signal.reason as DOMException).name).toBe('TimeoutError');
  });

  it('lets a refresh-lock wait end in lock_timeout, as with the native signal', async () => {
    removeAbortSignalTimeout();
    const holder = new RefreshLock('logto:timeout-signal:refresh', 5);
    const waiter = new RefreshLock('logto:timeout-signal:refresh', 0.2);
    const holding = holder.run(() => sleep(600));
    await expect(waiter.run(() => Promise.resolve())).rejects.toBeInstanceOf(LogtoLockTimeoutError);
    await holding;
  });
});
