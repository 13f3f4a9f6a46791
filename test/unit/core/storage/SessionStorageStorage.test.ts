import { afterEach, describe, expect, it, vi } from 'vitest';
import { SessionStorageStorage } from '../../../../src/core/index.js';

describe('SessionStorageStorage', () => {
  afterEach(() => {
    vi.restoreAllMocks();
    window.sessionStorage.clear();
  });

  it("keeps values in the tab's sessionStorage", async () => {
    const storage = new SessionStorageStorage();
    await storage.set('logto:test:k', 'v');
    expect(window.sessionStorage.getItem('logto:test:k')).toBe('v');
    expect(await new SessionStorageStorage().get('logto:test:k')).toBe('v');
    await storage.remove('logto:test:k');
    expect(await storage.get('logto:test:k')).toBeNull();
  });

  it('rejects, rather than throwing, when the browser refuses the write', async () => {
    vi.spyOn(window.sessionStorage, 'setItem').mockImplementation(() => {
      throw new DOMException('full', 'QuotaExceededError');
    });
    const storage = new SessionStorageStorage();
    let pending: Promise<void> | undefined;
    expect(() => {
      pending = storage.set('logto:test:k', 'v');
    }).not.toThrow();
    await expect(pending).rejects.toMatchObject({ name: 'QuotaExceededError' });
  });
});
