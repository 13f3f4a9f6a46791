import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * Names that mean "this machine" to every browser, whatever DNS says: no attacker can point
 * them at another address, so accepting them opens no door. `localhost` and `127.0.0.1` are
 * both common in app configs, and a browser may reach an IdP bound to `localhost` over IPv6.
 */
const loopbackNames = ['127.0.0.1', 'localhost', '[::1]'];

/**
 * Tells the dev IdP which `Host` headers to answer, against DNS rebinding: a page on
 * `evil.example` whose name is made to resolve to 127.0.0.1 reaches the IdP's socket, and the
 * browser treats the answers as same-origin to the attacker. What gives it away is the `Host`
 * header, which still says `evil.example`. So only the host the IdP listens on and the loopback
 * names (`127.0.0.1`, `localhost`, `[::1]`), each with the IdP's port, are answered; anything
 * else gets `421 Misdirected Request` and one line of text, before oidc-provider sees it.
 *
 * @param listenHost - the address the IdP listens on (`127.0.0.1`, `localhost`, `::1`...)
 * @param port - the port it listens on
 * @returns a guard that answers a refused request itself and returns `true`; `false` to go on
 * @example
 * const refused = createHostGuard('127.0.0.1', 3001);
 * createServer((req, res) => { if (!refused(req, res)) route(req, res); });
 */
export function createHostGuard(
  listenHost: string,
  port: number,
): (req: IncomingMessage, res: ServerResponse) => boolean {
  const listenName = listenHost.includes(':') ? `[${listenHost}]` : listenHost;
  const names = [...new Set([listenName, ...loopbackNames])];
  const withPort = names.map((name) => `${name}:${port}`);
  const accepted = new Set(withPort);
  // A browser leaves out the default port, so on port 80 the bare names are what it sends.
  if (port === 80) for (const name of names) accepted.add(name);
  const message = `Misdirected request: this dev IdP answers only for Host ${withPort.join(', ')}.\n`;

  return (req, res) => {
    // Host names are case-insensitive (RFC 9110 §4.2.3); the port must be ours exactly.
    if (accepted.has((req.headers.host ?? '').toLowerCase())) return false;
    res.statusCode = 421;
    res.setHeader('Content-Type', 'text/plain; charset=utf-8');
    res.setHeader('Cache-Control', 'no-store');
    res.end(message);
    return true;
  };
}
