import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

import { createHostGuard } from './createHostGuard.js';
import { createAccountApi } from './account/createAccountApi.js';
import type { SentCode } from './account/VerificationRecords.js';
import { createInteractionHandler } from './createInteractionHandler.js';
import { createMemoryAdapter } from './createMemoryAdapter.js';
import { CorsPolicy } from './CorsPolicy.js';
import { createProvider } from './createProvider.js';
import type { DevIdpSeed, DevIdpSeedInput } from './DevIdpSeed.js';
import { loadOidcProvider } from './loadOidcProvider.js';
import { loadSeed } from './loadSeed.js';
import { RequestLog, type DevIdpRequest } from './RequestLog.js';
import { resolveTtl, type DevIdpTtl } from './resolveTtl.js';
import { serveStatic } from './serveStatic.js';
import { UserDirectory } from './UserDirectory.js';
import { validateSeed } from './validateSeed.js';

/** Options of `startDevIdp`. */
export interface DevIdpOptions {
  /** The seed object, or a path to a JSON seed file; validated either way. */
  seed: DevIdpSeedInput | string;
  /** Default 3001; 0 picks a free port. */
  port?: number;
  /**
   * Loopback address to listen on. Default `127.0.0.1`. Requests are answered only when their
   * `Host` is this address or `127.0.0.1` / `localhost` / `[::1]`, with the port (421 otherwise).
   */
  host?: string;
  ttl?: DevIdpTtl;
  /**
   * Seconds during which a just-used refresh token is accepted again (each accepted reuse
   * restarts the window); after it, a reuse revokes the whole grant. Default 3, like Logto.
   */
  refreshTokenReuseGraceSeconds?: number;
  /** No console output at all. */
  quiet?: boolean;
}

/** A running dev IdP. */
export interface DevIdp {
  /** e.g. `http://127.0.0.1:3001/oidc` */
  readonly issuer: string;
  /** e.g. `http://127.0.0.1:3001` */
  readonly origin: string;
  readonly port: number;
  /** The validated seed it started with (users created on the sign-up page are not added). */
  readonly seed: DevIdpSeed;
  /** Every HTTP request served so far, oldest first. Token values are never recorded. */
  readonly requests: DevIdpRequest[];
  /** Empties `requests`. */
  clearRequests(): void;
  /**
   * Ends the lifetime of every refresh token issued so far, as if it had run out, while their
   * grants and the sign-in sessions live on: the refresh grant answers 400 `invalid_grant`
   * (Logto's JSON error), yet `prompt=none` still answers a code for the scopes the grant holds.
   * For testing how an app recovers when its refresh token expires. Refresh tokens issued
   * afterwards live their normal lifetime.
   *
   * @returns how many refresh tokens were expired
   * @example
   * idp.expireRefreshTokens();
   * // the app's next refresh fails; it gets API tokens through the session instead
   */
  expireRefreshTokens(): number;
  /** Verification codes the Account API "sent" by email or SMS, oldest first. */
  sentCodes(): SentCode[];
  /** Stops listening and drops open connections, keeping every grant, token and key. */
  suspend(): Promise<void>;
  /** Listens again on the same port with the same state. */
  resume(): Promise<void>;
  /** Stops for good. */
  close(): Promise<void>;
}

/** True for loopback addresses: the dev IdP must never be reachable from another machine. */
export function isLoopbackHost(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127(\.\d{1,3}){3}$/.test(host);
}

function listen(server: ReturnType<typeof createServer>, port: number, host: string) {
  return new Promise<void>((resolve, reject) => {
    const onError = (error: Error) => {
      reject(error);
    };
    server.once('error', onError);
    server.listen(port, host, () => {
      server.off('error', onError);
      resolve();
    });
  });
}

/**
 * Starts a local, Logto-compatible OpenID provider: oidc-provider mounted at `/oidc`, plain
 * HTML sign-in and sign-up pages, and avatars, all from one Node HTTP server.
 *
 * @param options - the seed plus optional port, host, lifetimes and refresh-reuse grace
 * @returns the running IdP, once it listens
 * @throws {SeedValidationError} for an invalid seed; a `TypeError` for a bad option; the
 *   listen error (e.g. `EADDRINUSE`) when the port is taken
 * @example
 * const idp = await startDevIdp({ seed: 'demo/idp.seed.json', port: 0, quiet: true });
 * console.log(idp.issuer); // http://127.0.0.1:<port>/oidc
 * await idp.close();
 */
