import type { Session } from 'oidc-provider';

import { LogtoScope } from '../logtoConstants.js';
import { AccountApiError, ensure } from './AccountApiError.js';
import type { AccountApiContext, AccountRoute } from './AccountRoute.js';
import { invalidInput } from './BodyGuard.js';

/**
 * `GET /my-account/sessions` and `DELETE /my-account/sessions/:sessionId[?revokeGrants=true]`,
 * as in Logto's `routes/account/sessions.ts`. Logto 1.37 mounts them only with its dev features
 * on, so the dev IdP does too (seed `accountCenter.devFeatures`); otherwise they answer 404.
 *
 * oidc-provider's storage cannot list sessions by user, so the sessions it saves are noted
 * here (by uid) as they are created.
 */
export function sessionRoutes({ seed, provider }: AccountApiContext): AccountRoute[] {
  const { fields } = seed.accountCenter;
  const uidsByAccount = new Map<string, Set<string>>();
  provider.on('session.saved', (session: Session) => {
    if (session.accountId === undefined) return;
    const uids = uidsByAccount.get(session.accountId) ?? new Set<string>();
    uids.add(session.uid);
    uidsByAccount.set(session.accountId, uids);
  });

  const liveSessions = async (accountId: string): Promise<Session[]> => {
    const uids = uidsByAccount.get(accountId) ?? new Set<string>();
    const sessions: Session[] = [];
    for (const uid of uids) {
      const session = await provider.Session.findByUid(uid);
      if (session?.accountId === accountId) sessions.push(session);
      else uids.delete(uid);
    }
    return sessions;
  };

  return [
    {
      method: 'GET',
      path: '/my-account/sessions',
      handle: async ({ caller }) => {
        ensure(caller.identityVerified, 'verification_record.permission_denied', 401);
        ensure(fields.session !== 'Off', 'account_center.field_not_enabled');
        ensure(caller.scopes.has(LogtoScope.Sessions), 'auth.unauthorized', 401);
        const sessions = await liveSessions(caller.user.id);
        return { status: 200, body: { sessions: sessions.map(describeSession) } };
      },
    },
    {
      method: 'DELETE',
      path: '/my-account/sessions/:sessionId',
      handle: async ({ caller, params, query }) => {
        const sessionId = params.sessionId ?? '';
        if (sessionId === '') throw invalidInput('sessionId', 'required', 'params');
        ensure(caller.identityVerified, 'verification_record.permission_denied', 401);
        ensure(fields.session === 'Edit', 'account_center.field_not_editable');
        ensure(caller.scopes.has(LogtoScope.Sessions), 'auth.unauthorized', 401);
        const session = await provider.Session.findByUid(sessionId);
        if (!session) throw new AccountApiError('oidc.session_not_found', 404);
        if (session.accountId !== caller.user.id) {
          throw new AccountApiError('oidc.invalid_session_account_id', 404);
        }
        // Logto's `yes()`: true, yes, 1... (case-insensitive).
        if (/^(?:true|yes|y|1)$/i.test(query.get('revokeGrants') ?? '')) {
          for (const { grantId } of Object.values(session.authorizations ?? {})) {
            if (grantId === undefined) continue;
            await provider.AccessToken.revokeByGrantId(grantId);
            await provider.RefreshToken.revokeByGrantId(grantId);
            await provider.AuthorizationCode.revokeByGrantId(grantId);
            await (await provider.Grant.find(grantId, { ignoreExpiration: true }))?.destroy();
          }
        }
        await session.destroy();
        return { status: 204 };
      },
    },
  ];
}

/** A session as Logto lists it: its `oidc_model_instances` row plus extensions. */
function describeSession(session: Session) {
  const authorizations = session.authorizations ?? {};
  const exp = session.exp ?? 0;
  return {
    tenantId: 'default',
    modelName: 'Session',
    id: session.jti,
    payload: {
      exp,
      iat: session.iat ?? 0,
      jti: session.jti,
      uid: session.uid,
      kind: 'Session',
      loginTs: session.loginTs ?? 0,
      accountId: session.accountId ?? null,
      authorizations,
    },
    expiresAt: exp * 1000,
    consumedAt: null,
    // The dev IdP records no sign-in context (IP, user agent).
    lastSubmission: null,
    clientId: Object.keys(authorizations)[0] ?? null,
    accountId: session.accountId ?? null,
  };
}
