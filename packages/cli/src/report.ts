import { Finding, FileLintResult } from './lintFile';
import { PolicySource } from './policyConfig';

/** Everything a run found, for the formatters. */
export interface LintReport {
  results: FileLintResult[];
  /** `--strict`: non-pending warnings fail the run too. */
  strict: boolean;
  /** The day dates were judged against. */
  now: Date;
  policySource: PolicySource;
  /** `checks.<rule>.enabledFrom` of the policy, to say when pending rules start. */
  enabledFrom: Record<string, string | undefined>;
}

/** Counts of a run, and its exit code. */
export interface LintSummary {
  errors: number;
  warnings: number;
  /** Warnings from rules not enabled yet (included in `warnings`). */
  pending: number;
  /** Findings not shown: their entity's enforcement mode is `off`. */
  suppressed: number;
  entities: number;
  files: number;
  /** Files that could not be read, or held invalid YAML, or a check that failed. */
  filesNotFullyChecked: number;
  exitCode: 0 | 1 | 2;
}

/** True when the finding fails the run (exit code 1). */
export function isFailing(finding: Finding, strict: boolean): boolean {
  if (finding.pending) {
    return false;
  }
  return finding.severity === 'error' || strict;
}

/**
 * The counts and the exit code: 2 when any file could not be fully
 * checked, else 1 when any finding fails the run ({@link isFailing}), else
 * 0.
 */
export function summarize(report: LintReport): LintSummary {
  const findings = report.results.flatMap(r => r.findings);
  const filesNotFullyChecked = report.results.filter(
    r => r.problems.length > 0,
  ).length;
  let exitCode: 0 | 1 | 2 = 0;
  if (filesNotFullyChecked > 0) {
    exitCode = 2;
  } else if (findings.some(f => isFailing(f, report.strict))) {
    exitCode = 1;
  }
  return {
    errors: findings.filter(f => f.severity === 'error').length,
    warnings: findings.filter(f => f.severity === 'warning').length,
    pending: findings.filter(f => f.pending).length,
    suppressed: report.results.reduce((n, r) => n + r.suppressed, 0),
    entities: report.results.reduce((n, r) => n + r.entities.length, 0),
    files: report.results.length,
    filesNotFullyChecked,
    exitCode,
  };
}

function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** `[rule]`, or `[rule, pending: counts from 2027-01-01]`. */
function ruleTag(finding: Finding, report: LintReport): string {
  if (!finding.pending) {
    return `[${finding.rule}]`;
  }
  const from = report.enabledFrom[finding.rule];
  return `[${finding.rule}, pending: ${
    from ? `counts from ${from}` : 'not enabled yet'
  }]`;
}

/** One finding as a line: `file:line:column severity message [rule]`. */
function findingLine(file: string, finding: Finding, report: LintReport) {
  const { line, column } = finding.position;
  return `${file}:${line}:${column} ${finding.severity} ${
    finding.message
  } ${ruleTag(finding, report)}`;
}

/** The summary line of the human output. */
export function summaryLine(summary: LintSummary): string {
  let line = `${plural(summary.errors, 'error', 'errors')}, ${plural(
    summary.warnings,
    'warning',
    'warnings',
  )} in ${plural(summary.entities, 'entity', 'entities')} (${plural(
    summary.files,
    'file',
    'files',
  )})`;
  if (summary.filesNotFullyChecked > 0) {
    line += `; ${plural(
      summary.filesNotFullyChecked,
      'file',
      'files',
    )} could not be fully checked`;
  }
  return line;
}

/**
 * Human-readable output: one line per finding or problem,
 * `file:line:column severity message [rule]` (editors and CI logs link the
 * location), in file order, then the summary line.
 */
export function formatHuman(report: LintReport): string {
  const lines: string[] = [];
  for (const result of report.results) {
    const entries: Array<{ line: number; column: number; text: string }> = [];
    for (const problem of result.problems) {
      const { line, column } = problem.position ?? { line: 0, column: 0 };
      const where = problem.position
        ? `${result.file}:${line}:${column}`
        : result.file;
      entries.push({ line, column, text: `${where} error ${problem.message}` });
    }
    for (const finding of result.findings) {
      entries.push({
        ...finding.position,
        text: findingLine(result.file, finding, report),
      });
    }
    // File order; Array.prototype.sort is stable, so ties keep their order.
    entries.sort((a, b) => a.line - b.line || a.column - b.column);
    lines.push(...entries.map(entry => entry.text));
    if (result.problems.length === 0 && result.entities.length === 0) {
      lines.push(
        `${result.file} note: no catalog entities (apiVersion, kind, metadata) or OpenSLO documents found`,
      );
    }
  }
  lines.push(summaryLine(summarize(report)));
  return `${lines.join('\n')}\n`;
}

/**
 * `--format json`: one JSON document on stdout.
 * `{ files, findings, summary }`, see the README for the fields.
 */
