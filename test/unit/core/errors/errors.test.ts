import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import * as core from '../../../../src/core/index.js';
import * as fetchEntry from '../../../../src/fetch/index.js';

/** Everything the entries export; the error classes are picked out below. */
const errors = { ...core, ...fetchEntry };

/** Every exported error class, by its export name. */
const classes = Object.entries(errors).filter(
  (entry): entry is [string, typeof errors.LogtoError] =>
    typeof entry[1] === 'function' && /^Logto\w*Error$/.test(entry[0]),
);

describe('error names', () => {
  it('name each error after its class', () => {
    expect(classes.length).toBeGreaterThan(10);
    for (const [exportName, type] of classes) {
      // Arguments of the right shape for every constructor; only the name matters here.
      const Constructor = type as unknown as new (...args: unknown[]) => Error;
      const error = new Constructor('config_invalid', 'problem', { endpoint: 'https://idp.test' });
      expect(error.name, exportName).toBe(exportName);
    }
    const error = new errors.LogtoConfigError('endpoint', 'must be a URL');
    expect(String(error)).toBe('LogtoConfigError: Invalid Logto config: endpoint must be a URL');
  });

  it('keep the names in a minified bundle, where classes are renamed', async () => {
    const result = await build({
      stdin: {
        contents:
          "export { LogtoConfigError, LogtoNetworkError, LogtoWindowError } from './src/core/index.ts';",
        resolveDir: process.cwd(),
        loader: 'ts',
      },
      bundle: true,
      minify: true,
      format: 'esm',
      write: false,
    });
    const [output] = result.outputFiles;
    const code = output?.text ?? '';
    // The bundler renamed the classes: the names below can only come from the strings.
    expect(code).not.toMatch(/class LogtoConfigError/);
    const bundled = (await import(
      `data:text/javascript;base64,${Buffer.from(code).toString('base64')}`
    )) as typeof errors;
    expect(new bundled.LogtoConfigError('appId', 'is empty').name).toBe('LogtoConfigError');
    expect(new bundled.LogtoNetworkError('https://idp.test/oidc', new Error('down')).name).toBe(
      'LogtoNetworkError',
    );
    expect(new bundled.LogtoWindowError('popup_closed', 'closed').name).toBe('LogtoWindowError');
  });
});
