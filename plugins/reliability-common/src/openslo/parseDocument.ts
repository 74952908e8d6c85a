import { entityRefOf } from './metadata';
import { isObj, own, Problems } from './problems';
import { parseSliBody } from './sliDocument';
import { parseSloBody } from './sloDocument';
import {
  OPENSLO_API_VERSION,
  OPENSLO_KINDS,
  OpenSloParseResult,
} from './types';

/**
 * True when `doc` is an OpenSLO v1 document of any kind
 * (`apiVersion: openslo/v1`).
 *
 * @public
 */
export function isOpenSloDocument(doc: unknown): boolean {
  try {
    return isObj(doc) && own(doc, 'apiVersion') === OPENSLO_API_VERSION;
  } catch {
    return false;
  }
}

function parse(doc: unknown, problems: Problems): OpenSloParseResult {
  if (!isObj(doc)) {
    problems.add(
      '(document)',
      doc,
      'a YAML mapping with apiVersion, kind, metadata and spec',
      `apiVersion: ${OPENSLO_API_VERSION}`,
    );
    return { kind: 'unsupported', errors: problems.errors };
  }
  const kind = own(doc, 'kind');
  const known =
    typeof kind === 'string' &&
    (OPENSLO_KINDS as readonly string[]).includes(kind);
  const resultKind = kind === 'SLO' || kind === 'SLI' ? kind : 'unsupported';

  const apiVersion = own(doc, 'apiVersion');
  if (apiVersion !== OPENSLO_API_VERSION) {
    const hint =
      typeof apiVersion === 'string' && /openslo/i.test(apiVersion)
        ? ` (${apiVersion} documents are not supported; rewrite them in the v1 form)`
        : '';
    problems.add(
      'apiVersion',
      apiVersion,
      `${OPENSLO_API_VERSION}${hint}`,
      `apiVersion: ${OPENSLO_API_VERSION}`,
    );
  }
  if (!known) {
    const near =
      typeof kind === 'string'
        ? OPENSLO_KINDS.find(k => k.toLowerCase() === kind.trim().toLowerCase())
        : undefined;
    problems.add(
      'kind',
      kind,
      `one of the OpenSLO v1 kinds ${OPENSLO_KINDS.join(', ')}${
        near ? ` (did you mean ${near}? case matters)` : ''
      }`,
      'kind: SLO',
    );
  }
  if (problems.errors.length > 0 || resultKind === 'unsupported') {
    // Other kinds (DataSource, AlertPolicy, Service…) are valid OpenSLO but
    // not catalog entities in Vigil: no errors, nothing parsed.
    return { kind: resultKind, errors: problems.errors };
  }
  if (resultKind === 'SLO') {
    const slo = parseSloBody(doc, problems);
    return problems.errors.length === 0 && slo
      ? { kind: 'SLO', slo, errors: [] }
      : { kind: 'SLO', errors: problems.errors };
  }
  const sli = parseSliBody(doc, problems);
  return problems.errors.length === 0 && sli
    ? { kind: 'SLI', sli, errors: [] }
    : { kind: 'SLI', errors: problems.errors };
}

/**
 * Parses and validates one OpenSLO v1 document (an object, as read from
 * YAML or JSON), in its raw form or as normalised by
 * {@link normalizeOpenSloEntity}. `SLO` and `SLI` documents are parsed;
 * other OpenSLO kinds give `kind: 'unsupported'` and no errors. Never
 * throws: every problem is a {@link MetadataError} naming the field.
 *
 * @public
 */
export function parseOpenSloDocument(doc: unknown): OpenSloParseResult {
  let entityRef = 'openslo:default/<unnamed>';
  let problems: Problems | undefined;
  try {
    entityRef = entityRefOf(doc);
    problems = new Problems(entityRef);
    return parse(doc, problems);
  } catch (error) {
    // Only reachable with exotic input (throwing getters, proxies…).
    const fallback = problems ?? new Problems(entityRef);
    fallback.add(
      '(document)',
      error instanceof Error ? error.message : error,
      'a plain YAML or JSON document that can be read',
      `apiVersion: ${OPENSLO_API_VERSION}`,
    );
    return { kind: 'unsupported', errors: fallback.errors };
  }
}
