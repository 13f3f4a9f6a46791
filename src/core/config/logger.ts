/** What a debug log line is about. */
export type LogtoLogTopic =
  'discovery' | 'lock' | 'refresh' | 'tab' | 'callback' | 'session' | 'error';

/** Structured details of a log line: names, counts, durations, error codes. Never a token. */
export type LogtoLogDetails = Readonly<Record<string, string | number | boolean | undefined>>;

/**
 * Receives the client's debug log (`ClientOptions.logger`). Called only when set: with no
 * logger, the client builds no message and no details object at all.
 *
 * @param topic what the line is about, e.g. `refresh` or `lock`
 * @param message a short human-readable description
 * @param details structured values (resource, durations, error code); never a token, code,
 *   verifier or refresh token
 * @example
 * ```ts
 * const logger: LogtoLogger = (topic, message, details) => myLogs.push({ topic, message, ...details });
 * new LogtoClient(config, { logger });
 * ```
 */
export type LogtoLogger = (
  topic: LogtoLogTopic,
  message: string,
  details?: LogtoLogDetails,
) => void;

/** `debug: true`: every line to `console.debug`, prefixed `[logto]`. */
const consoleLogger: LogtoLogger = (topic, message, details) => {
  console.debug(`[logto] ${topic}: ${message}`, details ?? '');
};

/**
 * The logger a client uses: the one given, `console.debug` for `debug: true`, else none.
 * Callers write `log?.(...)`, so with no logger the arguments are never even evaluated.
 */
export function resolveLogger(options: {
  logger?: LogtoLogger | undefined;
  debug?: boolean | undefined;
}): LogtoLogger | undefined {
  return options.logger ?? (options.debug ? consoleLogger : undefined);
}

/** The details of an error worth logging: its code and message, which never hold a token. */
export function errorDetails(error: unknown): LogtoLogDetails {
  const { code, message } = error as { code?: string; message?: string };
  return { code, message };
}
