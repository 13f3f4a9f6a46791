import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LogtoNotAuthenticatedError, type LogtoEvents } from '../../../src/core/index.js';
import { createIdleTimer, type IdleTimer, type IdleWarning } from '../../../src/idle/index.js';
import { createMockClient } from '../../../src/testing/index.js';

const api = 'https://api.example.com';
const timers: IdleTimer[] = [];

/** A signed-in tab: a client and its idle timer (60 s, warning 10 s). */
function tab(options: { idleTimeoutSeconds?: number } = {}) {
  const client = createMockClient({ user: {} });
  const signedOut: LogtoEvents['signedOut'][] = [];
  client.on('signedOut', (event) => signedOut.push(event));
  const idle = createIdleTimer(client, { idleTimeoutSeconds: 60, warningSeconds: 10, ...options });
  timers.push(idle);
  return { client, idle, signedOut };
}

/** The `localStorage` key the tabs share the last activity under (one app, one key). */
function storedKeyOf(): string {
  const key = Object.keys(localStorage).find((name) => name.endsWith(':last-activity'));
  if (!key) throw new Error('no shared activity time stored');
  return key;
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
  localStorage.clear();
});

afterEach(() => {
  for (const timer of timers.splice(0)) timer.dispose();
  vi.useRealTimers();
});

