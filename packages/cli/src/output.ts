import { FileLintResult } from './lintFile';

function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

/**
 * Human-readable output: one line per error or problem, prefixed with
 * `file:line:column` so that editors and CI logs can link to it, then a
 * summary line.
 */
export function formatHuman(results: FileLintResult[]): string {
  const lines: string[] = [];
  for (const result of results) {
    const entries: Array<{ line: number; column: number; text: string }> = [];
    for (const problem of result.problems) {
      const { line, column } = problem.position ?? { line: 0, column: 0 };
      const where = problem.position
        ? `${result.file}:${line}:${column}`
        : result.file;
      entries.push({ line, column, text: `${where} ${problem.message}` });
    }
    for (const { position, error } of result.errors) {
      entries.push({
        ...position,
        text: `${result.file}:${position.line}:${position.column} ${error.message}`,
      });
    }
    // File order; Array.prototype.sort is stable, so ties keep their order.
    entries.sort((a, b) => a.line - b.line || a.column - b.column);
    lines.push(...entries.map(entry => entry.text));
    if (result.problems.length === 0 && result.entityCount === 0) {
      lines.push(
        `${result.file} note: no catalog entities (apiVersion, kind, metadata) found`,
      );
    }
  }

  const errorCount = results.reduce((sum, r) => sum + r.errors.length, 0);
  const entityCount = results.reduce((sum, r) => sum + r.entityCount, 0);
  const badFiles = results.filter(r => r.problems.length > 0).length;
  let summary = `${plural(errorCount, 'error', 'errors')} in ${plural(
    entityCount,
    'entity',
    'entities',
  )} (${plural(results.length, 'file', 'files')})`;
  if (badFiles > 0) {
    summary += `; ${plural(
      badFiles,
      'file',
      'files',
    )} could not be fully checked`;
  }
  lines.push(summary);
  return `${lines.join('\n')}\n`;
}
