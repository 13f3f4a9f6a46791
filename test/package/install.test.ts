import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { build } from 'esbuild';
import { describe, expect, inject, it } from 'vitest';

import type * as Core from '../../src/core/index.js';
import { completeSignIn } from '../../src/dev-idp/index.js';
import { alice, redirectUri, startTestIdp } from '../integration/core/harness.js';
import { cleanNpmEnv } from './cleanNpmEnv.js';

const appDir = inject('appDir');

/** Every installed package under `node_modules`, nested and scoped ones included. */
function installedPackages(nodeModules: string): string[] {
  if (!existsSync(nodeModules)) return [];
  const names: string[] = [];
  for (const entry of readdirSync(nodeModules)) {
    if (entry.startsWith('.')) continue;
    const scoped = entry.startsWith('@')
      ? readdirSync(join(nodeModules, entry)).map((name) => `${entry}/${name}`)
      : [entry];
    for (const name of scoped) {
      names.push(name);
      names.push(...installedPackages(join(nodeModules, name, 'node_modules')));
    }
  }
  return names.sort();
}

describe('the packed tarball installed into an empty app', () => {
  it('adds at most 4 packages, and no server code', () => {
    const installed = installedPackages(join(appDir, 'node_modules'));

    expect(installed).toContain('logto-spa');
    expect(installed.length, installed.join(', ')).toBeLessThanOrEqual(4);
    expect(installed).not.toContain('oidc-provider');
    expect(installed).not.toContain('koa');
  });

  it('signs in with the installed package: its sign-in code and oidc-client-ts load on demand', async () => {
    const idp = await startTestIdp();
    try {
      // What the app's own node_modules resolve, not the sources.
      const spa = (await import(
        join(appDir, 'node_modules/logto-spa/dist/core/index.js')
      )) as typeof Core;
      const navigations: string[] = [];
      const client = new spa.LogtoClient(
        { endpoint: idp.origin, appId: idp.seed.app.appId },
        { storage: new spa.MemoryStorage(), navigate: (url) => navigations.push(url) },
      );
      await client.signIn(redirectUri);
      const callback = await completeSignIn(navigations[0] ?? '', alice);
      const { claims } = await client.handleSignInCallback(callback);

      expect(claims.username).toBe('alice');
      expect(await client.isAuthenticated()).toBe(true);
      client.dispose();
    } finally {
      await idp.close();
    }
  });

  it('bundles into an app that downloads oidc-client-ts only when a sign-in starts', async () => {
    const entry = join(appDir, 'app.js');
    writeFileSync(
      entry,
      "import { LogtoClient } from 'logto-spa';\n" +
        "const client = new LogtoClient({ endpoint: 'https://tenant.logto.app', appId: 'app' });\n" +
        "if (!(await client.isAuthenticated())) await client.signIn(location.origin + '/callback');\n",
    );
    const { metafile } = await build({
      entryPoints: [entry],
      bundle: true,
      splitting: true,
      minify: true,
      format: 'esm',
      outdir: join(appDir, 'out'),
      write: false,
      metafile: true,
      logLevel: 'error',
    });
    const { outputs } = metafile;
    // The app's chunk and what it imports statically: what loads before the app runs.
    const [appChunk] = Object.keys(outputs).filter((path) => path.endsWith('/app.js'));
    const initial = new Set([appChunk ?? '']);
    for (const path of initial) {
      for (const imported of outputs[path]?.imports ?? []) {
        if (imported.kind === 'import-statement') initial.add(imported.path);
      }
    }
    const withOidcClient = Object.keys(outputs).filter((path) =>
      Object.keys(outputs[path]?.inputs ?? {}).some((input) =>
        input.includes('/node_modules/oidc-client-ts/'),
      ),
    );

    // Two files: the app with the core, and the sign-in chunk, which shares no module with it.
    expect(Object.keys(outputs)).toHaveLength(2);
    expect(withOidcClient).toHaveLength(1);
    const [lazy = ''] = withOidcClient;
    expect(initial.has(lazy)).toBe(false);
    // Only its SigninState and what that needs (about 11 KB), not the whole library (70 KB).
    expect(outputs[lazy]?.bytes).toBeLessThan(20_000);
  });

  it('ships the MIT licence', () => {
    const licence = readFileSync(join(appDir, 'node_modules/logto-spa/LICENSE'), 'utf8');

    expect(licence).toMatch(/^MIT License\n\nCopyright \(c\) 2026 logto-spa contributors\n/);
  });

  it('runs the dev IdP command, which asks for oidc-provider in one line when it is missing', () => {
    const { status, stdout, stderr } = spawnSync(
      join(appDir, 'node_modules/.bin/logto-spa-dev-idp'),
      ['--seed', 'idp.seed.json', '--port', '0'],
      { cwd: appDir, env: cleanNpmEnv(), encoding: 'utf8', timeout: 20_000 },
    );

    expect(stdout).toBe('');
    expect(stderr.trim()).toBe(
      'logto-spa-dev-idp: the dev IdP runs on oidc-provider, which is not installed: npm i -D oidc-provider',
    );
    expect(status).toBe(1);
  });

  it('runs the test kit with React absent, and only its React entry asks for React', () => {
    // The app has no react (an optional peer): what resolves here is what a Vue app gets.
    const script = `
      const { createMockClient } = await import('logto-spa/testing');
      const mock = createMockClient({ user: { sub: 'u1' } });
      const claims = await mock.getAccessTokenClaims('https://api.example.com');
      console.log(claims.sub);
      await import('logto-spa/testing/react').catch((error) => console.log(error.code));
    `;
    const output = execFileSync(process.execPath, ['--input-type=module', '-e', script], {
      cwd: appDir,
      env: cleanNpmEnv(),
      encoding: 'utf8',
    });

    expect(existsSync(join(appDir, 'node_modules/react'))).toBe(false);
    expect(output.trim().split('\n')).toEqual(['u1', 'ERR_MODULE_NOT_FOUND']);
  });

  it('writes a starter seed with --init without oidc-provider, its $schema pointing into the package', () => {
    const output = execFileSync(join(appDir, 'node_modules/.bin/logto-spa-dev-idp'), ['--init'], {
      cwd: appDir,
      env: cleanNpmEnv(),
      encoding: 'utf8',
    });

    expect(output).toContain('Wrote idp.seed.json');
    const seed = JSON.parse(readFileSync(join(appDir, 'idp.seed.json'), 'utf8')) as {
      $schema: string;
    };
    expect(seed.$schema).toBe('./node_modules/logto-spa/dist/dev-idp/seed.schema.json');
    expect(readFileSync(join(appDir, seed.$schema), 'utf8')).toContain('"$comment"');
  });

  it('prints its usage without oidc-provider', () => {
    const help = execFileSync(join(appDir, 'node_modules/.bin/logto-spa-dev-idp'), ['--help'], {
      cwd: appDir,
      env: cleanNpmEnv(),
      encoding: 'utf8',
    });

    expect(help).toContain('Usage: logto-spa-dev-idp');
  });
});
