import { ErrorBox } from './ErrorBox.js';
import { JsonView } from './JsonView.js';
import { Loading } from './Loading.js';
import type { ActionState } from '../hooks.js';

/** The answer of a call to the demo API. */
export interface ApiAnswer {
  status: number;
  body: Record<string, unknown>;
}

/**
 * Calls the demo API with `send`: the `fetch` of `useApiFetch` (which adds the access token) or
 * the plain one (no token).
 */
export async function callDemoApi(path: string, send: typeof fetch = fetch): Promise<ApiAnswer> {
  const response = await send(path);
  const body = (await response.json().catch(() => ({}))) as Record<string, unknown>;
  return { status: response.status, body };
}

/** The demo API's answer: JSON on success, an error box with the OAuth error otherwise. */
export function ApiCallResult(props: { call: ActionState<ApiAnswer>; testId: string }) {
  const { pending, error, result } = props.call;
  if (pending) return <Loading text="Calling the API…" testId={`${props.testId}-loading`} />;
  if (error !== undefined) {
    return <ErrorBox error={error} title="The request failed" testId={`${props.testId}-error`} />;
  }
  if (result === undefined) return null;
  if (result.status !== 200) {
    const code = typeof result.body.error === 'string' ? result.body.error : 'http_error';
    const message =
      typeof result.body.error_description === 'string'
        ? result.body.error_description
        : 'The API refused the request.';
    return (
      <ErrorBox
        error={{ code, message, detail: `HTTP ${result.status}` }}
        title="The API refused the request"
        testId={`${props.testId}-error`}
      />
    );
  }
  return (
    <div className="api-result">
      <div className="api-status">
        <span className="status-ok">HTTP 200</span> The API verified the token and answered:
      </div>
      <JsonView value={result.body} testId={props.testId} label="API answer" />
    </div>
  );
}
