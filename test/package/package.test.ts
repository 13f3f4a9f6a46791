import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { publint } from 'publint';
import { describe, expect, it } from 'vitest';

interface ExportTarget {
  types: string;
  default: string;
}
const manifest = JSON.parse(readFileSync('package.json', 'utf8')) as {
  exports: Record<string, ExportTarget | string>;
  sideEffects: boolean;
  type: string;
  bin: Record<string, string>;
  peerDependenciesMeta: Record<string, { optional: boolean }>;
};

/** Every file an ES module pulls in through relative imports, itself included. */
function moduleGraph(entry: string, seen = new Set<string>()): Set<string> {
  if (seen.has(entry)) return seen;
  seen.add(entry);
  const source = readFileSync(entry, 'utf8');
  for (const match of source.matchAll(/(?:from|import)\s*["'](\.[^"']+)["']/g)) {
    moduleGraph(resolve(dirname(entry), match[1] ?? ''), seen);
  }
  return seen;
}

describe('the built package', () => {
  it('declares ESM, no side effects, React as an optional peer', () => {
    expect(manifest.type).toBe('module');
    expect(manifest.sideEffects).toBe(false);
    expect(manifest.peerDependenciesMeta.react?.optional).toBe(true);
  });

  it('has types first and existing files for every entry', () => {
    for (const [entry, target] of Object.entries(manifest.exports)) {
      if (typeof target === 'string') continue;
      expect(Object.keys(target)[0], entry).toBe('types');
      expect(existsSync(target.types), target.types).toBe(true);
      expect(existsSync(target.default), target.default).toBe(true);
    }
  });

  it.each([
    'dist/core/index.js',
    'dist/fetch/index.js',
    'dist/idle/index.js',
    'dist/account/index.js',
    'dist/testing/index.js',
  ])('keeps React out of %s and everything it imports', (entry) => {
    const files = moduleGraph(resolve(entry));
    expect(files.size).toBeGreaterThan(1);
    for (const file of files) {
      const source = readFileSync(file, 'utf8');
      expect(source, file).not.toMatch(/from\s*["']react(-dom)?(\/[^"']*)?["']/);
      expect(source, file).not.toContain('use client');
    }
  });

  it("starts the React entries with 'use client'", () => {
    for (const file of [
      'dist/react/index.js',
      'dist/fetch/react/index.js',
      'dist/idle/react/index.js',
      'dist/account/react/index.js',
      'dist/testing/react/index.js',
    ]) {
      expect(readFileSync(file, 'utf8').split('\n')[0], file).toBe('"use client";');
    }
  });

  it('imports in plain Node (no window) and exposes the core API', async () => {
    const core = (await import(resolve('dist/core/index.js'))) as Record<string, unknown>;
    expect(typeof core.LogtoClient).toBe('function');
    expect(core.UserScope).toMatchObject({ Organizations: 'urn:logto:scope:organizations' });
  });

  it('ships a working dev IdP command', () => {
    const bin = manifest.bin['logto-spa-dev-idp'] ?? '';
    expect(readFileSync(bin, 'utf8').startsWith('#!/usr/bin/env node')).toBe(true);
    const help = execFileSync(process.execPath, [bin, '--help'], { encoding: 'utf8' });
    expect(help).toContain('--seed');
  });

  it('is publint clean', async () => {
    const { messages } = await publint({
      pkgDir: join(import.meta.dirname, '../..'),
      strict: true,
    });
    expect(messages).toEqual([]);
  });
});
