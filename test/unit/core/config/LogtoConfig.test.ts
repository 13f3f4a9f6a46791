import { describe, expect, it } from 'vitest';
import {
  LogtoClient,
  LogtoConfigError,
  ReservedResource,
  UserScope,
} from '../../../../src/core/index.js';
import { resolveConfig } from '../../../../src/core/config/LogtoConfig.js';

const base = { endpoint: 'https://tenant.example', appId: 'app' };

function configError(run: () => unknown): LogtoConfigError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(LogtoConfigError);
    return error as LogtoConfigError;
  }
  throw new Error('expected a LogtoConfigError');
}

describe('resolveConfig', () => {
  it('adds the reserved scopes, derives the issuer and defaults prompt to consent', () => {
    const config = resolveConfig({
      ...base,
      endpoint: 'https://tenant.example/',
      scopes: ['email'],
    });
    expect(config.issuer).toBe('https://tenant.example/oidc');
    expect(config.scopes).toEqual(['openid', 'offline_access', 'profile', 'email']);
    expect(config.prompt).toBe('consent');
    expect(config.refreshLeewaySeconds).toBe(60);
    expect(config.clockToleranceSeconds).toBe(300);
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('adds the organizations resource when the organizations scope is requested', () => {
    const config = resolveConfig({ ...base, scopes: [UserScope.Organizations] });
    expect(config.resources).toEqual([ReservedResource.Organization]);
  });

  it('sends exactly the given scopes with includeReservedScopes: false', () => {
    expect(
      resolveConfig({ ...base, scopes: ['openid'], includeReservedScopes: false }).scopes,
    ).toEqual(['openid']);
  });

  it.each([
    ['endpoint', { endpoint: 'tenant.example' }],
    ['endpoint', { endpoint: 'ftp://tenant.example' }],
    ['appId', { appId: '' }],
    ['appId', { appId: '   ' }],
    ['resources[1]', { resources: ['https://api.example', 'https://api.example/#frag'] }],
    ['resources[0]', { resources: ['not a uri'] }],
    ['scopes[0]', { scopes: ['two words'] }],
    ['issuer', { issuer: '/relative' }],
  ])('rejects a bad %s at construction', (field, overrides) => {
    const error = configError(() => new LogtoClient({ ...base, ...overrides }));
    expect(error.field).toBe(field);
    expect(error.code).toBe('config_invalid');
    expect(error.message).toContain(field);
  });

  it('rejects negative tunables', () => {
    expect(configError(() => resolveConfig(base, { refreshLeewaySeconds: -1 })).field).toBe(
      'refreshLeewaySeconds',
    );
  });
});
