import {
  MetadataError,
  parseReliabilityProfile,
} from '@vigil/plugin-reliability-common';
import { parseYamlDocuments, SourcePosition } from './yamlDocuments';

/** A catalog entity, as the shared parser takes it. */
export type CatalogEntity = Parameters<typeof parseReliabilityProfile>[0];

/** One metadata error of one entity, located in the file. */
export interface LocatedMetadataError {
  position: SourcePosition;
  error: MetadataError;
}

/** Something that stopped (part of) a file from being checked. */
export interface FileProblem {
  /** Undefined when the problem concerns the whole file (e.g. unreadable). */
  position?: SourcePosition;
  message: string;
}

/** What `vigil lint` found in one file. */
export interface FileLintResult {
  /** The path as the user wrote it. */
  file: string;
  /** How many catalog entities were checked. */
  entityCount: number;
  /** Metadata errors, in file order. */
  errors: LocatedMetadataError[];
  /** Unreadable file, YAML syntax errors, a parser failure. */
  problems: FileProblem[];
}

/**
 * True for a document shaped like a catalog entity: an object with string
 * `apiVersion` and `kind` and an object `metadata`. Anything else in a YAML
 * file (a `Location`'s neighbours, config, empty documents) is left alone.
 */
export function looksLikeEntity(value: unknown): value is CatalogEntity {
  if (!isObject(value)) {
    return false;
  }
  return (
    typeof value.apiVersion === 'string' &&
    typeof value.kind === 'string' &&
    isObject(value.metadata)
  );
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Turns a `MetadataError.field` into a YAML path. Annotation and label keys
 * may contain dots (`pagerduty.com/service-id`), so everything after
 * `metadata.annotations.` is one key; elsewhere dots and `[n]` separate
 * steps.
 */
export function fieldToPath(field: string): Array<string | number> {
  const mapField = /^(metadata\.(?:annotations|labels))\.(.+)$/.exec(field);
  if (mapField) {
    return [...fieldToPath(mapField[1]), mapField[2]];
  }
  const path: Array<string | number> = [];
  for (const step of field.split('.')) {
    const match = /^([^[\]]*)((?:\[\d+\])*)$/.exec(step);
    if (!match) {
      path.push(step);
      continue;
    }
    if (match[1]) {
      path.push(match[1]);
    }
    for (const index of match[2].matchAll(/\[(\d+)\]/g)) {
      path.push(Number(index[1]));
    }
  }
  return path;
}

/**
 * Checks the text of one file: every document that looks like a catalog
 * entity goes through the shared parser (`parseReliabilityProfile`), and
 * each error is located at the offending value in the YAML.
 */
export function lintText(
  file: string,
  text: string,
  options: { now: Date },
): FileLintResult {
  const result: FileLintResult = {
    file,
    entityCount: 0,
    errors: [],
    problems: [],
  };
  for (const doc of parseYamlDocuments(text)) {
    for (const syntaxError of doc.errors) {
      result.problems.push({
        position: syntaxError.position,
        message: `invalid YAML (${syntaxError.code}): ${syntaxError.message}`,
      });
    }
    if (doc.errors.length > 0 || !looksLikeEntity(doc.value)) {
      continue;
    }
    result.entityCount += 1;
    let errors: MetadataError[];
    try {
      errors = parseReliabilityProfile(doc.value, { now: options.now }).errors;
    } catch (error) {
      result.problems.push({
        position: doc.start,
        message: `could not check ${describeEntity(
          doc.value,
        )}: the metadata parser failed: ${
          (error as Error)?.message ?? String(error)
        }`,
      });
      continue;
    }
    const located = errors.map(error => ({
      position: doc.locate(fieldToPath(error.field)),
      error,
    }));
    located.sort(
      (a, b) =>
        a.position.line - b.position.line ||
        a.position.column - b.position.column,
    );
    result.errors.push(...located);
  }
  return result;
}

function describeEntity(entity: CatalogEntity): string {
  return `${entity.kind} ${String(entity.metadata?.name ?? '<unnamed>')}`;
}
