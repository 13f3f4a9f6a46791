import { randomBytes } from 'node:crypto';

import type { AccountApiContext, AccountRoute } from './AccountRoute.js';

/**
 * `POST /verifications/web-authn/registration`: passkey registration options, as Logto makes
 * them (relying party = the host the API was called on, ES256 and RS256, no attestation, the
 * user's passkeys excluded). The registration's verification
 * (`/verifications/web-authn/registration/verify`) is not implemented: binding a passkey needs
 * a real authenticator, which the dev IdP's tests do not have.
 */
export function webAuthnRegistrationRoutes({ records, store }: AccountApiContext): AccountRoute[] {
  return [
    {
      method: 'POST',
      path: '/verifications/web-authn/registration',
      handle: ({ caller, hostname, headers }) => {
        const { user } = caller;
        const challenge = randomBytes(32).toString('base64url');
        const record = records.add({
          type: 'WebAuthn',
          userId: user.id,
          verified: false,
          challenge,
          credentialId: undefined,
          agent: headers['user-agent'] ?? '',
        });
        const userName = user.username;
        const registrationOptions = {
          challenge,
          rp: { name: hostname, id: hostname },
          user: {
            id: Buffer.from(user.id).toString('base64url'),
            name: userName,
            displayName: user.name ?? userName,
          },
          pubKeyCredParams: [
            { alg: -7, type: 'public-key' },
            { alg: -257, type: 'public-key' },
          ],
          timeout: 60_000,
          attestation: 'none',
          excludeCredentials: store
            .mfaVerifications(user.id)
            .flatMap((v) =>
              v.type === 'WebAuthn' ? [{ id: v.credentialId, type: 'public-key' }] : [],
            ),
          authenticatorSelection: {
            residentKey: 'discouraged',
            userVerification: 'preferred',
            requireResidentKey: false,
          },
          extensions: { credProps: true },
          hints: [],
        };
        return {
          status: 200,
          body: {
            verificationRecordId: record.id,
            registrationOptions,
            expiresAt: new Date(record.expiresAt).toISOString(),
          },
        };
      },
    },
  ];
}
