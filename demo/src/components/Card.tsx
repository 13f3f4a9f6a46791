import type { ReactNode } from 'react';

/** A titled panel. */
export function Card(props: {
  title: ReactNode;
  subtitle?: ReactNode;
  actions?: ReactNode;
  children?: ReactNode;
  testId?: string;
}) {
  return (
    <section className="card" data-testid={props.testId}>
      <header className="card-header">
        <div>
          <h2>{props.title}</h2>
          {props.subtitle === undefined ? null : <p className="card-subtitle">{props.subtitle}</p>}
        </div>
        {props.actions === undefined ? null : <div className="card-actions">{props.actions}</div>}
      </header>
      {props.children}
    </section>
  );
}
