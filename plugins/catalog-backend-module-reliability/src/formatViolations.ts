import { MetadataError } from '@vigil/plugin-reliability-common';

/**
 * One processing error message for all of an entity's violations, so the
 * catalog page shows every one of them, not just the first.
 */
export function formatViolations(
  entityRef: string,
  violations: Array<MetadataError & { rule?: string }>,
): string {
  const lines = violations.map(v => {
    const found =
      v.value === undefined ? 'is missing' : `has ${JSON.stringify(v.value)}`;
    const rule = v.rule ? `[${v.rule}] ` : '';
    return `- ${rule}${v.field} ${found}; expected ${v.expected}, e.g. ${v.example}`;
  });
  return `Reliability policy: ${entityRef} has ${violations.length} violation${
    violations.length === 1 ? '' : 's'
  }:\n${lines.join('\n')}`;
}
