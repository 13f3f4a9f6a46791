import type { AccountApi } from './AccountApi.js';
import { AccountScope } from './AccountScope.js';
import type { AccountSession } from './AccountSession.js';
import { readAnswer, readList } from './readAnswer.js';

/**
 * The user's Logto sessions: the account client's last part. Needs `AccountScope.Sessions` and
 * the identity verification. Logto 1.37 serves these routes only with its dev features on; a
 * production server answers 404, which rejects with `not_supported_by_server`: hide the section.
 */
export interface SessionOperations {
  /** @throws LogtoAccountError `not_supported_by_server`, `verification_required`, `missing_scope` */
  listSessions(): Promise<AccountSession[]>;
  /**
   * Signs one session out. With `revokeGrants`, the apps it signed in to lose their refresh
   * tokens too (otherwise they stay signed in until their tokens expire).
   *
   * @throws LogtoAccountError like {@link listSessions}; `account_request_failed` for an unknown id
   */
  revokeSession(id: string, options?: { revokeGrants?: boolean }): Promise<void>;
}

/** A session as Logto 1.37 lists it (an `oidc_model_instances` row). */
interface LogtoSession {
  payload?: { uid?: unknown; loginTs?: unknown };
  expiresAt?: unknown;
  clientId?: unknown;
  lastSubmission?: unknown;
}

/** The session operations over `api`. */
export function sessionOperations(api: AccountApi): SessionOperations {
  const scope = AccountScope.Sessions;
  return {
    listSessions: async () => {
      const { json } = await api.send({
        method: 'GET',
        path: '/my-account/sessions',
        scope,
        verified: true,
      });
      const { sessions } = readAnswer<{ sessions: unknown }>(json, 'the sessions');
      return readList<LogtoSession>(sessions, 'the sessions').map(toSession);
    },
    revokeSession: async (id, options = {}) => {
      const query = options.revokeGrants ? '?revokeGrants=true' : '';
      await api.send({
        method: 'DELETE',
        path: `/my-account/sessions/${encodeURIComponent(id)}${query}`,
        scope,
        verified: true,
        changes: true,
      });
    },
  };
}

function toSession(row: LogtoSession): AccountSession {
  const { uid, loginTs } = row.payload ?? {};
  return {
    id: typeof uid === 'string' ? uid : '',
    expiresAt: typeof row.expiresAt === 'number' ? row.expiresAt : 0,
    signedInAt: typeof loginTs === 'number' ? loginTs : undefined,
    clientId: typeof row.clientId === 'string' ? row.clientId : null,
    lastSubmission: row.lastSubmission ?? null,
  };
}
