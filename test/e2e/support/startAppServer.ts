import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.map': 'application/json',
};

export interface AppServer {
  origin: string;
  close(): Promise<void>;
}

/**
 * Serves a built single-page app from `root` on a free loopback port: files when they exist,
 * `index.html` for every other path (client-side routes such as /callback). `runtimeConfig` is
 * injected into index.html as `window.__LOGTO_RUNTIME_CONFIG__`, because the IdP's port is only
 * known at run time. `api` may answer a request first (the demo's protected API).
 */
export async function startAppServer(options: {
  root: string;
  runtimeConfig: (origin: string) => Record<string, unknown>;
  api?: (request: IncomingMessage, response: ServerResponse) => boolean | Promise<boolean>;
}): Promise<AppServer> {
  let origin = '';
  const server = createServer((request, response) => {
    void (async () => {
      if (options.api && (await options.api(request, response))) return;
      const path = normalize(decodeURIComponent(new URL(request.url ?? '/', origin).pathname));
      const file = join(options.root, path);
      if (file.startsWith(options.root) && extname(path) !== '') {
        try {
          const body = await readFile(file);
          response.writeHead(200, {
            'content-type': contentTypes[extname(path)] ?? 'application/octet-stream',
          });
          response.end(body);
          return;
        } catch {
          response.writeHead(404).end('not found');
          return;
        }
      }
      const html = await readFile(join(options.root, 'index.html'), 'utf8');
      const config = JSON.stringify(options.runtimeConfig(origin)).replace(/</g, '\\u003c');
      response.writeHead(200, {
        'content-type': contentTypes['.html'] ?? 'text/html',
        'cache-control': 'no-store',
      });
      response.end(
        html.replace('<head>', `<head><script>window.__LOGTO_RUNTIME_CONFIG__=${config}</script>`),
      );
    })().catch((error: unknown) => {
      response.writeHead(500).end(String(error));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
