/**
 * JSON with object keys sorted at every level, so two configs that are equal by value give the
 * same string whatever order their keys were written in. Array order is kept: it is meaningful.
 */
export function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    inner !== null && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner).sort(([left], [right]) => (left < right ? -1 : 1)))
      : inner,
  );
}
