/**
 * The slice of `oidc-provider` 9 that the dev IdP uses. The package ships no types, and
 * DefinitelyTyped's lag behind v9, so only what src/dev-idp touches is declared here, read
 * from the package's own source (lib/provider.js, lib/models, lib/helpers/errors.js).
 * Nothing here is part of logto-spa's public API.
 */
declare module 'oidc-provider' {
  import type { IncomingMessage, ServerResponse } from 'node:http';

  export type UnknownObject = Record<string, unknown>;

  /** The Koa context oidc-provider hands to middleware and configuration callbacks. */
  export interface KoaContext {
    method: string;
    path: string;
    status: number;
    body: unknown;
    type: string;
    host: string;
    req: IncomingMessage;
    res: ServerResponse;
    response: { headers: Record<string, unknown> };
    get(field: string): string;
    set(field: string, value: string): void;
    remove(field: string): void;
    vary(field: string): void;
    /** Present on provider routes only. */
    oidc?: OIDCContext;
  }

  export type KoaMiddleware = (ctx: KoaContext, next: () => Promise<void>) => Promise<void>;

  export interface OIDCContext {
    route: string;
    params: Record<string, string | string[] | undefined>;
    body?: Record<string, string | string[] | undefined>;
    client?: Client;
    entities: Record<string, unknown>;
    entity(key: string, value: unknown): void;
    provider: Provider;
  }

  export interface Client {
    clientId: string;
  }

  export interface Account {
    accountId: string;
    claims(use: string, scope: string, claims: unknown, rejected: string[]): Promise<UnknownObject>;
  }

  export interface ResourceServerInfo {
    scope: string;
    audience?: string;
    accessTokenTTL?: number;
    accessTokenFormat?: 'opaque' | 'jwt';
    jwt?: { sign?: { alg?: string } };
  }

  export class ResourceServer {
    constructor(identifier: string, info: ResourceServerInfo);
    readonly scope: string;
    readonly audience: string | undefined;
    readonly accessTokenTTL: number | undefined;
    readonly scopes: Set<string>;
    identifier(): string;
  }

  /** Storage contract for every model (tokens, sessions, grants, interactions). */
  export interface Adapter {
    upsert(id: string, payload: AdapterPayload, expiresIn?: number): Promise<void>;
    find(id: string): Promise<AdapterPayload | undefined>;
    findByUid(uid: string): Promise<AdapterPayload | undefined>;
    findByUserCode(userCode: string): Promise<AdapterPayload | undefined>;
    consume(id: string): Promise<void>;
    destroy(id: string): Promise<void>;
    revokeByGrantId(grantId: string): Promise<void>;
  }

  export interface AdapterPayload {
    [key: string]: unknown;
    jti?: string;
    grantId?: string;
    uid?: string;
    userCode?: string;
    consumed?: unknown;
  }

  interface TokenCommon {
    jti: string;
    readonly isExpired: boolean;
    readonly expiration: number;
    /** Seconds until `exp`; the full lifetime before the first save. */
    readonly remainingTTL: number;
    save(): Promise<string>;
    destroy(): Promise<void>;
  }

  export interface RefreshTokenValues {
    accountId: string;
    acr?: string | undefined;
    amr?: string[] | undefined;
    authTime?: number | undefined;
    claims?: unknown;
    client: Client;
    expiresWithSession?: boolean | undefined;
    iiat?: number | undefined;
    grantId: string;
    gty?: string | undefined;
    nonce?: string | undefined;
    resource?: string | string[] | undefined;
    rotations?: number | undefined;
    scope?: string | undefined;
    sessionUid?: string | undefined;
    sid?: string | undefined;
  }

  export interface RefreshToken extends TokenCommon, Omit<RefreshTokenValues, 'client'> {
    clientId: string;
    consumed?: unknown;
    readonly scopes: Set<string>;
    readonly resourceIndicators: Set<string | undefined>;
    consume(): Promise<void>;
  }

  export interface AccessTokenValues {
    accountId: string;
    client: Client;
    expiresWithSession?: boolean | undefined;
    grantId: string;
    gty?: string | undefined;
    sessionUid?: string | undefined;
    sid?: string | undefined;
  }

