import { afterEach, describe, expect, it, vi } from 'vitest';
import { TabSync, type TabMessage } from '../../../../src/core/session/TabSync.js';

afterEach(() => {
  vi.unstubAllGlobals();
  localStorage.clear();
});

/** Hands what a tab wrote to localStorage to the page as the browser does to every *other* tab. */
function deliverStorageWrite(key: string) {
  window.dispatchEvent(
    new StorageEvent('storage', { key, newValue: localStorage.getItem(key), storageArea: null }),
  );
}

describe('TabSync without BroadcastChannel (Safari < 15.4)', () => {
  it('carries the message through a localStorage storage event to the other tab, never back to the sender', () => {
    vi.stubGlobal('BroadcastChannel', undefined);
    const heardByA: TabMessage[] = [];
    const heardByB: TabMessage[] = [];
    const tabA = new TabSync('logto:app', (message) => heardByA.push(message));
    const tabB = new TabSync('logto:app', (message) => heardByB.push(message));

    tabA.post('signed-out:signOut');
    deliverStorageWrite('logto:app');
    tabA.post('tokens-updated');
    deliverStorageWrite('logto:app');

    expect(heardByB).toEqual(['signed-out:signOut', 'tokens-updated']);
    expect(heardByA).toEqual([]);
    tabA.close();
    tabB.close();
  });

  it('writes only the message and who sent it: no token reaches localStorage', () => {
    vi.stubGlobal('BroadcastChannel', undefined);
    const tab = new TabSync('logto:app', () => undefined);
    tab.post('signed-in');
    const stored = JSON.parse(localStorage.getItem('logto:app') ?? 'null') as Record<
      string,
      unknown
    >;
    expect(Object.keys(stored).sort()).toEqual(['from', 'message', 'nonce']);
    expect(stored.message).toBe('signed-in');
    tab.close();
  });

  it('ignores other keys, garbage written under its key, and everything after close()', () => {
    vi.stubGlobal('BroadcastChannel', undefined);
    const heard: TabMessage[] = [];
    const tab = new TabSync('logto:app', (message) => heard.push(message));
    window.dispatchEvent(new StorageEvent('storage', { key: 'other', newValue: '{"from":"x"}' }));
    window.dispatchEvent(new StorageEvent('storage', { key: 'logto:app', newValue: 'not json' }));
    window.dispatchEvent(new StorageEvent('storage', { key: 'logto:app', newValue: '{}' }));
    tab.close();
    window.dispatchEvent(
      new StorageEvent('storage', {
        key: 'logto:app',
        newValue: JSON.stringify({ from: 'other-tab', message: 'signed-in' }),
      }),
    );
    expect(heard).toEqual([]);
  });

  it('does not fail where localStorage throws (blocked storage)', () => {
    vi.stubGlobal('BroadcastChannel', undefined);
    vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('blocked', 'SecurityError');
    });
    const tab = new TabSync('logto:app', () => undefined);
    expect(() => tab.post('signed-in')).not.toThrow();
    tab.close();
    vi.restoreAllMocks();
  });
});

describe('TabSync with BroadcastChannel', () => {
  it('delivers to the other tab over the channel and leaves localStorage alone', async () => {
    const heard: TabMessage[] = [];
    const tabA = new TabSync('logto:bc-app', () => undefined);
    const tabB = new TabSync('logto:bc-app', (message) => heard.push(message));
    tabA.post('signed-out:expired');
    await vi.waitFor(() => expect(heard).toEqual(['signed-out:expired']));
    expect(localStorage.getItem('logto:bc-app')).toBeNull();
    tabA.close();
    tabB.close();
  });
});
