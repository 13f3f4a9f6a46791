import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { apiReports } from './apiReport.js';

/**
 * A guard on the public API: each entry's exported names and types (from the built `.d.ts`) must
 * equal the report kept in `test/package/api/`. Moving code between files changes nothing here;
 * changing what users import does, on purpose: rewrite the reports with
 * `UPDATE_API_REPORTS=1 npx vitest run --project package test/package/api.test.ts` and let the
 * diff be reviewed with the change.
 */
const manifest = JSON.parse(readFileSync('package.json', 'utf8')) as {
  exports: Record<string, { types: string } | string>;
};
const entries = Object.entries(manifest.exports).flatMap(([entry, target]) =>
  typeof target === 'string' ? [] : [{ entry, types: target.types }],
);
const reportFile = (entry: string): string =>
  `test/package/api/${entry === '.' ? 'logto-spa' : `logto-spa${entry.slice(1).replaceAll('/', '-')}`}.api.txt`;

describe('the public API of every entry', () => {
  const reports = apiReports(entries.map(({ types }) => types));

  it.each(entries)('$entry is unchanged', ({ entry, types }) => {
    const actual = reports.get(types);
    const file = reportFile(entry);
    if (process.env.UPDATE_API_REPORTS === '1') writeFileSync(file, actual ?? '');
    expect(existsSync(file), `${file} is missing: run with UPDATE_API_REPORTS=1`).toBe(true);
    expect(actual).toBe(readFileSync(file, 'utf8'));
  });
});
