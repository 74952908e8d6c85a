import {
  EnforcementMode,
  enforcementModeFor,
  evaluateMetadataPolicy,
  isOpenSloDocument,
  MetadataError,
  parseOpenSloDocument,
  ReliabilityPolicy,
} from '@vigil/plugin-reliability-common';
import {
  parseYamlDocuments,
  SourcePosition,
  YamlSourceDocument,
} from './yamlDocuments';

/** A catalog entity, as the shared policy evaluation takes it. */
export type CatalogEntity = Parameters<typeof evaluateMetadataPolicy>[0];

/** The rule of OpenSLO validation errors. */
export const OPENSLO_RULE = 'openslo-valid';

/** How a finding is shown: `error` fails the run, `warning` does not. */
export type Severity = 'error' | 'warning';

/** One policy finding on one entity, located in the file. */
export interface Finding {
  position: SourcePosition;
  entityRef: string;
  /** e.g. `runbook`, `rto`, `metadata-valid`, `openslo-valid`. */
  rule: string;
  severity: Severity;
  /** The rule is not enabled yet (`checks.<rule>.enabledFrom` ahead): never fails the run. */
  pending: boolean;
  /** The entity's enforcement mode (never `off`: those findings are dropped). */
  enforcement: Exclude<EnforcementMode, 'off'>;
  field: string;
  value?: string;
  expected: string;
  example: string;
  message: string;
}

/** One entity (catalog entity or OpenSLO document) that was checked. */
export interface CheckedEntity {
  entityRef: string;
  kind: string;
  /** Where its document starts. */
  position: SourcePosition;
  enforcement: EnforcementMode;
  /** Its findings (also in {@link FileLintResult.findings}). */
  findings: Finding[];
}

/** Something that stopped (part of) a file from being checked. */
export interface FileProblem {
  /** Undefined when the problem concerns the whole file (e.g. unreadable). */
  position?: SourcePosition;
  message: string;
}

/** What `vigil lint` found in one file. */
export interface FileLintResult {
  /** The path as the user wrote it (or as the glob matched it). */
  file: string;
  /** Every entity checked, in file order. */
  entities: CheckedEntity[];
  /** Findings shown (enforcement warn or enforce), in file order. */
  findings: Finding[];
  /** Findings dropped because the entity's enforcement mode is `off`. */
  suppressed: number;
  /** Unreadable file, YAML syntax errors, a check that failed. */
  problems: FileProblem[];
}

