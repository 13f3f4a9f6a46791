/**
 * The demo API's routes, shared by the server (which enforces them) and the app (which calls
 * them). The n-th configured API resource is served at the n-th route, so the demo also works
 * against a real Logto tenant whose resources have other indicators.
 */
export interface DemoApiRoute {
  /** Short id used in paths and `data-testid`s. */
  key: string;
  name: string;
  path: string;
  /** The scope a token needs for this route. */
  scope: string;
  /** The demo seed's resource indicator for this route. */
  defaultAudience: string;
}

export const demoApiRoutes: readonly DemoApiRoute[] = [
  {
    key: 'shopping',
    name: 'Shopping API',
    path: '/api/shopping/products',
    scope: 'read:products',
    defaultAudience: 'https://api.example.com/shopping',
  },
  {
    key: 'store',
    name: 'Store API',
    path: '/api/store/orders',
    scope: 'read:orders',
    defaultAudience: 'https://api.example.com/store',
  },
];

/** The scope the organization route needs. */
export const organizationApiScope = 'read:members';

/** The organization route: needs an organization token of `organizationId` with `read:members`. */
export function organizationApiPath(organizationId: string): string {
  return `/api/organizations/${encodeURIComponent(organizationId)}/members`;
}

/** Which audience each route accepts, given the app's configured resources. */
export function audienceByPath(resources: readonly string[]): Record<string, string> {
  const map: Record<string, string> = {};
  demoApiRoutes.forEach((route, index) => {
    const resource = resources[index];
    if (resource !== undefined) map[route.path] = resource;
  });
  return map;
}
