/**
 * The one-line message of a metadata error: which entity, which field,
 * the bad value, what was expected and a valid example.
 */
export function metadataErrorMessage(
  entityRef: string,
  field: string,
  value: string | undefined,
  expected: string,
  example: string,
): string {
  const found =
    value === undefined ? 'is missing' : `has ${JSON.stringify(value)}`;
  return `${entityRef}: ${field} ${found}; expected ${expected}, e.g. ${example}`;
}
