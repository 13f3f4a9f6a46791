import { setTimeout as sleep } from 'node:timers/promises';

import { expect, it } from 'vitest';
import { setUpDevIdp } from '../../support/setUpDevIdp.js';

import { refresh, signIn } from '../../support/devIdpClient.js';

const context = setUpDevIdp({
  refreshTokenReuseGraceSeconds: 2,
});

it('accepts a quick reuse, restarts the window on each, and revokes the grant after it', async () => {
  const tokens = await signIn(context.idp, { username: 'bob', password: 'bob-password' });
  const used = tokens.refresh_token ?? '';
  const { json: rotated } = await refresh(context.idp, used);

  const quickReuse = await refresh(context.idp, used);
  await sleep(1300);
  const secondReuse = await refresh(context.idp, used);
  await sleep(1300);
  // Over 2 s after the first use, but within 2 s of the previous accepted reuse.
  const thirdReuse = await refresh(context.idp, used);

  for (const reuse of [quickReuse, secondReuse, thirdReuse]) {
    expect(reuse.status).toBe(200);
    expect(reuse.json.refresh_token).toEqual(expect.any(String));
  }
  expect((await refresh(context.idp, rotated.refresh_token ?? '')).status).toBe(200);

  await sleep(2300);
  const lateReuse = await refresh(context.idp, used);

  expect(lateReuse.status).toBe(400);
  expect(lateReuse.json.code).toBe('oidc.invalid_grant');
  const survivor = await refresh(context.idp, thirdReuse.json.refresh_token ?? '');
  expect(survivor.json.error).toBe('invalid_grant');
});
