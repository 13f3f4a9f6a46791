import type { IdentifierOperations } from './identifierOperations.js';
import type { MfaOperations } from './mfaOperations.js';
import type { ProfileOperations } from './profileOperations.js';
import type { SessionOperations } from './sessionOperations.js';
import type { VerificationOperations } from './verificationOperations.js';

/**
 * The signed-in user's side of Logto's Account API (`/api/my-account`, `/api/verifications`):
 * one method per operation, every failure a typed `LogtoAccountError`. Made by
 * `createAccountClient`.
 *
 * Sensitive changes (password, email, phone, MFA, sessions) need a fresh identity verification:
 * the client keeps it for its ten minutes and rejects with `verification_required` when it has
 * none, before sending anything. Verify (`verifyPassword`, or `sendCode` + `verifyCode` to the
 * user's own address) and call again.
 *
 * @example
 * ```ts
 * const account = createAccountClient(client);
 * await account.updateAccount({ name: 'Alice' });
 * await account.verifyPassword(currentPassword);
 * await account.changePassword(newPassword);
 * ```
 */
export interface AccountClient
  extends
    ProfileOperations,
    VerificationOperations,
    IdentifierOperations,
    MfaOperations,
    SessionOperations {
  /**
   * Calls `listener` after every change made through this client (so that a view of the
   * account can read it again). Returns the function that unsubscribes.
   */
  subscribe(listener: () => void): () => void;
}
