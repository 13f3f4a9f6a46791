import { AccountApiError } from './AccountApiError.js';
import type { AccountApiContext, AccountRoute } from './AccountRoute.js';
import { BodyGuard } from './BodyGuard.js';
import { DevSocialConnector } from './DevSocialConnector.js';

/**
 * `POST /verifications/social` and `/verifications/social/verify`, as in Logto's
 * `routes/verification/index.ts`, for the one connector the dev IdP has: `dev-social`. The
 * verified record then links the identity through `POST /my-account/identities`.
 */
export function socialVerificationRoutes({
  records,
  devSocial,
}: AccountApiContext): AccountRoute[] {
  return [
    {
      method: 'POST',
      path: '/verifications/social',
      handle: ({ body, origin }) => {
        const guard = BodyGuard.of(body);
        const connectorId = guard.string('connectorId');
        const state = guard.string('state');
        const redirectUri = guard.string('redirectUri');
        guard.optionalString('scope');
        if (connectorId !== DevSocialConnector.id) {
          throw new AccountApiError('entity.not_found', 404, { data: { id: connectorId } });
        }
        const record = records.add({
          type: 'Social',
          userId: undefined,
          verified: false,
          target: connectorId,
          state,
          redirectUri,
          socialUserId: undefined,
        });
        return {
          status: 201,
          body: {
            verificationRecordId: record.id,
            authorizationUri: devSocial.authorizationUri(origin, state, redirectUri),
            expiresAt: new Date(record.expiresAt).toISOString(),
          },
        };
      },
    },
    {
      method: 'POST',
      path: '/verifications/social/verify',
      handle: ({ body }) => {
        const guard = BodyGuard.of(body);
        const connectorData = guard.optionalObject('connectorData');
        const verificationRecordId = guard.string('verificationRecordId');
        if (!connectorData)
          throw new AccountApiError('guard.invalid_input', 400, {
            interpolation: { type: 'body' },
            details: 'connectorData: required',
          });
        const record = records.get(verificationRecordId, 'Social');
        const code = connectorData.optionalString('code') ?? '';
        const socialUserId = devSocial.redeem(code, record.state);
        if (socialUserId === undefined) {
          throw new AccountApiError('connector.social_auth_code_invalid', 401);
        }
        record.socialUserId = socialUserId;
        record.verified = true;
        return { status: 200, body: { verificationRecordId } };
      },
    },
  ];
}
