/** The discovery document of a fake Logto whose issuer is `issuer` (`<endpoint>/oidc`). */
export function discoveryDocument(issuer: string): Record<string, string> {
  return {
    issuer,
    authorization_endpoint: `${issuer}/auth`,
    token_endpoint: `${issuer}/token`,
    jwks_uri: `${issuer}/jwks`,
    userinfo_endpoint: `${issuer}/me`,
    end_session_endpoint: `${issuer}/session/end`,
    revocation_endpoint: `${issuer}/token/revocation`,
  };
}
