import type { LogtoClient } from './LogtoClient.js';

/**
 * The public surface of {@link LogtoClient}, as a structural type. `LogtoClient` has private
 * fields, which make TypeScript treat it nominally; this type lets a test double (such as the
 * mock client of `logto-spa/testing`) be passed to `<LogtoProvider client={...}>`.
 *
 * @example
 * ```ts
 * const client: LogtoClientLike = new LogtoClient({ endpoint, appId });
 * ```
 */
export type LogtoClientLike = Pick<LogtoClient, keyof LogtoClient>;
