import { setTimeout as sleep } from 'node:timers/promises';

import { afterAll, beforeAll, expect, it } from 'vitest';

import { startDevIdp, type DevIdp } from '../../../src/dev-idp/index.js';
import { refresh, signIn } from '../../support/devIdpClient.js';

let idp: DevIdp;

beforeAll(async () => {
  // Logto accepts a just-used refresh token for 3 s; 2 s keeps this test short.
  idp = await startDevIdp({
    seed: 'demo/idp.seed.json',
    port: 0,
    quiet: true,
    refreshTokenReuseGraceSeconds: 2,
  });
});

afterAll(async () => {
  await idp.close();
});

it('accepts a quick reuse, restarts the window on each, and revokes the grant after it', async () => {
  const tokens = await signIn(idp, { username: 'bob', password: 'bob-password' });
  const used = tokens.refresh_token ?? '';
  const { json: rotated } = await refresh(idp, used);

  const quickReuse = await refresh(idp, used);
  await sleep(1300);
  const secondReuse = await refresh(idp, used);
  await sleep(1300);
  // Over 2 s after the first use, but within 2 s of the previous accepted reuse.
  const thirdReuse = await refresh(idp, used);

  for (const reuse of [quickReuse, secondReuse, thirdReuse]) {
    expect(reuse.status).toBe(200);
    expect(reuse.json.refresh_token).toEqual(expect.any(String));
  }
  expect((await refresh(idp, rotated.refresh_token ?? '')).status).toBe(200);

  await sleep(2300);
  const lateReuse = await refresh(idp, used);

  expect(lateReuse.status).toBe(400);
  expect(lateReuse.json.code).toBe('oidc.invalid_grant');
  const survivor = await refresh(idp, thirdReuse.json.refresh_token ?? '');
  expect(survivor.json.error).toBe('invalid_grant');
});
