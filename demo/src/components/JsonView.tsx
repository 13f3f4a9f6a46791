/** Pretty-printed JSON in a scrollable block. */
export function JsonView(props: { value: unknown; testId: string; label: string }) {
  return (
    <pre className="json" data-testid={props.testId} aria-label={props.label} tabIndex={0}>
      {JSON.stringify(props.value, null, 2)}
    </pre>
  );
}
