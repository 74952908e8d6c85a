/**
 * How the catalog treats reliability metadata errors.
 *
 * - `off`: not checked at ingestion.
 * - `warn`: the entity is admitted; the findings are what the reliability
 *   backend shows, computed by the same parser.
 * - `enforce`: each finding is a processing error; the catalog keeps the
 *   last good version of the entity.
 */
export const ENFORCEMENT_MODES = ['off', 'warn', 'enforce'] as const;

export type EnforcementMode = (typeof ENFORCEMENT_MODES)[number];

/** Reads a mode, failing start-up with the key and the allowed values. */
export function parseEnforcementMode(
  value: string | undefined,
  key: string,
): EnforcementMode {
  if (value === undefined) {
    return 'warn';
  }
  const mode = ENFORCEMENT_MODES.find(m => m === value);
  if (!mode) {
    throw new Error(
      `${key} must be one of ${ENFORCEMENT_MODES.join(', ')}, got ${JSON.stringify(value)}`,
    );
  }
  return mode;
}
