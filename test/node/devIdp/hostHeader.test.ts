import { request } from 'node:http';
import { describe, expect, it } from 'vitest';

import { setUpDevIdp } from '../../support/setUpDevIdp.js';

const context = setUpDevIdp();

/**
 * A GET to the dev IdP's socket with the `Host` header a DNS-rebinding page would make the
 * browser send (the attacker's name, resolved to 127.0.0.1). `undefined` sends no Host at all.
 */
function getWithHost(path: string, host: string | undefined) {
  return new Promise<{ status: number; type: string | undefined; body: string }>(
    (resolve, reject) => {
      const req = request(
        {
          host: '127.0.0.1',
          port: context.idp.port,
          path,
          agent: false,
          setHost: false,
          headers: host === undefined ? {} : { host },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('error', reject);
          res.on('end', () => {
            resolve({
              status: res.statusCode ?? 0,
              type: res.headers['content-type'],
              body: Buffer.concat(chunks).toString('utf8'),
            });
          });
        },
      );
      req.on('error', reject);
      req.end();
    },
  );
}

const discovery = '/oidc/.well-known/openid-configuration';

describe('the dev IdP answers only for the host it listens on (no DNS rebinding)', () => {
  it.each([discovery, '/', '/avatar/alice.svg', '/interaction/unknown'])(
    'refuses Host: evil.example on %s with 421 and one line of text',
    async (path) => {
      const { status, type, body } = await getWithHost(path, 'evil.example');

      expect(status).toBe(421);
      expect(type).toBe('text/plain; charset=utf-8');
      expect(body).toMatch(/^[^\n]+\n$/);
      expect(body).toContain(`127.0.0.1:${context.idp.port}`);
      expect(body).not.toContain('issuer');
    },
  );

  it('refuses a foreign name on its port, and its own name on another port or none', async () => {
    const { port } = context.idp;
    const hosts = [
      `evil.example:${port}`,
      `127.0.0.1.nip.io:${port}`,
      `localhost.:${port}`,
      `127.0.0.2:${port}`,
      `127.0.0.1:${port + 1}`,
      '127.0.0.1',
      `127.0.0.1:${port}@evil.example`,
    ];

    const statuses = await Promise.all(hosts.map((host) => getWithHost(discovery, host)));

    expect(statuses.map(({ status }) => status)).toEqual(hosts.map(() => 421));
  });

  it.each(['127.0.0.1', 'localhost', '[::1]', 'LOCALHOST'])(
    'answers Host: %s:<port>',
    async (name) => {
      const { status, body } = await getWithHost(discovery, `${name}:${context.idp.port}`);

      expect(status).toBe(200);
      expect(JSON.parse(body)).toMatchObject({ issuer: context.idp.issuer });
    },
  );

  it('refuses a request without a Host header', async () => {
    const { status } = await getWithHost(discovery, undefined);

    expect(status).toBe(400);
  });
});
