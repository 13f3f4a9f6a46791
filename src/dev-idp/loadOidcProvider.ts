import type * as OidcProviderModule from 'oidc-provider';

/** The `errors` namespace of oidc-provider, handed to the modules that throw OAuth errors. */
export type OidcErrors = typeof OidcProviderModule.errors;

/** What the dev IdP says when its engine is not installed (it is an optional peer dependency). */
export const missingOidcProviderMessage =
  'the dev IdP runs on oidc-provider, which is not installed: npm i -D oidc-provider';

let loading: Promise<typeof OidcProviderModule> | undefined;

/**
 * oidc-provider is an optional peer dependency, so that a browser app installing logto-spa gets
 * no server code. A project that runs the dev IdP installs it; without it, say so in one line
 * instead of Node's "Cannot find package" with a stack.
 */
async function importOidcProvider(): Promise<typeof OidcProviderModule> {
  try {
    return await import('oidc-provider');
  } catch (error) {
    const { code, message } = error as { code?: unknown; message?: unknown };
    if (
      code === 'ERR_MODULE_NOT_FOUND' &&
      typeof message === 'string' &&
      message.includes("'oidc-provider'")
    ) {
      throw new Error(missingOidcProviderMessage, { cause: error });
    }
    throw error;
  }
}

/**
 * Imports oidc-provider on first use. The package prints "Unsupported runtime" on Node 20 as
 * it loads; a static import would print it in every quiet test run, so the dev IdP imports it
 * lazily and, when quiet, drops the package's own `oidc-provider ...` console lines meanwhile.
 *
 * @throws an `Error` with {@link missingOidcProviderMessage} when oidc-provider is not installed
 */
export function loadOidcProvider(quiet: boolean): Promise<typeof OidcProviderModule> {
  if (loading) return loading;
  if (!quiet) {
    loading = importOidcProvider();
    return loading;
  }
  const { warn, info } = console;
  const filter =
    (print: (...data: unknown[]) => void) =>
    (...data: unknown[]): void => {
      if (typeof data[0] === 'string' && data[0].includes('oidc-provider ')) return;
      print(...data);
    };
  console.warn = filter(warn);
  console.info = filter(info);
  loading = importOidcProvider().finally(() => {
    console.warn = warn;
    console.info = info;
  });
  return loading;
}
