import type { IncomingMessage, ServerResponse } from 'node:http';

import type { Interaction, Provider } from 'oidc-provider';

import { messagePage, signInPage, signUpPage } from './pages.js';
import { FormBodyError, readFormBody } from './readFormBody.js';
import { SignUpRefused, type UserDirectory } from './UserDirectory.js';

/** What the interaction pages need from the rest of the IdP. */
export interface InteractionDeps {
  provider: Provider;
  directory: UserDirectory;
  appName: string;
  /** Reports unexpected failures (not wrong passwords); silent when the IdP is quiet. */
  logError: (message: string) => void;
}

/** Handles one request under `/interaction/`; resolves once the response is sent. */
export type InteractionHandler = (
  req: IncomingMessage,
  res: ServerResponse,
  pathname: string,
) => Promise<void>;

const routePattern = /^\/interaction\/([^/]+)(?:\/(sign-in|sign-up|abort))?\/?$/;

function send(res: ServerResponse, status: number, html: string): void {
  res.statusCode = status;
  res.setHeader('Content-Type', 'text/html; charset=utf-8');
  // Pages carry a per-interaction form; a cached copy would post to a dead interaction.
  res.setHeader('Cache-Control', 'no-store');
  res.end(html);
}

/** Logto opens the sign-up screen for `first_screen=register` or `interaction_mode=signUp`. */
function wantsSignUp(params: Record<string, unknown>): boolean {
  const firstScreen = params.first_screen;
  return (
    params.interaction_mode === 'signUp' ||
    firstScreen === 'register' ||
    firstScreen === 'identifier:register'
  );
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

/**
 * Creates the handler for oidc-provider's interactions (`/interaction/<uid>...`): the sign-in
 * and sign-up pages and their form posts, plus the automatic consent Logto gives a first-party
 * app (every requested scope and resource is granted without asking).
 */
export function createInteractionHandler(deps: InteractionDeps): InteractionHandler {
  const { provider, directory, appName } = deps;

  const autoConsent = async (
    req: IncomingMessage,
    res: ServerResponse,
    interaction: Interaction,
  ) => {
    const { details } = interaction.prompt;
    const existing =
      interaction.grantId === undefined
        ? undefined
        : await provider.Grant.find(interaction.grantId);
    const grant =
      existing ??
      new provider.Grant({
        accountId: interaction.session?.accountId ?? '',
        clientId: text(interaction.params.client_id),
      });
    const missingScope = details.missingOIDCScope;
    if (Array.isArray(missingScope)) grant.addOIDCScope(missingScope.join(' '));
    const missingClaims = details.missingOIDCClaims;
    if (Array.isArray(missingClaims)) grant.addOIDCClaims(missingClaims.map(String));
    const missingResourceScopes = details.missingResourceScopes;
    if (typeof missingResourceScopes === 'object' && missingResourceScopes !== null) {
      for (const [indicator, scopes] of Object.entries(missingResourceScopes)) {
        if (Array.isArray(scopes)) grant.addResourceScope(indicator, scopes.join(' '));
      }
    }
    const grantId = await grant.save();
    await provider.interactionFinished(req, res, { consent: { grantId } });
  };

  const showPage = (
    res: ServerResponse,
    interaction: Interaction,
    page: 'sign-in' | 'sign-up',
  ): void => {
    const { uid, params } = interaction;
    if (page === 'sign-up') {
      send(res, 200, signUpPage({ uid, appName }));
    } else {
      send(res, 200, signInPage({ uid, appName, username: text(params.login_hint) }));
    }
  };

  const submitSignIn = async (req: IncomingMessage, res: ServerResponse, uid: string) => {
    const form = await readFormBody(req);
    const username = form.get('username') ?? '';
    const user = directory.verifyPassword(username, form.get('password') ?? '');
    if (!user) {
      const error = 'The username or password is incorrect.';
      send(res, 401, signInPage({ uid, appName, username, error }));
      return;
    }
    await provider.interactionFinished(
      req,
      res,
      { login: { accountId: user.id } },
      { mergeWithLastSubmission: false },
    );
  };

  const submitSignUp = async (req: IncomingMessage, res: ServerResponse, uid: string) => {
    const form = await readFormBody(req);
    const values = {
      username: form.get('username') ?? '',
      name: form.get('name') ?? '',
      email: form.get('email') ?? '',
    };
    try {
      const user = directory.createUser({ ...values, password: form.get('password') ?? '' });
      await provider.interactionFinished(
        req,
        res,
        { login: { accountId: user.id } },
        { mergeWithLastSubmission: false },
      );
    } catch (error) {
      if (!(error instanceof SignUpRefused)) throw error;
      send(res, 400, signUpPage({ uid, appName, values, error: error.message }));
    }
  };

  const route = async (req: IncomingMessage, res: ServerResponse, pathname: string) => {
    const match = routePattern.exec(pathname);
    const uid = match?.[1];
    if (!match || uid === undefined) {
      send(res, 404, messagePage('Not found', 'There is no such sign-in page.'));
      return;
    }
    const action = match[2];
    let interaction: Interaction;
    try {
      interaction = await provider.interactionDetails(req, res);
    } catch {
      send(res, 400, expiredPage());
      return;
    }
    // The interaction comes from the cookie; a stale tab can show an older uid in its URL.
    if (interaction.uid !== decodeURIComponent(uid)) {
      send(res, 400, expiredPage());
      return;
    }

    if (action === 'abort') {
      const result = { error: 'access_denied', error_description: 'End-User aborted interaction' };
      await provider.interactionFinished(req, res, result, { mergeWithLastSubmission: false });
      return;
    }
    if (interaction.prompt.name === 'consent') {
      await autoConsent(req, res, interaction);
      return;
    }
    if (interaction.prompt.name !== 'login') {
      send(
        res,
        400,
        messagePage('Unsupported', `Prompt ${interaction.prompt.name} is unsupported.`),
      );
      return;
    }
    if (req.method === 'POST' && action === 'sign-in') {
      await submitSignIn(req, res, interaction.uid);
    } else if (req.method === 'POST' && action === 'sign-up') {
      await submitSignUp(req, res, interaction.uid);
    } else if (req.method === 'GET' || req.method === 'HEAD') {
      const page = action ?? (wantsSignUp(interaction.params) ? 'sign-up' : 'sign-in');
      showPage(res, interaction, page === 'sign-up' ? 'sign-up' : 'sign-in');
    } else {
      send(res, 405, messagePage('Method not allowed', 'Use the form on the sign-in page.'));
    }
  };

  return async (req, res, pathname) => {
    try {
      await route(req, res, pathname);
    } catch (error) {
      if (error instanceof FormBodyError) {
        send(res, 400, messagePage('Bad request', error.message));
        return;
      }
      deps.logError(
        `interaction failed: ${error instanceof Error ? error.message : String(error)}`,
      );
      if (!res.headersSent) {
        send(res, 500, messagePage('Something went wrong', 'The sign-in could not continue.'));
      }
    }
  };
}

function expiredPage(): string {
  return messagePage(
    'Sign-in expired',
    'This sign-in attempt has expired or was already completed. Go back to the app and sign in again.',
  );
}
