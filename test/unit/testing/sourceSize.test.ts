import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = 'src/testing';

/** Every source file of the test kit, with its line count. */
function lineCounts(folder: string): [string, number][] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return lineCounts(path);
    return [[path, readFileSync(path, 'utf8').split('\n').length - 1] as [string, number]];
  });
}

describe('the test kit sources', () => {
  it('keep one concept per file: none is over 300 lines', () => {
    const counts = lineCounts(root);
    expect(counts.length).toBeGreaterThan(5);
    expect(counts.filter(([, lines]) => lines > 300)).toEqual([]);
  });
});
