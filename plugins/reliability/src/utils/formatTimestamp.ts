/**
 * An ISO timestamp as `2026-01-10 12:00 UTC`: the same text for every
 * viewer, whatever their time zone. Unparseable input is shown as given.
 */
export function formatTimestamp(isoTimestamp: string): string {
  const date = new Date(isoTimestamp);
  if (Number.isNaN(date.getTime())) {
    return isoTimestamp;
  }
  return `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}