describe('idle sign-out', () => {
  it('keeps the check of a timer that replaced another, whatever the old one’s dispose does', async () => {
    const client = createMockClient({ user: {} });
    const first = createIdleTimer(client, { idleTimeoutSeconds: 60 });
    const second = createIdleTimer(client, { idleTimeoutSeconds: 60 });
    timers.push(second);
    // The first was disposed when the second replaced it; a stale handle disposes it again.
    first.dispose();
    first.dispose();

    // The laptop sleeps past the deadline: no timer ran, the next token read is the first look.
    vi.setSystemTime(Date.now() + 61_000);
    await expect(client.getAccessToken(api)).rejects.toBeInstanceOf(LogtoNotAuthenticatedError);
  });

  it('warns before the end with a countdown, then signs out with reason idle', async () => {
    const { client, idle, signedOut } = tab();
    const warnings: IdleWarning[] = [];
    idle.onIdleWarning((warning) => warnings.push(warning));

    await vi.advanceTimersByTimeAsync(49_000);
    expect(idle.getSnapshot()).toEqual({ warning: false, secondsLeft: undefined });
    await vi.advanceTimersByTimeAsync(1_000);
    expect(idle.getSnapshot()).toEqual({ warning: true, secondsLeft: 10 });
    await vi.advanceTimersByTimeAsync(3_000);
    expect(idle.getSnapshot().secondsLeft).toBe(7);
    expect(warnings.map((warning) => warning.secondsLeft)).toEqual([10]);

    await vi.advanceTimersByTimeAsync(7_000);
    expect(client.getSnapshot().isAuthenticated).toBe(false);
    expect(signedOut).toEqual([{ reason: 'idle', fromOtherTab: false }]);
    expect(idle.getSnapshot().warning).toBe(false);
  });

  it('stayActive (the warning’s button) and any key or pointer activity keep the session', async () => {
    const { client, idle } = tab();
    let warning: IdleWarning | undefined;
    idle.onIdleWarning((event) => (warning = event));
    await vi.advanceTimersByTimeAsync(55_000);
    warning?.stayActive();
    expect(idle.getSnapshot().warning).toBe(false);
    await vi.advanceTimersByTimeAsync(55_000);
    window.dispatchEvent(new KeyboardEvent('keydown'));
    await vi.advanceTimersByTimeAsync(55_000);
    window.dispatchEvent(new Event('pointermove'));
    await vi.advanceTimersByTimeAsync(55_000);
    expect(client.getSnapshot().isAuthenticated).toBe(true);
  });

  it('activity in one tab keeps the other alive; without any, both end at the deadline', async () => {
    const a = tab();
    const b = tab();
    for (let i = 0; i < 4; i++) {
      await vi.advanceTimersByTimeAsync(40_000);
      a.idle.stayActive();
    }
    expect(b.client.getSnapshot().isAuthenticated).toBe(true);
    await vi.advanceTimersByTimeAsync(59_000);
    expect([a, b].map((t) => t.client.getSnapshot().isAuthenticated)).toEqual([true, true]);
    await vi.advanceTimersByTimeAsync(1_000);
    expect([a, b].map((t) => t.client.getSnapshot().isAuthenticated)).toEqual([false, false]);
    expect(b.signedOut).toEqual([{ reason: 'idle', fromOtherTab: false }]);
  });

  it('activity the throttle held back still reaches a tab opened later, before its deadline', async () => {
    const a = tab();
    await vi.advanceTimersByTimeAsync(30_000);
    window.dispatchEvent(new KeyboardEvent('keydown')); // shared at once
    await vi.advanceTimersByTimeAsync(2_000);
    window.dispatchEvent(new KeyboardEvent('keydown')); // within the 5 s throttle: held back
    const b = tab(); // opened now: sees only the activity shared so far, at 30 s
    expect(a.client.getSnapshot().isAuthenticated).toBe(true);

    await vi.advanceTimersByTimeAsync(58_500); // 90.5 s: past 30 + 60, short of 32 + 60
    expect(b.client.getSnapshot().isAuthenticated).toBe(true);
    await vi.advanceTimersByTimeAsync(1_500);
    expect(b.client.getSnapshot().isAuthenticated).toBe(false);
  });

  it('a laptop waking past the deadline signs out at once, before any token is handed out', async () => {
    const { client } = tab();
    const token = await client.getAccessToken(api);
    // Asleep: the wall clock moves, no timer runs.
    vi.setSystemTime(Date.now() + 120_000);
    await expect(client.getAccessToken(api)).rejects.toBeInstanceOf(LogtoNotAuthenticatedError);
    expect(client.getSnapshot().isAuthenticated).toBe(false);
    expect(token).toBeTruthy();
  });

  it('a token read inside the period does not touch storage; one past it confirms there', async () => {
    const { client } = tab();
    await client.getAccessToken(api);
    const getItem = vi.spyOn(localStorage, 'getItem');
    await client.getAccessToken(api);
    expect(getItem).not.toHaveBeenCalled();
    // Past this tab's own deadline the shared time is read: another tab's activity counts.
    localStorage.setItem(storedKeyOf(), String(Date.now() + 30_000));
    vi.setSystemTime(Date.now() + 61_000);
    await expect(client.getAccessToken(api)).resolves.toBeTypeOf('string');
    expect(getItem).toHaveBeenCalled();
    getItem.mockRestore();
  });

  it('on wake (visibility), the deadline is checked before the return counts as activity', () => {
    const { client } = tab();
    vi.setSystemTime(Date.now() + 61_000);
    document.dispatchEvent(new Event('visibilitychange'));
    expect(client.getSnapshot().isAuthenticated).toBe(false);
  });

  it('a tab reloaded after the deadline signs out; a new sign-in starts a fresh period', async () => {
    const first = tab();
    first.idle.dispose();
    vi.setSystemTime(Date.now() + 61_000);
    const reloaded = tab();
    expect(reloaded.client.getSnapshot().isAuthenticated).toBe(false);
    expect(reloaded.signedOut).toEqual([{ reason: 'idle', fromOtherTab: false }]);

    // Signing in again: the old stamp is gone, the period starts now.
    reloaded.client.signInAs({});
    await vi.advanceTimersByTimeAsync(30_000);
    expect(reloaded.client.getSnapshot().isAuthenticated).toBe(true);
  });

  it('refuses a timeout that is not a positive number', () => {
    const client = createMockClient({ user: {} });
    expect(() => createIdleTimer(client, { idleTimeoutSeconds: 0 })).toThrow('idleTimeoutSeconds');
  });
});
