import {
  CommonValidatorFunctions,
  KubernetesValidatorFunctions,
} from '@backstage/catalog-model';
import { isObj, Obj, own, Problems } from './problems';
import { OPENSLO_LABELS_ANNOTATION, SLO_KIND_ANNOTATION } from './types';

/** The metadata fields every parsed OpenSLO object keeps. */
export interface ParsedMetadata {
  name: string;
  namespace: string;
  displayName?: string;
  /** The `vigil/slo-kind` annotation or label, when valid. */
  sloKind?: string;
}

const NAME_EXPECTED =
  'a name of at most 63 lower-case letters, digits and "-", starting and ending with a letter or digit (RFC 1123 label)';
const SLO_KIND_PATTERN = /^[a-z][a-z0-9-]{0,62}$/;
const DESCRIPTION_MAX = 1050;

/**
 * The reference used in every error of a document: `slo:<namespace>/<name>`,
 * `slo:default/<unnamed>` when the name is missing.
 */
export function entityRefOf(doc: unknown): string {
  const kind = isObj(doc) ? own(doc, 'kind') : undefined;
  const metadata = isObj(doc) ? own(doc, 'metadata') : undefined;
  const name = isObj(metadata) ? own(metadata, 'name') : undefined;
  const namespace = isObj(metadata) ? own(metadata, 'namespace') : undefined;
  const kindText =
    typeof kind === 'string' && /^[A-Za-z]{1,63}$/.test(kind)
      ? kind.toLowerCase()
      : 'openslo';
  const nsText =
    typeof namespace === 'string' && namespace.trim() !== ''
      ? namespace.trim()
      : 'default';
  const nameText =
    typeof name === 'string' && name.trim() !== '' && name.length <= 253
      ? name.trim()
      : '<unnamed>';
  return `${kindText}:${nsText}/${nameText}`;
}

/** Reads `metadata.name` with the OpenSLO (RFC 1123) rule. */
export function readName(
  problems: Problems,
  value: unknown,
  field: string,
  example: string,
): string | undefined {
  const name = problems.string(value, field, {
    required: true,
    expected: NAME_EXPECTED,
    example: `name: ${example}`,
  });
  if (name === undefined) return undefined;
  if (!CommonValidatorFunctions.isValidDnsLabel(name)) {
    const hint = /[A-Z]/.test(name)
      ? '; upper-case letters are not allowed'
      : '';
    problems.add(field, name, `${NAME_EXPECTED}${hint}`, `name: ${example}`);
    return undefined;
  }
  return name;
}

/** Reads an optional description of at most 1050 characters. */
export function readDescription(
  problems: Problems,
  value: unknown,
  field: string,
): string | undefined {
  const text = problems.string(value, field, {
    expected: `a text of at most ${DESCRIPTION_MAX} characters`,
    example: 'description: 99.9% of orders requests succeed',
  });
  if (text !== undefined && text.length > DESCRIPTION_MAX) {
    problems.add(
      field,
      `${text.length} characters`,
      `a text of at most ${DESCRIPTION_MAX} characters`,
      'description: 99.9% of orders requests succeed',
    );
    return undefined;
  }
  return text;
}

/**
 * What a document without labels or annotations has: one shared, empty
 * map (only ever read) instead of a new one per document.
 */
const NONE: ReadonlyMap<string, never> = new Map<string, never>();

function readLabelEntries(
  problems: Problems,
  entries: Array<[string, unknown]>,
  field: string,
): ReadonlyMap<string, string[]> {
  if (entries.length === 0) return NONE;
  const labels = new Map<string, string[]>();
  for (const [key, value] of entries) {
    const path = `${field}.${key}`;
    if (!KubernetesValidatorFunctions.isValidLabelKey(key)) {
      problems.add(
        path,
        key,
        'a label key of at most 63 letters, digits, "-", "_" and ".", starting and ending with a letter or digit',
        'team: payments',
      );
      continue;
    }
    if (typeof value === 'string') {
      labels.set(key, [value]);
    } else if (
      Array.isArray(value) &&
      value.every(item => typeof item === 'string')
    ) {
      labels.set(key, value as string[]);
    } else {
      problems.add(
        path,
        value,
        'a string or a list of strings',
        `${key}: [payments, checkout]`,
      );
    }
  }
  return labels;
}

function readLabels(problems: Problems, metadata: Obj, field: string) {
  const labelsValue = own(metadata, 'labels');
  const labels = problems.object(labelsValue, `${field}.labels`, {
    expected: 'a mapping of label keys to a string or a list of strings',
    example: 'labels: { team: [payments, checkout] }',
  });
  if (!labels) return NONE;
  return readLabelEntries(problems, Object.entries(labels), `${field}.labels`);
}

