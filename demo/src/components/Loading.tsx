/** A spinner with a line of text. */
export function Loading(props: { text: string; testId: string }) {
  return (
    <div className="loading" role="status" data-testid={props.testId}>
      <span className="spinner" aria-hidden="true" />
      {props.text}
    </div>
  );
}
