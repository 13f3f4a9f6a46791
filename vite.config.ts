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
    find: /^logto-spa\/(react|testing|dev-idp)$/,
    replacement: fileURLToPath(new URL('./src/$1/index.ts', import.meta.url)),
  },
];

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
        'testing/index': 'src/testing/index.ts',
      },
      formats: ['es'],
    },
    rolldownOptions: {
      external,
      // The React and testing entries start with 'use client'; it is kept at the top of those
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
    ],
  },
});
