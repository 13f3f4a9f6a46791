import type { IdTokenClaims } from '../core/index.js';
import { useAuthSnapshot } from './useAuthSnapshot.js';

/**
 * The verified ID-token claims of the signed-in user, or `undefined` when signed out or still
 * loading. Read from the snapshot: no request, and it updates when a refresh brings a new ID token.
 *
 * @throws Error when used outside `<LogtoProvider>`
 * @example
 * ```tsx
 * function Greeting() {
 *   const claims = useIdTokenClaims();
 *   return claims ? <p>Hello, {claims.name ?? claims.sub}</p> : null;
 * }
 * ```
 */
export function useIdTokenClaims(): IdTokenClaims | undefined {
  return useAuthSnapshot('useIdTokenClaims').snapshot.idTokenClaims;
}
