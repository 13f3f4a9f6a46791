import { parseArgs } from 'node:util';

import type { DevIdp, DevIdpOptions } from './startDevIdp.js';
import { isLoopbackHost, startDevIdp } from './startDevIdp.js';
import { isOidcProviderInstalled } from './isOidcProviderInstalled.js';
import { loadOidcProvider } from './loadOidcProvider.js';
import { SeedValidationError } from './SeedValidationError.js';
import { SeedFileExistsError, writeStarterSeed } from './writeStarterSeed.js';

/** Where the CLI writes; replaceable in tests. */
export interface CliIo {
  out: (line: string) => void;
  err: (line: string) => void;
}

/** Options of `runCli` beyond the arguments. */
export interface RunCliOptions {
  io?: CliIo;
  /** Stops the IdP when aborted, in addition to SIGINT and SIGTERM. */
  signal?: AbortSignal;
  /** Called once the IdP listens (tests use it to reach the running IdP). */
  onStarted?: (idp: DevIdp) => void;
  /**
   * The project `--init` writes the seed for, where it looks for oidc-provider to tell whether
   * installing it is a next step. Default `process.cwd()`.
   */
  cwd?: string;
}

const defaultSeedFile = 'idp.seed.json';

const usage = `Usage: logto-spa-dev-idp --seed <file> [options]
       logto-spa-dev-idp --init [file]

A local, Logto-compatible OpenID provider for development and tests.

Options:
  --init [file]                      write a commented starter seed (default ${defaultSeedFile}),
                                     never over an existing file, and exit
  --seed <file>                      JSON seed: app, API resources, roles, organizations, users
  --port <number>                    port to listen on (default 3001; 0 picks a free one)
  --host <address>                   loopback address to listen on (default 127.0.0.1)
  --access-token-ttl <seconds>       lifetime of access tokens without a resource TTL (default 3600)
  --refresh-token-ttl <seconds>      lifetime of refresh tokens, counted from the sign-in: rotation
                                     does not extend it (default 1209600, 14 days)
  --refresh-token-reuse-grace <sec>  a used refresh token is accepted again this long (default 3)
  --help                             show this help`;

/** Raised for a bad command line; exits with code 2. */
class UsageError extends Error {}

function integer(value: string, flag: string, min: number, max = Number.MAX_SAFE_INTEGER): number {
  const parsed = Number(value);
  if (!/^\d+$/.test(value) || parsed < min || parsed > max) {
    throw new UsageError(`${flag}: expected an integer from ${min} to ${max}, got "${value}"`);
  }
  return parsed;
}

/** What the command line asks for. */
type Command = DevIdpOptions | 'help' | { init: string };

function parseCommandLine(argv: readonly string[]): Command {
  let values;
  let positionals;
  try {
    ({ values, positionals } = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: true,
      options: {
        init: { type: 'boolean' },
        seed: { type: 'string' },
        port: { type: 'string' },
        host: { type: 'string' },
        'access-token-ttl': { type: 'string' },
        'refresh-token-ttl': { type: 'string' },
        'refresh-token-reuse-grace': { type: 'string' },
        help: { type: 'boolean' },
      },
    }));
  } catch (error) {
    // parseArgs explains itself in one sentence, e.g. "Unknown option '--bogus'".
    throw new UsageError((error as Error).message.split('\n')[0] ?? 'invalid arguments');
  }
  if (values.help === true) return 'help';
  if (values.init === true) {
    if (positionals.length > 1) throw new UsageError('--init takes one file name');
    return { init: positionals[0] ?? defaultSeedFile };
  }
  if (positionals.length > 0) {
    throw new UsageError(`unexpected argument "${positionals[0] ?? ''}"`);
  }
  if (values.seed === undefined) throw new UsageError('--seed <file> is required');
  const options: DevIdpOptions = { seed: values.seed };
  if (values.port !== undefined) options.port = integer(values.port, '--port', 0, 65535);
  if (values.host !== undefined) {
    if (!isLoopbackHost(values.host)) {
      throw new UsageError(
        `--host: expected a loopback address such as 127.0.0.1, got "${values.host}"`,
      );
    }
    options.host = values.host;
  }
  const accessTokenTtl = values['access-token-ttl'];
  if (accessTokenTtl !== undefined) {
    options.ttl = { accessToken: integer(accessTokenTtl, '--access-token-ttl', 1) };
  }
  const refreshTokenTtl = values['refresh-token-ttl'];
  if (refreshTokenTtl !== undefined) {
    options.ttl = {
      ...options.ttl,
      refreshToken: integer(refreshTokenTtl, '--refresh-token-ttl', 1),
    };
  }
  const grace = values['refresh-token-reuse-grace'];
  if (grace !== undefined) {
    options.refreshTokenReuseGraceSeconds = integer(grace, '--refresh-token-reuse-grace', 0);
  }
  return options;
}

function table(rows: readonly (readonly string[])[]): string[] {
  const widths =
    rows[0]?.map((_, column) => Math.max(...rows.map((row) => (row[column] ?? '').length))) ?? [];
  return rows.map((row) =>
    row
      .map((cell, column) => cell.padEnd(widths[column] ?? 0))
      .join('  ')
      .trimEnd(),
  );
}

