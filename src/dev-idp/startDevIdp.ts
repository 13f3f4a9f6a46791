import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

import { createAccountApi } from './account/createAccountApi.js';
import type { SentCode } from './account/VerificationRecords.js';
import { avatarSvg } from './avatarSvg.js';
import { createInteractionHandler } from './createInteractionHandler.js';
import { createProvider, type ResolvedTtl } from './createProvider.js';
import type { DevIdpSeed, DevIdpSeedInput } from './DevIdpSeed.js';
import { loadOidcProvider } from './loadOidcProvider.js';
import { loadSeed } from './loadSeed.js';
import { homePage, messagePage } from './pages.js';
import { RequestLog, type DevIdpRequest } from './RequestLog.js';
import { UserDirectory } from './UserDirectory.js';
import { validateSeed } from './validateSeed.js';

/** Token and session lifetimes in seconds. */
export interface DevIdpTtl {
  /** Opaque userinfo token, and API tokens whose resource sets no `accessTokenTtl`. Default 3600. */
  accessToken?: number;
  /** Default 3600. */
  idToken?: number;
  /** Default 14 days; every rotation starts a new full lifetime. */
  refreshToken?: number;
  /** Sign-in session at the IdP (the SSO cookie). Default 14 days. */
  session?: number;
  /** Grant behind the refresh tokens. Default 14 days. */
  grant?: number;
  /** Organization tokens. Default 3600. */
  organizationToken?: number;
}

/** Options of `startDevIdp`. */
export interface DevIdpOptions {
  /** The seed object, or a path to a JSON seed file; validated either way. */
  seed: DevIdpSeedInput | string;
  /** Default 3001; 0 picks a free port. */
  port?: number;
  /** Loopback address to listen on. Default `127.0.0.1`. */
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
  /** Verification codes the Account API "sent" by email or SMS, oldest first. */
  sentCodes(): SentCode[];
  /** Stops listening and drops open connections, keeping every grant, token and key. */
  suspend(): Promise<void>;
  /** Listens again on the same port with the same state. */
  resume(): Promise<void>;
  /** Stops for good. */
  close(): Promise<void>;
}

const day = 24 * 60 * 60;
const defaultTtl: ResolvedTtl = {
  accessToken: 3600,
  idToken: 3600,
  refreshToken: 14 * day,
  session: 14 * day,
  grant: 14 * day,
  organizationToken: 3600,
};

function resolveTtl(ttl: DevIdpTtl = {}): ResolvedTtl {
  const resolved = { ...defaultTtl };
  for (const key of Object.keys(defaultTtl) as (keyof ResolvedTtl)[]) {
    const value = ttl[key];
    if (value === undefined) continue;
    if (!Number.isSafeInteger(value) || value <= 0) {
      throw new TypeError(`ttl.${key}: expected a positive integer (seconds)`);
    }
    resolved[key] = value;
  }
  return resolved;
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
  const provider = createProvider({
    oidc,
    issuer,
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

  routes.handle = (req, res) => {
    const pathname = URL.parse(req.url ?? '/', origin)?.pathname ?? '/';
    if (pathname === '/oidc' || pathname.startsWith('/oidc/')) {
      // Mount the provider like Express would: it reads the mount path from originalUrl.
      const mounted = req as IncomingMessage & { originalUrl?: string };
      mounted.originalUrl = req.url ?? '/';
      req.url = (req.url ?? '/').slice('/oidc'.length) || '/';
      void providerCallback(req, res);
    } else if (pathname.startsWith('/api/')) {
      void accountApi.handle(req, res, pathname.slice('/api'.length));
    } else if (pathname.startsWith('/interaction/')) {
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

function serveStatic(pathname: string, issuer: string, res: ServerResponse): void {
  // Browsers ask for it on every page; an empty answer keeps their consoles free of 404s.
  if (pathname === '/favicon.ico') {
    res.statusCode = 204;
    res.end();
    return;
  }
  const avatar = /^\/avatar\/([^/]+)\.svg$/.exec(pathname)?.[1];
  if (avatar !== undefined) {
    res.setHeader('Content-Type', 'image/svg+xml');
    res.setHeader('Cache-Control', 'public, max-age=3600');
    res.end(avatarSvg(safeDecode(avatar)));
    return;
  }
  res.setHeader('Content-Type', 'text/html; charset=utf-8');
  if (pathname === '/') {
    res.end(homePage(issuer));
    return;
  }
  res.statusCode = 404;
  res.end(messagePage('Not found', `Nothing is served at ${pathname}.`));
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
