import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/** Packages the library never bundles: its dependencies and the optional React peer. */
const external = [/^react($|\/)/, /^react-dom($|\/)/, 'oidc-client-ts', 'idb-keyval'];

/** The package's own entry names resolve to the sources, so tests and docs read like user code. */
const selfAlias = [
  {
    find: /^logto-spa$/,
    replacement: fileURLToPath(new URL('./src/core/index.ts', import.meta.url)),
  },
  {
    find: /^logto-spa\/(react|idle|idle\/react|fetch|fetch\/react|account|account\/react|testing|testing\/react|dev-idp)$/,
    replacement: fileURLToPath(new URL('./src/$1/index.ts', import.meta.url)),
  },
];

/**
 * React 18 lives in test/react18/node_modules (its own package, so react-dom 18 requires react 18
 * there rather than the React 19 devDependency). These exact-match aliases point every React entry
 * that sources, tests and Testing Library import at it, for the react18 and node-react18 projects.
 */
const react18 = fileURLToPath(new URL('./test/react18/node_modules/', import.meta.url));
const react18Entries: Record<string, string> = {
  react: 'react/index.js',
  'react/jsx-runtime': 'react/jsx-runtime.js',
  'react/jsx-dev-runtime': 'react/jsx-dev-runtime.js',
  'react-dom': 'react-dom/index.js',
  'react-dom/client': 'react-dom/client.js',
  // The Node build, as the 'default' condition of react-dom 18's exports would pick.
  'react-dom/server': 'react-dom/server.node.js',
  // Testing Library's act() falls back to this where React itself has no act().
  'react-dom/test-utils': 'react-dom/test-utils.js',
};
const react18Alias = Object.entries(react18Entries).map(([entry, file]) => ({
  find: new RegExp(`^${entry}$`),
  replacement: react18 + file,
}));

export default defineConfig({
  resolve: { alias: selfAlias },
  build: {
    outDir: 'dist',
    emptyOutDir: false,
    minify: false,
    sourcemap: true,
    target: 'es2022',
    lib: {
      entry: {
        'core/index': 'src/core/index.ts',
        'react/index': 'src/react/index.ts',
        'idle/index': 'src/idle/index.ts',
        'fetch/index': 'src/fetch/index.ts',
        'idle/react/index': 'src/idle/react/index.ts',
        'fetch/react/index': 'src/fetch/react/index.ts',
        'account/index': 'src/account/index.ts',
        'account/react/index': 'src/account/react/index.ts',
        'testing/index': 'src/testing/index.ts',
        'testing/react/index': 'src/testing/react/index.ts',
      },
      formats: ['es'],
    },
    rolldownOptions: {
      external,
      // The React entries start with 'use client'; it is kept at the top of those
      // entry files (a test checks the built files), so the generic warning is noise.
      onLog(level, log, handler) {
        if (log.code === 'MODULE_LEVEL_DIRECTIVE') return;
        handler(level, log);
      },
      output: {
        entryFileNames: '[name].js',
        chunkFileNames: 'shared/[name]-[hash].js',
      },
    },
  },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.{ts,tsx}'],
          environment: 'happy-dom',
          setupFiles: ['test/setup/browserEnv.ts'],
        },
      },
      {
        // The React bindings' and the test kit's unit tests again, on React 18.
        extends: true,
        resolve: {
          alias: [
            ...react18Alias,
            // Its ES build (package.json "module"), which Vite transforms, instead of the CommonJS
            // "main" that Node would load as is: only then do its React imports meet the aliases.
            {
              find: /^@testing-library\/react$/,
              replacement: fileURLToPath(
                new URL(
                  './node_modules/@testing-library/react/dist/@testing-library/react.esm.js',
                  import.meta.url,
                ),
              ),
            },
          ],
        },
        test: {
          name: 'react18',
          include: [
            'test/unit/react/**/*.test.tsx',
            'test/unit/*/react/**/*.test.tsx',
            'test/unit/testing/**/*.test.tsx',
          ],
          environment: 'happy-dom',
          setupFiles: ['test/setup/browserEnv.ts'],
          // Transformed rather than loaded by Node, so the aliases apply inside Testing Library too
          // (Vitest already inlines that ES build by its own heuristics; this does not rely on them).
          server: { deps: { inline: [/@testing-library\/react/] } },
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.{ts,tsx}'],
          environment: 'happy-dom',
          setupFiles: ['test/setup/browserEnv.ts'],
          testTimeout: 20_000,
          hookTimeout: 30_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'package',
          include: ['test/package/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['test/package/globalSetup.ts'],
          testTimeout: 30_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'types',
          include: [],
          typecheck: { enabled: true, only: true, include: ['test/types/**/*.test-d.ts'] },
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['test/e2e/globalSetup.ts'],
          // One browser at a time: the machine has two cores and the scenarios measure timing.
          fileParallelism: false,
          testTimeout: 90_000,
          hookTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'node',
          include: ['test/node/**/*.test.{ts,tsx}'],
          environment: 'node',
          testTimeout: 20_000,
        },
      },
      {
        // Server rendering on React 18.
        extends: true,
        resolve: { alias: react18Alias },
        test: {
          name: 'node-react18',
          include: ['test/node/react/**/*.test.tsx'],
          environment: 'node',
          testTimeout: 20_000,
        },
      },
    ],
  },
});