  export interface AccessToken extends TokenCommon {
    accountId: string;
    clientId: string;
    /** Set for tokens of an API resource; absent for the opaque userinfo token. */
    aud?: string | string[] | undefined;
    readonly scopes: Set<string>;
    gty?: string | undefined;
    scope?: string | undefined;
    claims?: unknown;
    resourceServer?: ResourceServer;
    readonly tokenType: string;
  }

  export interface Grant extends TokenCommon {
    /** The grant id. */
    accountId: string;
    clientId: string;
    getOIDCScope(): string;
    getOIDCScopeFiltered(filter: Set<string> | string[]): string;
    getResourceScopeFiltered(resource: string, filter: Set<string> | string[]): string;
    addOIDCScope(scope: string): void;
    addOIDCClaims(claims: string[]): void;
    addResourceScope(resource: string, scope: string): void;
  }

  /** A browser session at the IdP (the SSO cookie's record). */
  export interface Session {
    uid: string;
    jti: string;
    kind: string;
    accountId?: string | undefined;
    loginTs?: number | undefined;
    iat?: number | undefined;
    exp?: number | undefined;
    authorizations?:
      Record<string, { grantId?: string; sid?: string; persistsLogout?: boolean }> | undefined;
    destroy(): Promise<void>;
  }

  export interface IdToken {
    scope: string;
    mask: unknown;
    rejected: string[];
    set(key: string, value: unknown): void;
    issue(options: { use: 'idtoken' }): Promise<string>;
  }

  export interface Interaction {
    uid: string;
    prompt: { name: string; details: Record<string, unknown> };
    params: Record<string, unknown>;
    grantId?: string;
    session?: { accountId?: string };
  }

  export type InteractionResult = Record<string, unknown>;

  export type Configuration = Record<string, unknown>;

  export class Provider {
    constructor(issuer: string, configuration: Configuration);
    readonly issuer: string;
    proxy: boolean;
    callback(): (req: IncomingMessage, res: ServerResponse) => Promise<void>;
    use(middleware: KoaMiddleware): this;
    on(event: string, listener: (...args: never[]) => void): this;
    registerGrantType(
      name: string,
      handler: (ctx: KoaContext & { oidc: OIDCContext }) => Promise<void>,
      parameters?: Iterable<string>,
      allowedDuplicateParameters?: Iterable<string>,
    ): void;
    interactionDetails(req: IncomingMessage, res: ServerResponse): Promise<Interaction>;
    interactionFinished(
      req: IncomingMessage,
      res: ServerResponse,
      result: InteractionResult,
      options?: { mergeWithLastSubmission?: boolean },
    ): Promise<void>;
    readonly Grant: {
      new (values: { accountId: string; clientId: string }): Grant;
      find(id: string, options?: { ignoreExpiration?: boolean }): Promise<Grant | undefined>;
    };
    readonly RefreshToken: {
      new (values: RefreshTokenValues): RefreshToken;
      find(
        value: string,
        options?: { ignoreExpiration?: boolean },
      ): Promise<RefreshToken | undefined>;
      revokeByGrantId(grantId: string): Promise<void>;
    };
    readonly AccessToken: {
      new (values: AccessTokenValues): AccessToken;
      find(
        value: string,
        options?: { ignoreExpiration?: boolean },
      ): Promise<AccessToken | undefined>;
      revokeByGrantId(grantId: string): Promise<void>;
    };
    readonly AuthorizationCode: { revokeByGrantId(grantId: string): Promise<void> };
    readonly Session: { findByUid(uid: string): Promise<Session | undefined> };
    readonly IdToken: new (claims: UnknownObject, options: { ctx: KoaContext }) => IdToken;
    readonly ResourceServer: typeof ResourceServer;
  }

  export default Provider;

  class OIDCProviderError extends Error {
    error: string;
    error_description?: string;
    status: number;
    statusCode: number;
    expose: boolean;
  }

  export const errors: {
    OIDCProviderError: typeof OIDCProviderError;
    InvalidGrant: new (detail?: string) => OIDCProviderError;
    InvalidRequest: new (description?: string, status?: number) => OIDCProviderError;
    InvalidScope: new (description: string, scope: string) => OIDCProviderError;
    InsufficientScope: new (description: string, scope: string) => OIDCProviderError;
    InvalidTarget: new (description?: string) => OIDCProviderError;
    AccessDenied: new (description?: string) => OIDCProviderError;
    SessionNotFound: new (description?: string) => OIDCProviderError;
  };
}