export function formatJson(report: LintReport): string {
  const summary = summarize(report);
  const json = {
    files: report.results.map(result => ({
      file: result.file,
      entities: result.entities.map(entity => ({
        entityRef: entity.entityRef,
        kind: entity.kind,
        line: entity.position.line,
        column: entity.position.column,
        enforcement: entity.enforcement,
      })),
      problems: result.problems.map(problem => ({
        line: problem.position?.line ?? null,
        column: problem.position?.column ?? null,
        message: problem.message,
      })),
    })),
    findings: report.results.flatMap(result =>
      result.findings.map(finding => ({
        file: result.file,
        line: finding.position.line,
        column: finding.position.column,
        entityRef: finding.entityRef,
        rule: finding.rule,
        severity: finding.severity,
        pending: finding.pending,
        field: finding.field,
        value: finding.value ?? null,
        expected: finding.expected,
        example: finding.example,
        message: finding.message,
      })),
    ),
    summary: {
      ...summary,
      strict: report.strict,
      now: report.now.toISOString().slice(0, 10),
      policy: {
        configFiles: report.policySource.configFiles,
        fromConfig: report.policySource.fromConfig,
      },
    },
  };
  return `${JSON.stringify(json, null, 2)}\n`;
}

/**
 * Escapes text for an XML attribute value in double quotes (or, with
 * `attribute` false, for element content, where quotes, line breaks and
 * tabs stay as they are).
 * Characters XML 1.0 cannot hold at all (control characters, lone
 * surrogates, U+FFFE/U+FFFF) become U+FFFD.
 */
export function escapeXml(text: string, attribute = true): string {
  const escaped = text
    .replace(
      // eslint-disable-next-line no-control-regex
      /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g,
      '\uFFFD',
    )
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\r/g, '&#13;');
  return attribute
    ? escaped
        .replace(/"/g, '&quot;')
        .replace(/\n/g, '&#10;')
        .replace(/\t/g, '&#9;')
    : escaped;
}

function attrs(values: Record<string, string | number>): string {
  return Object.entries(values)
    .map(([key, value]) => ` ${key}="${escapeXml(String(value))}"`)
    .join('');
}

/**
 * `--format junit`: JUnit XML for CI test reports. One `<testsuite>` per
 * file, one `<testcase>` per entity (named by its entity reference), one
 * `<failure>` per finding that fails the run; warnings go to the test
 * case's `<system-out>`. Files that could not be fully checked get a
 * test case with an `<error>` per problem.
 */
export function formatJunit(report: LintReport): string {
  const summary = summarize(report);
  const suites: string[] = [];
  let totalTests = 0;
  let totalFailures = 0;
  let totalErrors = 0;

  for (const result of report.results) {
    const cases: string[] = [];
    let failures = 0;
    for (const entity of result.entities) {
      const failing = entity.findings.filter(f => isFailing(f, report.strict));
      const warnings = entity.findings.filter(
        f => !isFailing(f, report.strict),
      );
      failures += failing.length > 0 ? 1 : 0;
      const body: string[] = failing.map(
        f =>
          `      <failure${attrs({
            message: f.message,
            type: f.rule,
          })}>${escapeXml(
            findingLine(result.file, f, report),
            false,
          )}</failure>`,
      );
      if (warnings.length > 0) {
        body.push(
          `      <system-out>${escapeXml(
            warnings.map(f => findingLine(result.file, f, report)).join('\n'),
            false,
          )}</system-out>`,
        );
      }
      const open = `    <testcase${attrs({
        name: entity.entityRef,
        classname: result.file,
        file: result.file,
        line: entity.position.line,
      })}`;
      cases.push(
        body.length > 0
          ? `${open}>\n${body.join('\n')}\n    </testcase>`
          : `${open}/>`,
      );
    }
    let errors = 0;
    if (result.problems.length > 0) {
      errors = 1;
      const body = result.problems.map(problem => {
        const where = problem.position
          ? `${result.file}:${problem.position.line}:${problem.position.column}`
          : result.file;
        return `      <error${attrs({
          message: problem.message,
          type: 'input',
        })}>${escapeXml(`${where} error ${problem.message}`, false)}</error>`;
      });
      cases.push(
        `    <testcase${attrs({
          name: `${result.file} (read and parse)`,
          classname: result.file,
          file: result.file,
        })}>\n${body.join('\n')}\n    </testcase>`,
      );
    }
    const tests = cases.length;
    totalTests += tests;
    totalFailures += failures;
    totalErrors += errors;
    suites.push(
      `  <testsuite${attrs({
        name: result.file,
        tests,
        failures,
        errors,
        skipped: 0,
        file: result.file,
      })}${cases.length > 0 ? `>\n${cases.join('\n')}\n  </testsuite>` : '/>'}`,
    );
  }

  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites${attrs({
      name: 'vigil lint',
      tests: totalTests,
      failures: totalFailures,
      errors: totalErrors,
    })}>`,
    `  <!-- ${summaryLine(summary).replace(/--/g, '- -')} -->`,
    ...suites,
    '</testsuites>',
    '',
  ].join('\n');
}
