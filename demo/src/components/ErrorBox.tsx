import type { ReactNode } from 'react';
import { describeError } from '../describeError.js';

/** A readable error: what failed, the error's `code`, protocol detail and message. */
export function ErrorBox(props: {
  error: unknown;
  title: string;
  testId: string;
  children?: ReactNode;
}) {
  const { code, detail, message } = describeError(props.error);
  return (
    <div className="error-box" role="alert" data-testid={props.testId}>
      <div className="error-title">{props.title}</div>
      <div className="error-code">
        <code data-testid={`${props.testId}-code`}>{code}</code>
        {detail === undefined ? null : <span className="error-detail">{detail}</span>}
      </div>
      <p className="error-message">{message}</p>
      {props.children}
    </div>
  );
}
