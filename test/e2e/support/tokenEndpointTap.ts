import { createHash } from 'node:crypto';
import type { Page } from 'playwright-core';

/**
 * One answer of the token endpoint, as the page received it. Tokens are never kept: a refresh
 * token appears as a digest (enough to tell whether one was presented twice), an access token
 * as its `jti`.
 */
export interface TokenAnswer {
  grantType: string | undefined;
  resource: string | undefined;
  /** Digest of the refresh token the request presented. */
  presented: string | undefined;
  /** Digest of the refresh token the answer carried (the rotated one). */
  rotatedTo: string | undefined;
  status: number;
  /** `error` of an error answer, e.g. `invalid_grant`. */
  error: string | undefined;
  /** `jti` of the access token answered. */
  accessTokenId: string | undefined;
  /** The ID token of this answer had its signature damaged on its way to the page. */
  damaged: boolean;
  /** Epoch milliseconds when the page got the answer. */
  at: number;
}

/** What {@link tapTokenEndpoint} gives. */
export interface TokenEndpointTap {
  /** Every answer the page got from the token endpoint so far, in the order they arrived. */
  readonly answers: readonly TokenAnswer[];
  /**
   * Damages the ID-token signature of the next successful refresh answer for `resource`, once.
   * Resolves with that answer once the page has it.
   */
  damageNextRefresh(resource: string): Promise<TokenAnswer>;
}

/** A short, one-way digest of a token: comparable, never the token. */
function digest(token: unknown): string | undefined {
  return typeof token === 'string'
    ? createHash('sha256').update(token).digest('hex').slice(0, 16)
    : undefined;
}

function jwtId(token: unknown): string | undefined {
  if (typeof token !== 'string') return undefined;
  try {
    const payload = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString()) as {
      jti?: unknown;
    };
    return typeof payload.jti === 'string' ? payload.jti : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The same JWT with a signature that no longer verifies. Characters just before the last one are
 * changed: every bit of them is part of the signature, whereas the last character of a base64url
 * string may carry only padding bits that a decoder ignores.
 */
export function damageSignature(jwt: string): string {
  const [header, payload, signature = ''] = jwt.split('.');
  const end = signature.length - 1;
  const changed = signature.slice(end - 6, end).replace(/./g, (char) => (char === 'A' ? 'Q' : 'A'));
  return `${header}.${payload}.${signature.slice(0, end - 6)}${changed}${signature.slice(end)}`;
}

/**
 * Passes every request of `page` to the token endpoint `${issuer}/token` through to the IdP and
 * records what came back; on demand, damages one refresh answer's ID token on its way to the
 * page, as a corrupted answer or a key the client cannot check would look. The IdP itself
 * answered normally: it rotated the refresh token.
 */
export async function tapTokenEndpoint(page: Page, issuer: string): Promise<TokenEndpointTap> {
  const answers: TokenAnswer[] = [];
  let damage: { resource: string; done: (answer: TokenAnswer) => void } | undefined;
  await page.route(`${issuer}/token`, async (route) => {
    const form = new URLSearchParams(route.request().postData() ?? '');
    const response = await route.fetch();
    const body = (await response.json().catch(() => ({}))) as Record<string, unknown>;
    const answer: TokenAnswer = {
      grantType: form.get('grant_type') ?? undefined,
      resource: form.get('resource') ?? undefined,
      presented: digest(form.get('refresh_token') ?? undefined),
      rotatedTo: digest(body.refresh_token),
      status: response.status(),
      error: typeof body.error === 'string' ? body.error : undefined,
      accessTokenId: jwtId(body.access_token),
      damaged: false,
      at: Date.now(),
    };
    const wanted = damage;
    if (
      wanted &&
      answer.grantType === 'refresh_token' &&
      answer.resource === wanted.resource &&
      answer.status === 200 &&
      typeof body.id_token === 'string'
    ) {
      damage = undefined;
      answer.damaged = true;
      answers.push(answer);
      await route.fulfill({
        response,
        json: { ...body, id_token: damageSignature(body.id_token) },
      });
      wanted.done(answer);
      return;
    }
    answers.push(answer);
    await route.fulfill({ response, json: body });
  });
  return {
    answers,
    damageNextRefresh: (resource) =>
      new Promise((resolve) => {
        damage = { resource, done: resolve };
      }),
  };
}
