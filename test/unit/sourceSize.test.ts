import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = 'src';

/** Every TypeScript source file under `folder`, with its line count. */
function lineCounts(folder: string): [string, number][] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return lineCounts(path);
    if (!/\.tsx?$/.test(entry.name)) return [];
    return [[path, readFileSync(path, 'utf8').split('\n').length - 1] as [string, number]];
  });
}

describe('the sources in src/', () => {
  it('keep one concept per file: none is over 300 lines', () => {
    const counts = lineCounts(root);
    expect(counts.length).toBeGreaterThan(100);
    expect(counts.filter(([, lines]) => lines > 300)).toEqual([]);
  });
});
