import { describe, expect, it } from 'vitest';

import { loadSeed, SeedValidationError, validateSeed } from '../../../src/dev-idp/index.js';

const minimalSeed = {
  app: { appId: 'spa', redirectUris: ['http://127.0.0.1:5173/callback'] },
  users: [{ username: 'alice', password: 'pw' }],
};

function messageOf(value: unknown): string {
  try {
    validateSeed(value);
  } catch (error) {
    if (error instanceof SeedValidationError) return error.message;
    throw error;
  }
  throw new Error('expected the seed to be rejected');
}

describe('the account center seed keys', () => {
  it('leave the account center off, every field Off, and TOTP and backup codes enabled when left out', () => {
    const seed = validateSeed(minimalSeed);

    expect(seed.accountCenter.enabled).toBe(false);
    expect(seed.accountCenter.devFeatures).toBe(false);
    expect(new Set(Object.values(seed.accountCenter.fields))).toEqual(new Set(['Off']));
    expect(Object.keys(seed.accountCenter.fields)).toHaveLength(11);
    expect(seed.signInExperience.mfa.factors).toEqual(['Totp', 'BackupCode']);
    expect(seed.users[0]?.profile).toEqual({});
  });

  it('turn a field left out of `fields` Off', () => {
    const seed = validateSeed({
      ...minimalSeed,
      accountCenter: { enabled: true, fields: { name: 'Edit', email: 'ReadOnly' } },
    });

    expect(seed.accountCenter.fields).toMatchObject({
      name: 'Edit',
      email: 'ReadOnly',
      mfa: 'Off',
    });
  });

  it('are enabled with every field Edit in the demo seed', async () => {
    const seed = await loadSeed('demo/idp.seed.json');

    expect(seed.accountCenter.enabled).toBe(true);
    expect(new Set(Object.values(seed.accountCenter.fields))).toEqual(new Set(['Edit']));
  });

  it.each([
    [{ accountCenter: { enabled: 'yes' } }, 'seed.accountCenter.enabled: expected true or false'],
    [
      { accountCenter: { fields: { nmae: 'Edit' } } },
      'seed.accountCenter.fields.nmae: unknown field',
    ],
    [
      { accountCenter: { fields: { name: 'Write' } } },
      'seed.accountCenter.fields.name: expected one of: Off, ReadOnly, Edit',
    ],
    [{ accountCenter: { sessions: true } }, 'seed.accountCenter.sessions: unknown field'],
    [
      { signInExperience: { mfa: { factors: ['Sms'] } } },
      'seed.signInExperience.mfa.factors[0]: expected one of: Totp',
    ],
    [
      { users: [{ username: 'alice', password: 'pw', profile: { address: { city: 'x' } } }] },
      'seed.users[0].profile.address.city: unknown field',
    ],
  ])('refuse %j, naming the field', (change, message) => {
    expect(messageOf({ ...minimalSeed, ...change })).toMatch(
      new RegExp(`^${message.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`),
    );
  });
});
