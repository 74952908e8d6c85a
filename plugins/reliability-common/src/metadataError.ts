import { metadataErrorMessage } from './metadataErrorMessage';

/**
 * One problem with an entity's reliability metadata. It names everything a
 * reader needs to fix it without opening the source: which entity, which
 * field, the bad value, what was expected and a valid example.
 *
 * @public
 */
export interface MetadataError {
  /** Entity reference, e.g. `component:default/orders`. */
  entityRef: string;
  /** Field path, e.g. `metadata.annotations.vigil/tier`. */
  field: string;
  /** The value as found (stringified), or undefined when it is missing. */
  value?: string;
  /** What the field must hold. */
  expected: string;
  /** A valid example, written as YAML the author can paste. */
  example: string;
  /** All of the above in one sentence, for logs and terminals. */
  message: string;
}

/**
 * Builds a {@link MetadataError} and its one-line message.
 *
 * @public
 */
export function metadataError(options: {
  entityRef: string;
  field: string;
  value?: string;
  expected: string;
  example: string;
}): MetadataError {
  const { entityRef, field, value, expected, example } = options;
  return {
    ...options,
    message: metadataErrorMessage(entityRef, field, value, expected, example),
  };
}