/** Options of {@link lintText}. */
export interface LintOptions {
  now: Date;
  policy: ReliabilityPolicy;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * True for a document shaped like a catalog entity: an object with string
 * `apiVersion` and `kind` and an object `metadata`. Anything else in a YAML
 * file (config, empty documents) is left alone.
 */
export function looksLikeEntity(value: unknown): value is CatalogEntity {
  return (
    isObject(value) &&
    typeof value.apiVersion === 'string' &&
    typeof value.kind === 'string' &&
    isObject(value.metadata)
  );
}

/**
 * True for documents that go to the OpenSLO parser: `apiVersion:
 * openslo/v1`, and other OpenSLO versions (`openslo/v1alpha`,
 * `openslo.com/v2alpha`), which the parser reports as unsupported rather
 * than letting them pass unchecked.
 */
export function looksLikeOpenSlo(value: unknown): boolean {
  return (
    isOpenSloDocument(value) ||
    (isObject(value) &&
      typeof value.apiVersion === 'string' &&
      /^openslo(\.com)?\//i.test(value.apiVersion.trim()))
  );
}

/**
 * Turns a `MetadataError.field` into a YAML path. Annotation and label keys
 * may contain dots (`pagerduty.com/service-id`), so everything after
 * `metadata.annotations.` or `metadata.labels.` (also of an inlined OpenSLO
 * indicator, `spec.indicator.metadata.labels.…`) is one key; elsewhere
 * dots and `[n]` separate steps (`spec.timeWindow[0].calendar.timeZone`).
 */
export function fieldToPath(field: string): Array<string | number> {
  // Lazy: the first `metadata.annotations.` wins, the key may hold anything.
  const mapField = /^((?:.*?\.)??metadata\.(?:annotations|labels))\.(.+)$/.exec(
    field,
  );
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

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function describeDocument(value: Record<string, unknown>): string {
  const metadata = isObject(value.metadata) ? value.metadata : {};
  return `${String(value.kind ?? 'document')} ${String(
    metadata.name ?? '<unnamed>',
  )}`;
}

interface Verdict {
  entityRef: string;
  kind: string;
  enforcement: EnforcementMode;
  violations: Array<MetadataError & { rule: string; pending: boolean }>;
}

/** OpenSLO SLO/SLI documents: the shared parser's errors. */
function checkOpenSlo(value: unknown, policy: ReliabilityPolicy): Verdict {
  const parsed = parseOpenSloDocument(value);
  const docKind =
    isObject(value) && typeof value.kind === 'string' ? value.kind : 'SLO';
  const kind = parsed.kind === 'unsupported' ? docKind : parsed.kind;
  const entityRef =
    parsed.slo?.entityRef ??
    parsed.errors[0]?.entityRef ??
    openSloRef(value, kind);
  return {
    entityRef,
    kind,
    enforcement: enforcementModeFor(policy, kind, undefined),
    violations: parsed.errors.map(error => ({
      ...error,
      rule: OPENSLO_RULE,
      pending: false,
    })),
  };
}

/** `sli:default/orders-latency`, for documents that have no errors. */
function openSloRef(value: unknown, kind: string): string {
  const metadata =
    isObject(value) && isObject(value.metadata) ? value.metadata : {};
  const namespace =
    typeof metadata.namespace === 'string' ? metadata.namespace : 'default';
  const name = typeof metadata.name === 'string' ? metadata.name : '<unnamed>';
  return `${kind.toLocaleLowerCase('en-US')}:${namespace}/${name}`;
}

/** Catalog entities: the shared policy evaluation. */
function checkEntity(value: CatalogEntity, options: LintOptions): Verdict {
  const result = evaluateMetadataPolicy(value, options.policy, {
    now: options.now,
  });
  return {
    entityRef: result.entityRef,
    kind: value.kind,
    enforcement: result.enforcement,
    violations: result.violations,
  };
}

function toFindings(verdict: Verdict, doc: YamlSourceDocument): Finding[] {
  const { enforcement } = verdict;
  if (enforcement === 'off') {
    return [];
  }
  const findings = verdict.violations.map(
    (violation): Finding => ({
      position: doc.locate(fieldToPath(violation.field)),
      entityRef: violation.entityRef,
      rule: violation.rule,
      severity:
        enforcement === 'enforce' && !violation.pending ? 'error' : 'warning',
      pending: violation.pending,
      enforcement,
      field: violation.field,
      ...(violation.value !== undefined ? { value: violation.value } : {}),
      expected: violation.expected,
      example: violation.example,
      message: violation.message,
    }),
  );
  return findings.sort(
    (a, b) =>
      a.position.line - b.position.line ||
      a.position.column - b.position.column,
  );
}

/**
 * Checks the text of one file. Every document that looks like a catalog
 * entity goes through the shared `evaluateMetadataPolicy`; every OpenSLO
 * document through the shared `parseOpenSloDocument` (rule
 * `openslo-valid`). Each finding is located at the offending value in the
 * YAML and given a severity from the entity's enforcement mode. Never
 * throws.
 */
export function lintText(
  file: string,
  text: string,
  options: LintOptions,
): FileLintResult {
  const result: FileLintResult = {
    file,
    entities: [],
    findings: [],
    suppressed: 0,
    problems: [],
  };
  for (const doc of parseYamlDocuments(text)) {
    for (const syntaxError of doc.errors) {
      result.problems.push({
        position: syntaxError.position,
        message: `invalid YAML (${syntaxError.code}): ${syntaxError.message}`,
      });
    }
    const value = doc.value;
    if (doc.errors.length > 0 || !isObject(value)) {
      continue;
    }
    const openSlo = looksLikeOpenSlo(value);
    if (!openSlo && !looksLikeEntity(value)) {
      continue;
    }
    let verdict: Verdict;
    try {
      verdict = openSlo
        ? checkOpenSlo(value, options.policy)
        : checkEntity(value as CatalogEntity, options);
    } catch (error) {
      result.problems.push({
        position: doc.start,
        message: `could not check ${describeDocument(value)}: ${errorText(
          error,
        )}`,
      });
      continue;
    }
    const findings = toFindings(verdict, doc);
    result.entities.push({
      entityRef: verdict.entityRef,
      kind: verdict.kind,
      position: doc.start,
      enforcement: verdict.enforcement,
      findings,
    });
    if (verdict.enforcement === 'off') {
      result.suppressed += verdict.violations.length;
    }
    result.findings.push(...findings);
  }
  return result;
}
