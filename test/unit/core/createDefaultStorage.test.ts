import { afterEach, describe, expect, it, vi } from 'vitest';
import { createDefaultStorage } from '../../../src/core/storage/createDefaultStorage.js';
import { IndexedDbStorage } from '../../../src/core/storage/IndexedDbStorage.js';

describe('createDefaultStorage', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('keeps values in IndexedDB, visible to another storage instance (another tab)', async () => {
    const storage = createDefaultStorage();
    await storage.set('logto:test:key', 'value');
    expect(await new IndexedDbStorage().get('logto:test:key')).toBe('value');
    await storage.remove('logto:test:key');
    expect(await storage.get('logto:test:key')).toBeNull();
  });

  it('falls back to memory with a single warning when IndexedDB cannot be opened', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    vi.stubGlobal('indexedDB', undefined);
    const first = createDefaultStorage();
    await first.set('k', 'v');
    expect(await first.get('k')).toBe('v');
    const second = createDefaultStorage();
    await second.get('k');
    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0]?.[0])).toContain('IndexedDB is unavailable');
  });
});
