/** A count or an average as people read it: 1,234 or 87.5. */
export function formatNumber(value: number, fractionDigits = 1): string {
  return value.toLocaleString('en-US', {
    maximumFractionDigits: fractionDigits,
  });
}

/** `part` of `whole` as a share, e.g. `42 %`; `—` when there is no whole. */
export function formatShare(part: number, whole: number): string {
  if (!whole) {
    return '—';
  }
  return `${formatNumber((part / whole) * 100, 0)} %`;
}
