import { describe, expect, it } from 'vitest';
import { MemoryStorage } from '../../../../src/core/storage/MemoryStorage.js';
import { TransactionStore } from '../../../../src/core/signin/TransactionStore.js';

describe('TransactionStore', () => {
  it('hands out a transaction once and remembers completed states', async () => {
    let now = 1000;
    const store = new TransactionStore(new MemoryStorage(), 'logto:app:', () => now);
    await store.set('s1', '{"id":"s1"}');
    await store.set('s2', '{"id":"s2"}');
    expect(await store.getAllKeys()).toEqual(['s1', 's2']);
    expect(await store.remove('s1')).toBe('{"id":"s1"}');
    expect(await store.remove('s1')).toBeNull();
    expect(await store.get('s2')).toBe('{"id":"s2"}');

    await store.markCompleted('s1');
    expect(await store.wasCompleted('s1')).toBe(true);
    expect(await store.wasCompleted('s2')).toBe(false);
    now += 86_401;
    await store.markCompleted('s3');
    expect(await store.wasCompleted('s1')).toBe(false);
  });
});
