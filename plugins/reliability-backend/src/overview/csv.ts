import { OverviewEntityRow } from '@vigil/plugin-reliability-common';

/** The CSV columns, in order, and how each is read from a row. */
const COLUMNS: Array<[string, (row: OverviewEntityRow) => unknown]> = [
  ['entityRef', r => r.entityRef],
  ['kind', r => r.kind],
  ['name', r => r.name],
  ['title', r => r.title],
  ['owner', r => r.owner],
  ['system', r => r.system],
  ['domain', r => r.domain],
  ['tier', r => r.tier],
  ['level', r => r.readiness?.level],
  ['targetLevel', r => r.readiness?.targetLevel],
  ['atTarget', r => r.readiness?.atTarget],
  ['score', r => r.readiness?.score],
  ['gapCount', r => r.readiness?.gapCount],
  ['slo', r => r.coverage.slo],
  ['runbook', r => r.coverage.runbook],
  ['onCall', r => r.coverage.onCall],
  ['drTested', r => r.coverage.drTested],
  ['budget', r => r.budget],
  ['errorCount', r => r.errorCount],
  ['violationCount', r => r.violationCount],
  ['evaluatedAt', r => r.readiness?.evaluatedAt],
];

/** One CSV field (RFC 4180); a leading =+-@ is quoted against formula injection. */
function field(value: unknown): string {
  if (value === undefined || value === null) return '';
  let text = String(value);
  if (/^[=+\-@]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The rows as CSV, a header line first, CRLF line ends. */
export function toCsv(rows: OverviewEntityRow[]): string {
  const lines = [COLUMNS.map(([name]) => name).join(',')];
  for (const row of rows) {
    lines.push(COLUMNS.map(([, read]) => field(read(row))).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}
