import { spawn } from 'node:child_process';
import { once } from 'node:events';

import { describe, expect, it, vi } from 'vitest';

import type { DevIdp } from '../../../src/dev-idp/index.js';
import { httpRequest } from '../../../src/dev-idp/httpRequest.js';
import { runCli } from '../../../src/dev-idp/runCli.js';
import { refresh, signIn } from '../../support/devIdpClient.js';

/** Runs the CLI in-process and collects what it prints. */
async function run(argv: string[], stopWhenStarted = true) {
  const out: string[] = [];
  const err: string[] = [];
  const controller = new AbortController();
  let started: DevIdp | undefined;
  const code = await runCli(argv, {
    io: { out: (line) => out.push(line), err: (line) => err.push(line) },
    signal: controller.signal,
    onStarted: (idp) => {
      started = idp;
      if (stopWhenStarted) controller.abort();
    },
  });
  return { code, out: out.join('\n'), err, started };
}

describe('logto-spa-dev-idp', () => {
  it.each([
    [['--bogus'], "Unknown option '--bogus'"],
    [['--port', '3001'], '--seed <file> is required'],
    [['idp.seed.json'], 'unexpected argument "idp.seed.json"'],
    [
      ['--seed', 'demo/idp.seed.json', '--port', 'abc'],
      '--port: expected an integer from 0 to 65535',
    ],
    [['--seed', 'demo/idp.seed.json', '--host', '0.0.0.0'], '--host: expected a loopback address'],
    [['--seed', 'demo/idp.seed.json', '--access-token-ttl', '0'], '--access-token-ttl: expected'],
    [['--seed', 'demo/idp.seed.json', '--refresh-token-ttl', '0'], '--refresh-token-ttl: expected'],
    [['--seed', 'does/not/exist.json'], 'exist.json: cannot read the seed file (ENOENT)'],
    [['--seed', 'package.json'], 'seed.name: unknown field'],
  ])('exits 2 with one line on stderr for %j', async (argv, message) => {
    const { code, out, err } = await run(argv);

    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toHaveLength(1);
    expect(err[0]).toContain(message);
    expect(err[0]).not.toMatch(/\n|\bat .*\.ts:\d+/);
  });

  it('prints usage for --help', async () => {
    const { code, out } = await run(['--help']);

    expect(code).toBe(0);
    expect(out).toContain('Usage: logto-spa-dev-idp --seed <file>');
    expect(out).toContain('logto-spa-dev-idp --init [file]');
  });

  it('prints the issuer and the seeded users, serves, and stops cleanly', async () => {
    const { code, out, started } = await run(
      ['--seed', 'demo/idp.seed.json', '--port', '0', '--refresh-token-reuse-grace', '0'],
      true,
    );

    expect(code).toBe(0);
    expect(out).toContain(`issuer     ${started?.issuer ?? '?'}`);
    // The value to paste as LogtoConfig.endpoint is the issuer without /oidc, with the rest of
    // the config the seed implies: the API permissions in scopes reach the token only if asked.
    expect(out).toContain(`endpoint   ${started?.origin ?? '?'}`);
    expect(out).toContain(
      [
        '    {',
        `      endpoint: "${started?.origin ?? '?'}",`,
        '      appId: "demo-spa",',
        '      resources: ["https://api.example.com/shopping", "https://api.example.com/store"],',
        '      scopes: ["read:products", "write:products", "read:orders", "write:orders", "manage:store"],',
        '    }',
      ].join('\n'),
    );
    expect(out).toContain('sign-out   http://127.0.0.1:5173/');
    expect(started?.issuer).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/oidc$/);
    expect(out).toMatch(/alice\s+alice-password\s+Alice Liddell/);
    expect(out).toMatch(/bob\s+bob-password\s+Bob Builder/);
    expect(out).toContain('Stopped.');
    await expect(httpRequest(`${started?.issuer ?? ''}/jwks`)).rejects.toThrow(/ECONNREFUSED/);
  });

  it("--refresh-token-ttl sets the refresh tokens' lifetime, counted from the sign-in", async () => {
    const controller = new AbortController();
    let idp: DevIdp | undefined;
    const running = runCli(
      ['--seed', 'demo/idp.seed.json', '--port', '0', '--refresh-token-ttl', '60'],
      {
        io: { out: () => {}, err: () => {} },
        signal: controller.signal,
        onStarted: (started) => {
          idp = started;
        },
      },
    );
    await vi.waitFor(() => {
      if (!idp) throw new Error('not started yet');
    });
    const started = idp as DevIdp;
    try {
      vi.useFakeTimers({ toFake: ['Date'] });
      const tokens = await signIn(started, { username: 'alice', password: 'alice-password' });
      vi.setSystemTime(Date.now() + 30_000);
      const rotated = await refresh(started, tokens.refresh_token ?? '');
      vi.setSystemTime(Date.now() + 31_000);
      const late = await refresh(started, rotated.json.refresh_token ?? '');

      expect(rotated.status).toBe(200);
      expect(late.status).toBe(400);
      expect(late.json).toMatchObject({ code: 'oidc.invalid_grant' });
    } finally {
      vi.useRealTimers();
      controller.abort();
    }
    expect(await running).toBe(0);
  });

  it('runs as a process and exits 0 on SIGINT (Ctrl-C)', async () => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'src/dev-idp/cli.ts', '--seed', 'demo/idp.seed.json', '--port', '0'],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let output = '';
    let interrupted = false;
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      output += chunk;
      if (!interrupted && output.includes('Press Ctrl-C to stop.')) {
        interrupted = true;
        child.kill('SIGINT');
      }
    });
    let errors = '';
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => {
      errors += chunk;
    });

    const [exitCode] = (await once(child, 'exit')) as [number | null];

    expect(exitCode).toBe(0);
    expect(output).toMatch(/issuer {5}http:\/\/127\.0\.0\.1:\d+\/oidc/);
    expect(output).toContain('Stopped.');
    expect(errors).toBe('');
  });
});