/** The `LogtoConfig` an app needs for this IdP, as TypeScript to paste. */
function configSnippet(idp: DevIdp): string[] {
  const { app, resources } = idp.seed;
  const quote = (value: string) => JSON.stringify(value);
  const list = (values: readonly string[]) => `[${values.map(quote).join(', ')}]`;
  const permissions = resources.flatMap((resource) => resource.scopes);
  return [
    '  LogtoConfig for your app (the API permissions in `scopes` make them reach the token):',
    '    {',
    `      endpoint: ${quote(idp.origin)},`,
    `      appId: ${quote(app.appId)},`,
    ...(resources.length > 0
      ? [
          `      resources: ${list(resources.map((resource) => resource.indicator))},`,
          `      scopes: ${list(permissions)},`,
        ]
      : []),
    '    }',
  ];
}

function banner(idp: DevIdp): string[] {
  const { app, users } = idp.seed;
  return [
    'logto-spa dev IdP (Logto-compatible, for development and tests only)',
    `  endpoint   ${idp.origin}`,
    `  issuer     ${idp.issuer}`,
    `  app        ${app.appId} (${app.name})`,
    `  redirects  ${app.redirectUris.join(', ')}`,
    `  sign-out   ${app.postSignOutRedirectUris.join(', ') || '(none registered)'}`,
    '',
    ...configSnippet(idp),
    '',
    ...table([
      ['username', 'password', 'name'],
      ...users.map((user) => [user.username, user.password, user.name ?? '']),
    ]).map((line) => `  ${line}`),
    '',
    'Press Ctrl-C to stop.',
  ];
}

/**
 * The `logto-spa-dev-idp` command: parses flags, starts the IdP, prints the issuer and the
 * seeded users, and runs until SIGINT, SIGTERM or `options.signal` aborts.
 *
 * @param argv - the arguments after the program name
 * @returns the exit code: 0 after a clean stop, 2 for a bad flag or seed file (one line on
 *   stderr, no stack trace), 1 when the IdP cannot start (e.g. the port is taken)
 * @example
 * process.exitCode = await runCli(process.argv.slice(2));
 */
export async function runCli(
  argv: readonly string[],
  options: RunCliOptions = {},
): Promise<number> {
  const io = options.io ?? {
    out: (line: string) => {
      process.stdout.write(`${line}\n`);
    },
    err: (line: string) => {
      process.stderr.write(`${line}\n`);
    },
  };
  let idpOptions: Command;
  try {
    idpOptions = parseCommandLine(argv);
  } catch (error) {
    io.err(`logto-spa-dev-idp: ${(error as Error).message} (see --help)`);
    return 2;
  }
  if (idpOptions === 'help') {
    io.out(usage);
    return 0;
  }
  if ('init' in idpOptions) return init(idpOptions.init, io, options.cwd ?? process.cwd());

  let stop = () => {};
  const stopped = new Promise<void>((resolve) => {
    stop = resolve;
  });
  // Listen for signals before anything is printed: Node installs its signal handler only with
  // the first listener, and a Ctrl-C that beats it would kill the process without a clean stop.
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  options.signal?.addEventListener('abort', stop);
  try {
    let idp: DevIdp;
    try {
      // Load the engine quietly first: its "unsupported runtime" notice on Node 20 would only
      // confuse someone starting a dev server; startDevIdp then reuses the loaded module.
      await loadOidcProvider(true);
      idp = await startDevIdp(idpOptions);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      io.err(`logto-spa-dev-idp: ${message.split('\n')[0] ?? message}`);
      return error instanceof SeedValidationError || error instanceof TypeError ? 2 : 1;
    }
    for (const line of banner(idp)) io.out(line);
    options.onStarted?.(idp);
    if (options.signal?.aborted === true) stop();
    await stopped;
    await idp.close();
  } finally {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
    options.signal?.removeEventListener('abort', stop);
  }
  io.out('Stopped.');
  return 0;
}

async function init(file: string, io: CliIo, cwd: string): Promise<number> {
  try {
    const seed = await writeStarterSeed(file);
    const users = seed.users.map((user) => `${user.username} / ${user.password}`).join(', ');
    // Telling someone to install what they have would send them looking for a problem.
    const install = isOidcProviderInstalled(cwd)
      ? []
      : ['  npm i -D oidc-provider                 (once: the engine the dev IdP runs on)'];
    for (const line of [
      `Wrote ${file}: app ${seed.app.appId}, ${seed.resources.length} API, ${seed.organizations.length} organization, users ${users}.`,
      'Next:',
      ...install,
      `  npx logto-spa-dev-idp --seed ${file}   (it prints the LogtoConfig to paste)`,
    ]) {
      io.out(line);
    }
    return 0;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    io.err(`logto-spa-dev-idp: ${message.split('\n')[0] ?? message}`);
    return error instanceof SeedFileExistsError ? 2 : 1;
  }
}
