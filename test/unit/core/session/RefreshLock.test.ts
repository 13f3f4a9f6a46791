import { describe, expect, it } from 'vitest';
import { RefreshLock } from '../../../../src/core/session/RefreshLock.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('RefreshLock', () => {
  it('never lets two tasks overlap, even when one fails', async () => {
    const lock = new RefreshLock('logto:test:refresh', 5);
    let running = 0;
    let maxRunning = 0;
    const order: number[] = [];
    const task = (id: number, fail = false) =>
      lock.run(async () => {
        running++;
        maxRunning = Math.max(maxRunning, running);
        await sleep(5);
        order.push(id);
        running--;
        if (fail) throw new Error(`task ${id} failed`);
        return id;
      });
    const results = await Promise.allSettled([task(1), task(2, true), task(3), task(4)]);
    expect(maxRunning).toBe(1);
    expect(order).toEqual([1, 2, 3, 4]);
    expect(results.map((result) => result.status)).toEqual([
      'fulfilled',
      'rejected',
      'fulfilled',
      'fulfilled',
    ]);
  });

  it('two locks with the same name (two tabs) exclude each other through navigator.locks', async () => {
    const tabA = new RefreshLock('logto:shared:refresh', 5);
    const tabB = new RefreshLock('logto:shared:refresh', 5);
    let running = 0;
    let maxRunning = 0;
    const task = () => async () => {
      running++;
      maxRunning = Math.max(maxRunning, running);
      await sleep(5);
      running--;
    };
    await Promise.all([tabA.run(task()), tabB.run(task()), tabA.run(task()), tabB.run(task())]);
    expect(maxRunning).toBe(1);
  });
});