function readAnnotations(
  problems: Problems,
  metadata: Obj,
  field: string,
): ReadonlyMap<string, string> {
  const annotations = problems.object(
    own(metadata, 'annotations'),
    `${field}.annotations`,
    {
      expected: 'a mapping of annotation keys to strings',
      example: `annotations: { ${SLO_KIND_ANNOTATION}: availability }`,
    },
  );
  if (!annotations) return NONE;
  const result = new Map<string, string>();
  for (const [key, value] of Object.entries(annotations)) {
    const path = `${field}.annotations.${key}`;
    if (!KubernetesValidatorFunctions.isValidAnnotationKey(key)) {
      problems.add(
        path,
        key,
        'an annotation key: an optional DNS-subdomain prefix and "/", then at most 63 letters, digits, "-", "_" and "."',
        'example.com/dashboard: https://grafana.example.com/d/orders',
      );
    } else if (typeof value !== 'string') {
      problems.add(
        path,
        value,
        'a string (quote numbers and booleans)',
        `${key}: '${String(value)}'`,
      );
    } else {
      result.set(key, value);
    }
  }
  return result;
}

/**
 * The labels {@link normalizeOpenSloEntity} moved into an annotation,
 * checked with the same field paths as if they were still labels.
 */
function readMovedLabels(
  problems: Problems,
  text: string | undefined,
  field: string,
) {
  if (text === undefined) return NONE;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  if (!isObj(parsed)) {
    problems.add(
      `${field}.annotations.${OPENSLO_LABELS_ANNOTATION}`,
      text,
      'the JSON of a mapping of label keys to a string or a list of strings',
      `${OPENSLO_LABELS_ANNOTATION}: '{"team":["payments","checkout"]}'`,
    );
    return NONE;
  }
  return readLabelEntries(problems, Object.entries(parsed), `${field}.labels`);
}

/**
 * Reads and checks `metadata` (of a document, or of an inlined indicator
 * when `field` is e.g. `spec.indicator.metadata`). Returns undefined when
 * the name is unusable.
 */
export function readMetadata(
  problems: Problems,
  value: unknown,
  field: string,
  nameExample: string,
): ParsedMetadata | undefined {
  const metadata = problems.object(value, field, {
    required: true,
    expected: 'a mapping with at least a name',
    example: `metadata: { name: ${nameExample} }`,
  });
  if (!metadata) return undefined;
  const name = readName(
    problems,
    own(metadata, 'name'),
    `${field}.name`,
    nameExample,
  );
  const namespaceValue = own(metadata, 'namespace');
  let namespace = 'default';
  if (namespaceValue !== undefined) {
    const text = problems.string(namespaceValue, `${field}.namespace`, {
      expected: 'a Backstage namespace (lower-case letters, digits and "-")',
      example: 'namespace: default',
    });
    if (
      text !== undefined &&
      !KubernetesValidatorFunctions.isValidNamespace(text)
    ) {
      problems.add(
        `${field}.namespace`,
        text,
        'a Backstage namespace (lower-case letters, digits and "-")',
        'namespace: default',
      );
    } else if (text !== undefined) {
      namespace = text;
    }
  }
  const displayName = problems.string(
    own(metadata, 'displayName'),
    `${field}.displayName`,
    { expected: 'a text', example: 'displayName: Orders API availability' },
  );
  const title = problems.string(own(metadata, 'title'), `${field}.title`, {
    expected: 'a text',
    example: 'title: Orders API availability',
  });

  const labels = readLabels(problems, metadata, field);
  const annotations = readAnnotations(problems, metadata, field);
  const moved = readMovedLabels(
    problems,
    annotations.get(OPENSLO_LABELS_ANNOTATION),
    field,
  );

  let sloKind: string | undefined;
  let sloKindField = `${field}.annotations.${SLO_KIND_ANNOTATION}`;
  let sloKindText = annotations.get(SLO_KIND_ANNOTATION);
  if (sloKindText === undefined) {
    const fromLabel =
      labels.get(SLO_KIND_ANNOTATION) ?? moved.get(SLO_KIND_ANNOTATION);
    if (fromLabel) {
      sloKindField = `${field}.labels.${SLO_KIND_ANNOTATION}`;
      sloKindText =
        fromLabel.length === 1 ? fromLabel[0] : JSON.stringify(fromLabel);
    }
  }
  if (sloKindText !== undefined) {
    if (SLO_KIND_PATTERN.test(sloKindText)) {
      sloKind = sloKindText;
    } else {
      problems.add(
        sloKindField,
        sloKindText,
        'one lower-case word such as availability or latency',
        `${SLO_KIND_ANNOTATION}: latency`,
      );
    }
  }

  if (name === undefined) return undefined;
  return { name, namespace, displayName: displayName ?? title, sloKind };
}
