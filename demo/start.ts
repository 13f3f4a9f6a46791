/**
 * `npm run demo`: starts the dev IdP (seeded from demo/idp.seed.json) and the demo app's Vite dev
 * server in one process, prints where they are and who can sign in, and stops both on Ctrl-C.
 *
 * Environment (all optional):
 * - `DEMO_PORT` (default 5173) and `IDP_PORT` (default 3001): the seed's redirect URIs follow.
 * - `VITE_LOGTO_ENDPOINT` (in the environment or demo/.env.local): use that Logto instead; the
 *   dev IdP is not started.
 */
import { fileURLToPath } from 'node:url';
import { createServer, loadEnv, type ViteDevServer } from 'vite';

import { loadSeed, startDevIdp, type DevIdp, type DevIdpSeed } from '../src/dev-idp/index.js';
import { loadOidcProvider } from '../src/dev-idp/loadOidcProvider.js';

const seedPath = fileURLToPath(new URL('idp.seed.json', import.meta.url));
const configFile = fileURLToPath(new URL('vite.config.ts', import.meta.url));
const demoRoot = fileURLToPath(new URL('.', import.meta.url));
const host = '127.0.0.1';

/** A one-line failure: printed without a stack trace, exit code 1. */
class StartError extends Error {}

function portFromEnv(name: string, fallback: number): number {
  const value = process.env[name];
  if (value === undefined || value === '') return fallback;
  const port = Number(value);
  if (!/^\d+$/.test(value) || port < 1 || port > 65535) {
    throw new StartError(`${name} must be a port number from 1 to 65535, got "${value}"`);
  }
  return port;
}

/** Points the seed's app URIs and avatar URLs at the origins actually used. */
function seedFor(seed: DevIdpSeed, appOrigin: string, idpOrigin: string): DevIdpSeed {
  const copy = structuredClone(seed);
  const rebase = (uri: string) => {
    const url = new URL(uri);
    return `${appOrigin}${url.pathname}${url.search}`;
  };
  copy.app.redirectUris = copy.app.redirectUris.map(rebase);
  copy.app.postSignOutRedirectUris = copy.app.postSignOutRedirectUris.map(rebase);
  for (const user of copy.users) {
    if (user.picture !== null) {
      const url = new URL(user.picture);
      if (url.hostname === host) user.picture = `${idpOrigin}${url.pathname}`;
    }
  }
  return copy;
}

function isPortTaken(error: unknown): boolean {
  const { code, message } = error as { code?: unknown; message?: unknown };
  return code === 'EADDRINUSE' || (typeof message === 'string' && /already in use/i.test(message));
}

/** Removes the SIGTERM and stdin-end listeners added between this call and `release()`. */
function ownListeners() {
  const sigterm = new Set(process.listeners('SIGTERM'));
  const stdinEnd = new Set(process.stdin.listeners('end'));
  return {
    release: () => {
      for (const listener of process.listeners('SIGTERM')) {
        if (!sigterm.has(listener)) process.off('SIGTERM', listener);
      }
      for (const listener of process.stdin.listeners('end')) {
        if (!stdinEnd.has(listener)) process.stdin.off('end', listener as () => void);
      }
    },
  };
}

function table(rows: string[][]): string[] {
  const widths = rows[0]?.map((_, column) =>
    Math.max(...rows.map((row) => row[column]?.length ?? 0)),
  );
  return rows.map((row) =>
    row
      .map((cell, column) => cell.padEnd(widths?.[column] ?? 0))
      .join('  ')
      .trimEnd(),
  );
}

async function main(): Promise<void> {
  const appPort = portFromEnv('DEMO_PORT', 5173);
  const idpPort = portFromEnv('IDP_PORT', 3001);
  const appOrigin = `http://${host}:${appPort}`;
  // The same lookup as the app's: the environment, then demo/.env, .env.local, ...
  const externalEndpoint =
    loadEnv('development', demoRoot, 'VITE_').VITE_LOGTO_ENDPOINT?.trim() || undefined;

  let idp: DevIdp | undefined;
  let vite: ViteDevServer | undefined;
  const stop = async () => {
    await vite?.close();
    await idp?.close();
  };

  try {
    if (externalEndpoint === undefined) {
      // Load the engine quietly first: its "unsupported runtime" notice on Node 20 only confuses.
      await loadOidcProvider(true);
      const seed = seedFor(await loadSeed(seedPath), appOrigin, `http://${host}:${idpPort}`);
      try {
        idp = await startDevIdp({ seed, port: idpPort, host });
      } catch (error) {
        if (isPortTaken(error)) {
          throw new StartError(
            `port ${idpPort} (dev IdP) is already in use: stop what runs there or set IDP_PORT`,
          );
        }
        throw error;
      }
      // The app reads its endpoint from VITE_LOGTO_ENDPOINT; Vite passes it through.
      process.env.VITE_LOGTO_ENDPOINT = idp.origin;
    }
    try {
      const viteOwned = ownListeners();
      vite = await createServer({
        configFile,
        logLevel: 'warn',
        server: { host, port: appPort, strictPort: true },
      });
      await vite.listen();
      // Vite exits the process itself on SIGTERM (code 143) and when stdin ends; this script
      // stops the IdP too and exits 0, so it takes those over.
      viteOwned.release();
    } catch (error) {
      if (isPortTaken(error)) {
        throw new StartError(
          `port ${appPort} (demo app) is already in use: stop what runs there or set DEMO_PORT`,
        );
      }
      throw error;
    }
  } catch (error) {
    await stop();
    throw error;
  }

  const lines = ['', 'logto-spa demo', `  app   ${appOrigin}/`];
  if (idp) {
    lines.push(
      `  IdP   ${idp.issuer}  (local dev IdP, seeded from demo/idp.seed.json)`,
      '',
      '  Sign in with:',
      ...table([
        ['username', 'password', 'name'],
        ...idp.seed.users.map((user) => [user.username, user.password, user.name ?? '']),
      ]).map((line) => `    ${line}`),
    );
  } else {
    lines.push(`  Logto ${externalEndpoint ?? ''}  (VITE_LOGTO_ENDPOINT; no dev IdP started)`);
  }
  lines.push('', 'Press Ctrl-C to stop.', '');
  process.stdout.write(lines.join('\n'));

  await new Promise<void>((resolve) => {
    const onSignal = () => {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      // A second Ctrl-C while stopping ends the process at once.
      process.once('SIGINT', () => process.exit(130));
      resolve();
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
  });
  await stop();
  process.stdout.write('Stopped.\n');
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`demo: ${message.split('\n')[0] ?? message}\n`);
    process.exit(1);
  },
);
