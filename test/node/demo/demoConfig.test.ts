import { describe, expect, it } from 'vitest';

import { audienceByPath } from '../../../demo/shared/demoApiRoutes.js';
import { defaultScopes, demoConfig } from '../../../demo/src/demoConfig.js';

describe('demo configuration', () => {
  it('points at the dev IdP with the seed’s app, resources and every scope by default', () => {
    const config = demoConfig({});

    expect(config.logto).toEqual({
      endpoint: 'http://127.0.0.1:3001',
      appId: 'demo-spa',
      resources: ['https://api.example.com/shopping', 'https://api.example.com/store'],
      scopes: [...defaultScopes],
    });
    expect(config.logto.scopes).toEqual(
      expect.arrayContaining([
        'email',
        'phone',
        'custom_data',
        'identities',
        'urn:logto:scope:organizations',
        'urn:logto:scope:organization_roles',
        'read:products',
        'read:orders',
        'read:members',
      ]),
    );
    expect(config.issuer).toBe('http://127.0.0.1:3001/oidc');
    expect(config.storage).toBe('indexeddb');
  });

  it('reads a real tenant from VITE_LOGTO_* variables (comma-separated lists, blanks ignored)', () => {
    const config = demoConfig({
      VITE_LOGTO_ENDPOINT: 'https://tenant.logto.app/',
      VITE_LOGTO_APP_ID: ' abc123 ',
      VITE_LOGTO_RESOURCES: 'https://api.one, https://api.two,',
      VITE_LOGTO_SCOPES: 'email,read',
      VITE_LOGTO_STORAGE: 'session',
    });

    expect(config.logto).toEqual({
      endpoint: 'https://tenant.logto.app',
      appId: 'abc123',
      resources: ['https://api.one', 'https://api.two'],
      scopes: ['email', 'read'],
    });
    expect(config.issuer).toBe('https://tenant.logto.app/oidc');
    expect(config.storage).toBe('session');
  });

  it('lets a runtime config injected by the server win, ignoring fields of the wrong type', () => {
    const config = demoConfig(
      { VITE_LOGTO_ENDPOINT: 'https://build.time', VITE_LOGTO_APP_ID: 'built' },
      { endpoint: 'http://127.0.0.1:4567', appId: 42, resources: ['https://api.x'], scopes: 'x' },
    );

    expect(config.logto.endpoint).toBe('http://127.0.0.1:4567');
    expect(config.logto.appId).toBe('built');
    expect(config.logto.resources).toEqual(['https://api.x']);
    expect(config.logto.scopes).toEqual([...defaultScopes]);
  });

  it('serves the n-th resource at the n-th demo API route', () => {
    expect(audienceByPath(['https://api.one', 'https://api.two', 'https://api.three'])).toEqual({
      '/api/shopping/products': 'https://api.one',
      '/api/store/orders': 'https://api.two',
    });
  });

  it('turns idle sign-out on only when a positive timeout is given (env or runtime)', () => {
    expect(demoConfig({}).idle).toBeUndefined();
    expect(demoConfig({ VITE_LOGTO_IDLE_TIMEOUT: 'soon' }).idle).toBeUndefined();
    expect(demoConfig({ VITE_LOGTO_IDLE_TIMEOUT: '0' }).idle).toBeUndefined();
    expect(demoConfig({ VITE_LOGTO_IDLE_TIMEOUT: '900' }).idle).toEqual({
      timeoutSeconds: 900,
      warningSeconds: 60,
    });
    expect(
      demoConfig(
        { VITE_LOGTO_IDLE_TIMEOUT: '900' },
        { idleTimeoutSeconds: 8, idleWarningSeconds: 5 },
      ).idle,
    ).toEqual({ timeoutSeconds: 8, warningSeconds: 5 });
    expect(demoConfig({}, { idleTimeoutSeconds: 20 }).idle).toEqual({
      timeoutSeconds: 20,
      warningSeconds: 10,
    });
  });
});
