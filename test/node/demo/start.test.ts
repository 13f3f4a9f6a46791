/**
 * `npm run demo` as a user runs it: one process starts the dev IdP and the app, prints where
 * they are and who can sign in, and stops cleanly on SIGTERM; a taken port is one line and exit 1.
 */
import { spawn } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';

interface Run {
  stdout: () => string;
  stderr: () => string;
  exited: Promise<number | null>;
  kill: (signal: NodeJS.Signals) => void;
}

function startDemo(env: Record<string, string>): Run {
  const child = spawn(process.execPath, ['--import', 'tsx', 'demo/start.ts'], {
    env: { ...process.env, VITE_LOGTO_ENDPOINT: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
  return {
    stdout: () => stdout,
    stderr: () => stderr,
    exited,
    kill: (signal) => child.kill(signal),
  };
}

async function waitFor(condition: () => boolean, what: string, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function occupy(): Promise<{ port: number; server: Server }> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { port: (server.address() as AddressInfo).port, server };
}

async function freePort(): Promise<number> {
  const { port, server } = await occupy();
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('npm run demo', () => {
  it('serves the app and the IdP on the given ports, prints the users, and stops on SIGTERM', async () => {
    const [appPort, idpPort] = [await freePort(), await freePort()];
    const run = startDemo({ DEMO_PORT: String(appPort), IDP_PORT: String(idpPort) });
    try {
      await waitFor(() => run.stdout().includes('Press Ctrl-C to stop.'), 'the banner');

      expect(run.stdout()).toContain(`app   http://127.0.0.1:${appPort}/`);
      expect(run.stdout()).toContain(`IdP   http://127.0.0.1:${idpPort}/oidc`);
      expect(run.stdout()).toMatch(/alice\s+alice-password\s+Alice Liddell/);
      expect(run.stdout()).toMatch(/bob\s+bob-password\s+Bob Builder/);
      const page = await fetch(`http://127.0.0.1:${appPort}/profile`);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('<div id="root"></div>');
      const api = await fetch(`http://127.0.0.1:${appPort}/api/shopping/products`);
      expect(api.status).toBe(401);
      // The IdP accepts the app's actual origin as redirect URI.
      const discovery = await fetch(
        `http://127.0.0.1:${idpPort}/oidc/.well-known/openid-configuration`,
      );
      expect(discovery.status).toBe(200);
      const authorize = await fetch(
        `http://127.0.0.1:${idpPort}/oidc/auth?client_id=demo-spa&response_type=code&scope=openid` +
          `&redirect_uri=${encodeURIComponent(`http://127.0.0.1:${appPort}/callback`)}` +
          '&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM&code_challenge_method=S256',
        { redirect: 'manual' },
      );
      expect(authorize.status).toBe(303);
    } finally {
      run.kill('SIGTERM');
    }

    expect(await run.exited).toBe(0);
    expect(run.stdout()).toContain('Stopped.');
    expect(run.stderr()).toBe('');
  }, 40_000);

  it('exits 1 with one line naming the port when the IdP port is taken', async () => {
    const taken = await occupy();
    try {
      const run = startDemo({ DEMO_PORT: String(await freePort()), IDP_PORT: String(taken.port) });

      expect(await run.exited).toBe(1);
      expect(run.stderr()).toBe(
        `demo: port ${taken.port} (dev IdP) is already in use: stop what runs there or set IDP_PORT\n`,
      );
    } finally {
      await new Promise((resolve) => taken.server.close(resolve));
    }
  }, 40_000);

  it('exits 1 with one line naming the port when the app port is taken, and stops the IdP', async () => {
    const taken = await occupy();
    const idpPort = await freePort();
    try {
      const run = startDemo({ DEMO_PORT: String(taken.port), IDP_PORT: String(idpPort) });

      expect(await run.exited).toBe(1);
      expect(run.stderr()).toBe(
        `demo: port ${taken.port} (demo app) is already in use: stop what runs there or set DEMO_PORT\n`,
      );
      // The IdP it had started is gone with it.
      await expect(fetch(`http://127.0.0.1:${idpPort}/`)).rejects.toThrow();
    } finally {
      await new Promise((resolve) => taken.server.close(resolve));
    }
  }, 40_000);

  it('starts only the app when VITE_LOGTO_ENDPOINT points at another Logto', async () => {
    const appPort = await freePort();
    const run = startDemo({
      DEMO_PORT: String(appPort),
      VITE_LOGTO_ENDPOINT: 'https://tenant.example.com',
    });
    try {
      await waitFor(() => run.stdout().includes('Press Ctrl-C to stop.'), 'the banner');

      expect(run.stdout()).toContain('Logto https://tenant.example.com');
      expect(run.stdout()).not.toContain('alice');
      expect((await fetch(`http://127.0.0.1:${appPort}/`)).status).toBe(200);
    } finally {
      run.kill('SIGTERM');
    }

    expect(await run.exited).toBe(0);
  }, 40_000);

  it('refuses a port that is not a number', async () => {
    const run = startDemo({ DEMO_PORT: 'eighty' });

    expect(await run.exited).toBe(1);
    expect(run.stderr()).toBe(
      'demo: DEMO_PORT must be a port number from 1 to 65535, got "eighty"\n',
    );
  });
});
