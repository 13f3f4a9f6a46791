import type { IncomingMessage, ServerResponse } from 'node:http';

import type { Provider } from 'oidc-provider';

import type { DevIdpSeed } from '../DevIdpSeed.js';
import type { UserDirectory } from '../UserDirectory.js';
import { AccountApiError } from './AccountApiError.js';
import type { AccountApiContext, AccountRoute, ApiReply } from './AccountRoute.js';
import { AccountStore } from './AccountStore.js';
import { applyApiCors } from './applyApiCors.js';
import { authenticateCaller } from './authenticateCaller.js';
import { CorsPolicy } from '../CorsPolicy.js';
import { DevSocialConnector } from './DevSocialConnector.js';
import { emailAndPhoneRoutes } from './emailAndPhoneRoutes.js';
import { identityRoutes } from './identityRoutes.js';
import { mfaRoutes } from './mfaRoutes.js';
import { mfaSettingsRoutes } from './mfaSettingsRoutes.js';
import { profileRoutes } from './profileRoutes.js';
import { sessionRoutes } from './sessionRoutes.js';
import { socialVerificationRoutes } from './socialVerificationRoutes.js';
import { BodyTooLarge, readJsonBody } from './readJsonBody.js';
import { verificationRoutes } from './verificationRoutes.js';
import { VerificationRecords, type SentCode } from './VerificationRecords.js';
import { webAuthnRegistrationRoutes } from './webAuthnRegistrationRoutes.js';

/** What `createAccountApi` needs from the running IdP. */
export interface AccountApiSetup {
  seed: DevIdpSeed;
  directory: UserDirectory;
  provider: Provider;
  /** Console output; the IdP passes a no-op when `quiet`. */
  log: (message: string) => void;
}

/** The Account API, ready to be mounted at `/api`. */
export interface AccountApi {
  /** Serves one request whose path starts with `/api` (`path` is the rest, e.g. `/my-account`). */
  handle(req: IncomingMessage, res: ServerResponse, path: string): Promise<void>;
  /** Every verification code "sent" so far, oldest first. */
  sentCodes(): SentCode[];
}

interface CompiledRoute {
  route: AccountRoute;
  pattern: RegExp;
  names: string[];
}

/**
 * Builds Logto's user-facing Account API (`/api/my-account/*`, `/api/verifications/*`) on the
 * dev IdP's user directory, answering paths, status codes, bodies and error codes as Logto 1.37
 * does. Every call needs the Logto-audience opaque access token; the seed's `accountCenter`
 * decides what is allowed. See `src/dev-idp/account/README.md`.
 *
 * @example
 * const api = createAccountApi({ seed, directory, provider, log: console.log });
 * // in the server: if (pathname.startsWith('/api/')) void api.handle(req, res, pathname.slice(4));
 */
export function createAccountApi(setup: AccountApiSetup): AccountApi {
  const records = new VerificationRecords(() => Date.now());
  const context: AccountApiContext = {
    ...setup,
    records,
    store: new AccountStore(),
    devSocial: new DevSocialConnector(CorsPolicy.forApp(setup.seed.app)),
    now: () => Date.now(),
  };
  const routes = [
    ...profileRoutes(context),
    ...mfaSettingsRoutes(context),
    ...emailAndPhoneRoutes(context),
    ...identityRoutes(context),
    ...mfaRoutes(context),
    // Logto 1.37 registers the sessions routes only with its dev features on.
    ...(setup.seed.accountCenter.devFeatures ? sessionRoutes(context) : []),
    ...verificationRoutes(context),
    ...socialVerificationRoutes(context),
    ...webAuthnRegistrationRoutes(context),
  ].map(compile);

  const serve = async (req: IncomingMessage, path: string): Promise<ApiReply | undefined> => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const matching = routes.filter((r) => r.pattern.test(path));
    const compiled = matching.find((r) => r.route.method === req.method);
    if (!compiled) return undefined;
    const body = await readJsonBody(req);
    const caller = await authenticateCaller(req, {
      provider: setup.provider,
      directory: setup.directory,
      records,
      clientId: setup.seed.app.appId,
    });
    if (!setup.seed.accountCenter.enabled) throw new AccountApiError('account_center.not_enabled');
    const values = compiled.pattern.exec(path)?.slice(1) ?? [];
    const params = Object.fromEntries(
      compiled.names.map((name, index) => [name, decodeURIComponent(values[index] ?? '')]),
    );
    const host = req.headers.host ?? 'localhost';
    return compiled.route.handle({
      caller,
      params,
      body,
      query: url.searchParams,
      hostname: URL.parse(`http://${host}`)?.hostname ?? 'localhost',
      origin: `http://${host}`,
      headers: req.headers,
    });
  };

  return {
    sentCodes: () => records.sentCodes(),
    handle: async (req, res, path) => {
      if (path === DevSocialConnector.pagePath && req.method === 'GET') {
        context.devSocial.servePage(req, res);
        return;
      }
      if (applyApiCors(req, res)) return;
      try {
        const reply = await serve(req, path);
        if (reply) {
          sendJson(res, reply.status, reply.body);
          return;
        }
        const allowed = routes.filter((r) => r.pattern.test(path)).map((r) => r.route.method);
        if (allowed.length > 0) {
          // Like koa-router's allowedMethods: the path exists, the method does not.
          res.setHeader('Allow', [...new Set(allowed)].join(', '));
          sendText(res, req.method === 'OPTIONS' ? 200 : 405, 'Method Not Allowed');
        } else {
          sendText(res, 404, 'Not Found');
        }
      } catch (error) {
        if (error instanceof AccountApiError) {
          sendJson(res, error.status, error.toBody());
        } else if (error instanceof SyntaxError) {
          sendJson(res, 400, { message: error.message });
        } else if (error instanceof BodyTooLarge) {
          sendText(res, 413, 'Payload Too Large');
        } else {
          setup.log(`account API error: ${error instanceof Error ? error.message : 'unknown'}`);
          sendJson(res, 500, { message: 'Internal server error.' });
        }
      }
    },
  };
}

function compile(route: AccountRoute): CompiledRoute {
  const names: string[] = [];
  const source = route.path
    .split('/')
    .map((segment) => {
      if (!segment.startsWith(':')) return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      names.push(segment.slice(1));
      return '([^/]+)';
    })
    .join('/');
  return { route, pattern: new RegExp(`^${source}/?$`), names };
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.statusCode = status;
  if (body === undefined) {
    res.end();
    return;
  }
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.end(JSON.stringify(body));
}

function sendText(res: ServerResponse, status: number, text: string): void {
  res.statusCode = status;
  res.setHeader('Content-Type', 'text/plain; charset=utf-8');
  res.end(text);
}
