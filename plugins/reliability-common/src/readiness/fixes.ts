/*
 * The YAML snippets a failing check offers as its fix. They are written to
 * be pasted into catalog-info.yaml (merged with what is already there), so
 * every value is a valid YAML scalar that reads back as a string.
 */
import { PolicyViolation } from '../policy/evaluateMetadataPolicy';

const PLAIN_SCALAR = /^[A-Za-z0-9_/<][\w\-./:@+~%?=&<>]*$/;
const LOOKS_TYPED =
  /^(?:[-+]?[\d._]+(?:e[-+]?\d+)?|0x[\da-f]+|0o[0-7]+|\d{4}-\d{2}-\d{2}.*|true|false|yes|no|on|off|y|n|null|~)$/i;

/**
 * A value as a YAML scalar that reads back as the same string: plain when
 * it is safe, double-quoted otherwise (numbers, dates, booleans, `: `…).
 */
export function yamlScalar(value: string): string {
  if (PLAIN_SCALAR.test(value) && !LOOKS_TYPED.test(value)) {
    return value;
  }
  return JSON.stringify(value);
}

/** One value to set, by field path: `metadata.annotations.<key>`, `spec.<key>`… */
export interface FieldValue {
  field: string;
  value: string;
}

function splitField(field: string): { section: string[]; key: string } {
  for (const prefix of ['metadata.annotations.', 'metadata.labels.']) {
    if (field.startsWith(prefix)) {
      return {
        section: prefix.slice(0, -1).split('.'),
        key: field.slice(prefix.length),
      };
    }
  }
  const dot = field.lastIndexOf('.');
  return dot < 0
    ? { section: [], key: field }
    : { section: field.slice(0, dot).split('.'), key: field.slice(dot + 1) };
}

/**
 * The YAML that sets the given fields of an entity, merged into one
 * snippet, e.g.
 *
 * ```yaml
 * metadata:
 *   annotations:
 *     vigil/runbook: https://wiki.example.com/runbooks/orders
 * ```
 */
export function entityFix(values: FieldValue[]): string {
  type Tree = Map<string, Tree | string>;
  const root: Tree = new Map();
  for (const { field, value } of values) {
    const { section, key } = splitField(field);
    let node = root;
    for (const part of section) {
      const next = node.get(part);
      if (next instanceof Map) {
        node = next;
      } else {
        const child: Tree = new Map();
        node.set(part, child);
        node = child;
      }
    }
    node.set(key, value);
  }
  const lines: string[] = [];
  const write = (tree: Tree, indent: string) => {
    for (const [key, value] of tree) {
      if (value instanceof Map) {
        lines.push(`${indent}${key}:`);
        write(value, `${indent}  `);
      } else {
        lines.push(`${indent}${key}: ${yamlScalar(value)}`);
      }
    }
  };
  write(root, '');
  return lines.join('\n');
}

/**
 * Snippets by two keys, kept because their inputs repeat across the
 * entities of a refresh (a tier label, a due date, a policy example):
 * building one merges a tree and quotes YAML. Nested maps, so that a
 * lookup builds no key string; cleared when it grows past its bound.
 */
class SnippetCache {
  private readonly byFirst = new Map<string, Map<string, string | undefined>>();
  private size = 0;

  constructor(private readonly maxSize: number) {}

  get(
    first: string,
    second: string,
    build: () => string | undefined,
  ): string | undefined {
    let bySecond = this.byFirst.get(first);
    if (bySecond?.has(second)) return bySecond.get(second);
    if (this.size >= this.maxSize) {
      this.byFirst.clear();
      this.size = 0;
      bySecond = undefined;
    }
    if (!bySecond) {
      bySecond = new Map();
      this.byFirst.set(first, bySecond);
    }
    const snippet = build();
    bySecond.set(second, snippet);
    this.size++;
    return snippet;
  }
}

const annotationFixes = new SnippetCache(1000);

/** The YAML that sets one annotation. */
export function annotationFix(key: string, value: string): string {
  return annotationFixes.get(key, value, () =>
    entityFix([{ field: `metadata.annotations.${key}`, value }]),
  )!;
}

/**
 * The value of a violation's example (`"vigil/rto: 1h"` → `1h`), or
 * undefined when the example has another shape.
 */
export function exampleValue(example: string): string | undefined {
  const text = example.trim().replace(/^"(.*)"$/s, '$1');
  const separator = text.indexOf(': ');
  return separator < 0 ? undefined : text.slice(separator + 2).trim();
}

/** Fixes of single violations, by field and example. */
const violationFixes = new SnippetCache(1000);

/**
 * The fix for metadata-policy violations: the fields they name, set to the
 * values of their examples, in one snippet. Undefined when no example can
 * be read.
 */
export function violationsFix(
  violations: PolicyViolation[],
): string | undefined {
  if (violations.length === 1) {
    const { field, example } = violations[0];
    return violationFixes.get(field, example, () =>
      fixOfViolations(violations),
    );
  }
  return fixOfViolations(violations);
}

function fixOfViolations(violations: PolicyViolation[]): string | undefined {
  const values: FieldValue[] = [];
  for (const violation of violations) {
    const value = exampleValue(violation.example);
    if (value !== undefined && !values.some(v => v.field === violation.field)) {
      values.push({ field: violation.field, value });
    }
  }
  return values.length > 0 ? entityFix(values) : undefined;
}

/** The fixed lines of {@link openSloSkeleton}, joined once. */
const SKELETON_HEAD = ['apiVersion: openslo/v1', 'kind: SLO', 'metadata:'].join(
  '\n',
);

const SKELETON_INDICATOR_TO_OBJECTIVES = [
  '    spec:',
  '      ratioMetric:',
  '        counter: true',
  '        good:',
  '          metricSource:',
  '            metricSourceRef: builtin',
  '            spec: {}',
  '        total:',
  '          metricSource:',
  '            metricSourceRef: builtin',
  '            spec: {}',
  '  timeWindow:',
  '    - duration: 28d',
  '      isRolling: true',
  '  budgetingMethod: Occurrences',
  '  objectives:',
].join('\n');

/**
 * A minimal valid OpenSLO v1 SLO for a service, measured by the built-in
 * push source, with its kind stated in `vigil/slo-kind`. The fix of
 * `slo-defined`, and the tab's starting point for an entity without SLOs.
 *
 * @public
 */
export function openSloSkeleton(options: {
  serviceRef: string;
  serviceName: string;
  sloKind: string;
  target: number;
}): string {
  const { serviceRef, serviceName, sloKind, target } = options;
  const name = `${serviceName}-${sloKind}`.slice(0, 63).replace(/-+$/, '');
  // One template, its fixed lines joined once: slo-defined offers one
  // skeleton per missing kind for most services of tiers 0 and 1.
  return `${SKELETON_HEAD}
  name: ${yamlScalar(name)}
  annotations:
    vigil/slo-kind: ${yamlScalar(sloKind)}
spec:
  service: ${yamlScalar(serviceRef)}
  indicator:
    metadata:
      name: ${yamlScalar(`${name}-sli`.slice(0, 63))}
${SKELETON_INDICATOR_TO_OBJECTIVES}
    - displayName: ${yamlScalar(sloKind)}
      target: ${target}`;
}
