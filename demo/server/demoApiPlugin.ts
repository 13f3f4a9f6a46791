import type { Plugin } from 'vite';

import { createDemoApiHandler, type DemoApiOptions } from './demoApi.js';

/**
 * Serves the demo API (`/api/...`) from Vite's dev and preview servers, so the app and its
 * protected API share one origin and need no CORS.
 */
export function demoApiPlugin(options: DemoApiOptions): Plugin {
  const handler = createDemoApiHandler(options);
  return {
    name: 'logto-spa-demo-api',
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        if (!handler(req, res)) next();
      });
    },
    configurePreviewServer(server) {
      server.middlewares.use((req, res, next) => {
        if (!handler(req, res)) next();
      });
    },
  };
}
