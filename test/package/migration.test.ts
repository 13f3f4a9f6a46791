import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

import { describe, expect, it } from 'vitest';

import { typeCheck } from './typeCheck.js';

const app = readFileSync('test/package/fixtures/logtoReactApp.tsx', 'utf8');

/**
 * What @logto/react exports that logto-spa deliberately has no twin for; the README's migration
 * section says what to use instead.
 */
const withoutEquivalent = new Set([
  'LogtoContext', // useLogto() is the way in
  'LogtoClientError', // the LogtoError subclasses below cover its cases, by code
  'LogtoRequestError',
  'OidcError',
  'PersistKey', // storage keys are internal
  'default',
]);

describe('migrating from @logto/react', () => {
  it('compiles a typical @logto/react app against @logto/react itself (the baseline)', () => {
    expect(typeCheck([{ name: 'App.tsx', text: app }], 'logto-react')).toEqual([]);
  });

  it('compiles the same app against the built logto-spa/react with only the import changed', () => {
    const migrated = app.replace("from '@logto/react'", "from 'logto-spa/react'");
    expect(migrated).not.toBe(app);

    expect(typeCheck([{ name: 'App.tsx', text: migrated }], 'migrated')).toEqual([]);
  });

  it('catches an app that uses what logto-spa/react does not export', () => {
    const broken = app
      .replace("from '@logto/react'", "from 'logto-spa/react'")
      .replace('LogtoError,\n', 'LogtoError,\n  PersistKey,\n');

    expect(typeCheck([{ name: 'App.tsx', text: broken }], 'broken').join('\n')).toContain(
      "has no exported member 'PersistKey'",
    );
  });

  it('exports every runtime value @logto/react exports that has an equivalent', async () => {
    const logtoReact = Object.keys(await import('@logto/react'));
    const ours = new Set(Object.keys((await import(resolve('dist/react/index.js'))) as object));

    const missing = logtoReact.filter((name) => !ours.has(name) && !withoutEquivalent.has(name));
    expect(missing).toEqual([]);
  });

  it('re-exports from the core what a React app reaches for, each the same binding', async () => {
    const core = (await import(resolve('dist/core/index.js'))) as Record<string, unknown>;
    const react = (await import(resolve('dist/react/index.js'))) as Record<string, unknown>;

    for (const name of ['sanitizeReturnPath', 'UserScope', 'LogtoError', 'LogtoNetworkError']) {
      expect(react[name], name).toBeDefined();
      expect(react[name], name).toBe(core[name]);
    }
  });
});
