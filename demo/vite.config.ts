import { fileURLToPath } from 'node:url';
import { defineConfig, loadEnv } from 'vite';

import { demoApiPlugin } from './server/demoApiPlugin.js';
import { audienceByPath } from './shared/demoApiRoutes.js';
import { demoConfig } from './src/demoConfig.js';

const root = fileURLToPath(new URL('.', import.meta.url));
const source = (path: string) => fileURLToPath(new URL(`../src/${path}`, import.meta.url));

/**
 * The demo app: root `demo/`, served on http://127.0.0.1:5173 (the demo seed's redirect URI),
 * with the protected demo API mounted at `/api`. `npm run demo` starts it together with the dev
 * IdP; `npm run build:demo` builds it into `demo/dist/`.
 */
export default defineConfig(({ mode }) => {
  // VITE_* variables from demo/.env* files and from the environment (which wins).
  const config = demoConfig(loadEnv(mode, root, 'VITE_'));
  return {
    root,
    envDir: root,
    resolve: {
      // The demo imports the SDK like an app does; here the names point at this repo's sources
      // (tsconfig.json has the same paths for type checking).
      alias: [
        { find: /^logto-spa$/, replacement: source('core/index.ts') },
        {
          find: /^logto-spa\/(react|idle|fetch|idle\/react|fetch\/react|account|account\/react)$/,
          replacement: source('$1/index.ts'),
        },
      ],
    },
    clearScreen: false,
    plugins: [
      demoApiPlugin({
        issuer: config.issuer,
        audienceByPath: audienceByPath(config.logto.resources),
      }),
    ],
    server: { host: '127.0.0.1', port: 5173, strictPort: true },
    preview: { host: '127.0.0.1', port: 5173, strictPort: true },
    build: {
      outDir: 'dist',
      emptyOutDir: true,
      target: 'es2022',
      rolldownOptions: {
        onLog(level, log, handler) {
          // 'use client' marks the React entry for server-component bundlers; an app bundle drops it.
          if (log.code === 'MODULE_LEVEL_DIRECTIVE') return;
          handler(level, log);
        },
      },
    },
  };
});
