import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { loadSeed } from '../../../src/dev-idp/index.js';
import { runCli } from '../../../src/dev-idp/runCli.js';

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'logto-spa-init-'));
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function init(...argv: string[]) {
  return initIn(process.cwd(), ...argv);
}

/** Runs `--init` as if from the project in `cwd`. */
async function initIn(cwd: string, ...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(['--init', ...argv], {
    io: { out: (line) => out.push(line), err: (line) => err.push(line) },
    cwd,
  });
  return { code, out: out.join('\n'), err };
}

describe('logto-spa-dev-idp --init', () => {
  it('writes a starter seed that the IdP loads: both dev hosts, an API, an organization, two users', async () => {
    const file = join(dir, 'idp.seed.json');

    const { code, out, err } = await init(file);

    expect(code).toBe(0);
    expect(err).toEqual([]);
    expect(out).toContain(`npx logto-spa-dev-idp --seed ${file}`);
    const seed = await loadSeed(file);
    expect(seed.app.redirectUris).toEqual([
      'http://localhost:5173/callback',
      'http://127.0.0.1:5173/callback',
    ]);
    expect(seed.app.postSignOutRedirectUris).toEqual([
      'http://localhost:5173/',
      'http://127.0.0.1:5173/',
    ]);
    expect(seed.resources).toHaveLength(1);
    expect(seed.resources[0]?.scopes.length).toBeGreaterThan(0);
    expect(seed.organizations).toHaveLength(1);
    expect(seed.users.map((user) => user.username)).toEqual(['alice', 'bob']);
  });

  it('leaves out the step to install oidc-provider when the project already has it', async () => {
    // This repository has oidc-provider installed (a devDependency).
    const { code, out } = await initIn(process.cwd(), join(dir, 'idp.seed.json'));

    expect(code).toBe(0);
    expect(out).not.toContain('oidc-provider');
    expect(out).toContain('npx logto-spa-dev-idp --seed');
  });

  it('tells to install oidc-provider when the project cannot resolve it', async () => {
    // The temporary directory is a project without node_modules.
    const { code, out } = await initIn(dir, join(dir, 'idp.seed.json'));

    expect(code).toBe(0);
    expect(out).toContain('npm i -D oidc-provider');
    expect(out.indexOf('npm i -D oidc-provider')).toBeLessThan(
      out.indexOf('npx logto-spa-dev-idp --seed'),
    );
  });

  it('explains itself in "$comment" keys and points "$schema" at the shipped schema', async () => {
    const file = join(dir, 'config', 'dev', 'idp.seed.json');
    await mkdir(dirname(file), { recursive: true });

    await init(file);

    const json = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown> & {
      app: Record<string, unknown>;
    };
    expect(json.$comment).toMatch(/npx logto-spa-dev-idp --seed/);
    expect(json.app.$comment).toMatch(/localhost and 127\.0\.0\.1 are different origins/);
    expect(typeof json.$schema).toBe('string');
    const schemaPath = resolve(dirname(file), json.$schema as string);
    expect(schemaPath).toBe(resolve('src/dev-idp/seed.schema.json'));
  });

  it('never overwrites an existing file', async () => {
    const file = join(dir, 'idp.seed.json');
    await writeFile(file, '{"mine": true}\n');

    const { code, out, err } = await init(file);

    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toEqual([
      `logto-spa-dev-idp: ${file} already exists and was left as it is (remove it or name another file)`,
    ]);
    expect(await readFile(file, 'utf8')).toBe('{"mine": true}\n');
  });

  it('refuses two file names', async () => {
    const { code, err } = await init(join(dir, 'a.json'), join(dir, 'b.json'));

    expect(code).toBe(2);
    expect(err[0]).toContain('--init takes one file name');
    expect(existsSync(join(dir, 'a.json'))).toBe(false);
  });

  it('writes idp.seed.json in the current directory when no file is named', () => {
    // tsx by its file: from the temporary directory, the package name would not resolve.
    const tsx = pathToFileURL(resolve('node_modules/tsx/dist/loader.mjs')).href;
    const cli = resolve('src/dev-idp/cli.ts');
    const { status, stdout } = spawnSync(process.execPath, ['--import', tsx, cli, '--init'], {
      cwd: dir,
      encoding: 'utf8',
    });

    expect(status).toBe(0);
    expect(stdout).toContain('Wrote idp.seed.json');
    expect(existsSync(join(dir, 'idp.seed.json'))).toBe(true);
  });
});
