/** Formatters by fraction digits: building one costs more than using it. */
const formatters = new Map<number, Intl.NumberFormat>();

/** A count or an average as people read it: 1,234 or 87.5. */
export function formatNumber(value: number, fractionDigits = 1): string {
  let formatter = formatters.get(fractionDigits);
  if (!formatter) {
    formatter = new Intl.NumberFormat('en-US', {
      maximumFractionDigits: fractionDigits,
    });
    formatters.set(fractionDigits, formatter);
  }
  return formatter.format(value);
}

/** `part` of `whole` as a share, e.g. `42 %`; `—` when there is no whole. */
export function formatShare(part: number, whole: number): string {
  if (!whole) {
    return '—';
  }
  return `${formatNumber((part / whole) * 100, 0)} %`;
}
