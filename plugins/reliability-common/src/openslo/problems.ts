import { MetadataError, metadataError } from '../metadataError';

/** A YAML mapping as parsed: a plain object. */
export type Obj = Record<string, unknown>;

/** True for a mapping (not null, not an array, not a Date). */
export function isObj(value: unknown): value is Obj {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    !(value instanceof Date)
  );
}

/**
 * The value of an own property; `key:` with nothing after it (YAML null) is
 * treated as absent, so it is reported as missing.
 */
export function own(obj: Obj, key: string): unknown {
  if (!Object.prototype.hasOwnProperty.call(obj, key)) {
    return undefined;
  }
  const value = obj[key];
  return value === null ? undefined : value;
}

const MAX_SHOWN = 120;

/** The bad value as text for {@link MetadataError.value}; undefined when missing. */
export function show(value: unknown): string | undefined {
  if (value === undefined || value === null) {
    return undefined;
  }
  let text: string;
  if (typeof value === 'string') {
    text = value;
  } else if (
    typeof value === 'number' ||
    typeof value === 'boolean' ||
    typeof value === 'bigint' ||
    typeof value === 'symbol'
  ) {
    text = String(value);
  } else if (typeof value === 'function') {
    text = '[function]';
  } else if (value instanceof Date) {
    text = Number.isNaN(value.getTime()) ? 'Invalid Date' : value.toISOString();
  } else {
    try {
      text = JSON.stringify(value) ?? String(value);
    } catch {
      text = Array.isArray(value) ? '[array]' : '[object]';
    }
  }
  return text.length > MAX_SHOWN ? `${text.slice(0, MAX_SHOWN - 1)}…` : text;
}

/** How a value reads in an error, for "not a string" style hints. */
export function typeOf(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (value instanceof Date) return 'a date';
  if (value === null || value === undefined) return 'nothing';
  switch (typeof value) {
    case 'string':
      return 'a string';
    case 'number':
      return 'a number';
    case 'boolean':
      return 'a boolean';
    case 'object':
      return 'a mapping';
    default:
      return `a ${typeof value}`;
  }
}

/** Wraps a YAML line as the example of an error. */
export const yamlExample = (line: string) => `"${line}"`;

/** Options shared by the typed readers. */
export interface ReadOptions {
  /** Report a missing value (default false: missing is allowed). */
  required?: boolean;
  /** What the field must hold, e.g. "a number in [0, 1)". */
  expected: string;
  /** A valid value as YAML, e.g. `target: 0.999`. */
  example: string;
}

/**
 * Collects the errors of one document. Each reader reports at most one
 * error per field and returns undefined when the value is unusable, so
 * nested fields of a broken parent are not reported twice.
 */
export class Problems {
  readonly errors: MetadataError[] = [];

  constructor(readonly entityRef: string) {}

  add(field: string, value: unknown, expected: string, example: string) {
    this.errors.push(
      metadataError({
        entityRef: this.entityRef,
        field,
        value: show(value),
        expected,
        example: yamlExample(example),
      }),
    );
  }

  /** Reports a missing required value; returns whether it is present. */
  present(value: unknown, field: string, options: ReadOptions): boolean {
    if (value === undefined || value === null) {
      if (options.required) {
        this.add(field, undefined, options.expected, options.example);
      }
      return false;
    }
    return true;
  }

  object(value: unknown, field: string, options: ReadOptions): Obj | undefined {
    if (!this.present(value, field, options)) return undefined;
    if (!isObj(value)) {
      this.add(
        field,
        value,
        `${options.expected}, not ${typeOf(value)}`,
        options.example,
      );
      return undefined;
    }
    return value;
  }

  string(
    value: unknown,
    field: string,
    options: ReadOptions,
  ): string | undefined {
    if (!this.present(value, field, options)) return undefined;
    if (typeof value !== 'string') {
      this.add(
        field,
        value,
        `${options.expected}, not ${typeOf(value)}`,
        options.example,
      );
      return undefined;
    }
    if (value.trim() === '') {
      this.add(field, value, `${options.expected}, not blank`, options.example);
      return undefined;
    }
    return value;
  }

  /** A finite number; numbers written as strings ("0.999") are errors. */
  number(
    value: unknown,
    field: string,
    options: ReadOptions,
  ): number | undefined {
    if (!this.present(value, field, options)) return undefined;
    if (typeof value === 'string') {
      const looksNumeric =
        value.trim() !== '' && Number.isFinite(Number(value.trim()));
      this.add(
        field,
        value,
        looksNumeric
          ? `${options.expected}: a number, not a string (remove the quotes)`
          : `${options.expected}, not a string`,
        options.example,
      );
      return undefined;
    }
    if (typeof value !== 'number') {
      this.add(
        field,
        value,
        `${options.expected}, not ${typeOf(value)}`,
        options.example,
      );
      return undefined;
    }
    if (!Number.isFinite(value)) {
      this.add(
        field,
        value,
        `${options.expected}: a finite number`,
        options.example,
      );
      return undefined;
    }
    return value;
  }

  /** true or false; "true" written as a string is an error. */
  boolean(
    value: unknown,
    field: string,
    options: ReadOptions,
  ): boolean | undefined {
    if (!this.present(value, field, options)) return undefined;
    if (typeof value !== 'boolean') {
      const quoted =
        typeof value === 'string' &&
        ['true', 'false'].includes(value.trim().toLowerCase());
      this.add(
        field,
        value,
        quoted
          ? `${options.expected}: a boolean, not a string (remove the quotes)`
          : `${options.expected}, not ${typeOf(value)}`,
        options.example,
      );
      return undefined;
    }
    return value;
  }

  /** One of a fixed set of strings; a wrong case gets a "did you mean". */
  oneOf<T extends string>(
    value: unknown,
    field: string,
    allowed: readonly T[],
    options: ReadOptions,
  ): T | undefined {
    const text = this.string(value, field, options);
    if (text === undefined) return undefined;
    if ((allowed as readonly string[]).includes(text)) {
      return text as T;
    }
    const near = allowed.find(
      a => a.toLowerCase() === text.trim().toLowerCase(),
    );
    this.add(
      field,
      text,
      `${options.expected}${
        near ? ` (did you mean ${near}? case matters)` : ''
      }`,
      options.example,
    );
    return undefined;
  }
}