export async function startDevIdp(options: DevIdpOptions): Promise<DevIdp> {
  const seed =
    typeof options.seed === 'string' ? await loadSeed(options.seed) : validateSeed(options.seed);
  const host = options.host ?? '127.0.0.1';
  if (!isLoopbackHost(host)) {
    throw new TypeError(`host: expected a loopback address such as 127.0.0.1, got "${host}"`);
  }
  const requestedPort = options.port ?? 3001;
  if (!Number.isInteger(requestedPort) || requestedPort < 0 || requestedPort > 65535) {
    throw new TypeError('port: expected an integer from 0 to 65535');
  }
  const reuseGraceSeconds = options.refreshTokenReuseGraceSeconds ?? 3;
  if (!Number.isFinite(reuseGraceSeconds) || reuseGraceSeconds < 0) {
    throw new TypeError('refreshTokenReuseGraceSeconds: expected a number of seconds ≥ 0');
  }
  const ttl = resolveTtl(options.ttl);
  const quiet = options.quiet ?? false;
  const logError = (message: string) => {
    if (!quiet) console.error(`[dev-idp] ${message}`);
  };

  const oidc = await loadOidcProvider(quiet);
  const requestLog = new RequestLog();
  // The issuer depends on the port, known only once listening. The routes are set with no
  // await between listen() and their assignment, so no request can arrive before them.
  const routes: { handle?: (req: IncomingMessage, res: ServerResponse) => void } = {};
  const server = createServer((req, res) => {
    requestLog.start(req, res);
    routes.handle?.(req, res);
  });
  await listen(server, requestedPort, host);
  const { port } = server.address() as AddressInfo;
  const origin = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  const issuer = `${origin}/oidc`;

  const directory = new UserDirectory(seed);
  const storage = createMemoryAdapter();
  const cors = CorsPolicy.forApp(seed.app);
  const provider = createProvider({
    oidc,
    issuer,
    storage,
    cors,
    seed,
    directory,
    ttl,
    reuseGraceSeconds,
    requestLog,
    logError,
  });
  const providerCallback = provider.callback();
  const interactions = createInteractionHandler({
    provider,
    directory,
    appName: seed.app.name,
    logError,
  });

  const accountApi = createAccountApi({
    seed,
    directory,
    provider,
    log: (message) => {
      if (!quiet) console.log(`[dev-idp] ${message}`);
    },
  });

  const refusedHost = createHostGuard(host, port);
  routes.handle = (req, res) => {
    if (refusedHost(req, res)) return;
    const pathname = URL.parse(req.url ?? '/', origin)?.pathname ?? '/';
    if (pathname === '/oidc' || pathname.startsWith('/oidc/')) {
      // Mount the provider like Express would: it reads the mount path from originalUrl.
      const mounted = req as IncomingMessage & { originalUrl?: string };
      mounted.originalUrl = req.url ?? '/';
      req.url = (req.url ?? '/').slice('/oidc'.length) || '/';
      void providerCallback(req, res);
      return;
    }
    if (pathname.startsWith('/api/')) {
      // The Account API answers CORS itself, like Logto's /api (any origin).
      void accountApi.handle(req, res, pathname.slice('/api'.length));
      return;
    }
    // Pages and 404s carry the provider's CORS headers too: a browser app calling a wrong path
    // (say, an endpoint ending in /oidc) then reads the 404 instead of a CORS failure.
    const answeredPreflight = cors.handleNodeRequest(req, res);
    if (answeredPreflight) return;
    if (pathname.startsWith('/interaction/')) {
      void interactions(req, res, pathname);
    } else {
      serveStatic(pathname, issuer, res);
    }
  };

  let listening = true;
  let closed = false;
  const suspend = async () => {
    if (!listening) return;
    listening = false;
    await new Promise<void>((resolve) => {
      server.close(() => {
        resolve();
      });
      // Keep-alive sockets would hold close() open and keep answering: cut them.
      server.closeAllConnections();
    });
  };

  return {
    issuer,
    origin,
    port,
    seed,
    get requests() {
      return requestLog.entries;
    },
    clearRequests: () => {
      requestLog.clear();
    },
    expireRefreshTokens: () => storage.expireAll('RefreshToken'),
    sentCodes: () => accountApi.sentCodes(),
    suspend,
    resume: async () => {
      if (closed) throw new Error('the dev IdP was closed');
      if (listening) return;
      await listen(server, port, host);
      listening = true;
    },
    close: async () => {
      closed = true;
      await suspend();
    },
  };
}
