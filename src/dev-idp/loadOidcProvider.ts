import type * as OidcProviderModule from 'oidc-provider';

/** The `errors` namespace of oidc-provider, handed to the modules that throw OAuth errors. */
export type OidcErrors = typeof OidcProviderModule.errors;

let loading: Promise<typeof OidcProviderModule> | undefined;

/**
 * Imports oidc-provider on first use. The package prints "Unsupported runtime" on Node 20 as
 * it loads; a static import would print it in every quiet test run, so the dev IdP imports it
 * lazily and, when quiet, drops the package's own `oidc-provider ...` console lines meanwhile.
 */
export function loadOidcProvider(quiet: boolean): Promise<typeof OidcProviderModule> {
  if (loading) return loading;
  if (!quiet) {
    loading = import('oidc-provider');
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
  loading = import('oidc-provider').finally(() => {
    console.warn = warn;
    console.info = info;
  });
  return loading;
}
