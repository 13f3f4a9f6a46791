import { afterAll, beforeAll } from 'vitest';
import { startDevIdp, type DevIdp, type DevIdpOptions } from '../../src/dev-idp/index.js';

/**
 * Starts one dev IdP for the test file and stops it after: the demo seed, a free port, quiet, and
 * no refresh-token reuse grace unless `options` say otherwise. Read `context.idp` inside tests.
 */
export function setUpDevIdp(options: Partial<DevIdpOptions> = {}): { readonly idp: DevIdp } {
  let idp: DevIdp | undefined;
  beforeAll(async () => {
    idp = await startDevIdp({
      seed: 'demo/idp.seed.json',
      port: 0,
      quiet: true,
      refreshTokenReuseGraceSeconds: 0,
      ...options,
    });
  });
  afterAll(async () => {
    await idp?.close();
  });
  return {
    get idp(): DevIdp {
      if (!idp) throw new Error('the dev IdP is not started yet');
      return idp;
    },
  };
}
