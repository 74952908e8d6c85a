/**
 * Divides a percentage by 100 on its decimal digits, so `99.9` becomes
 * exactly the number `target: 0.999` reads as (floating-point division
 * gives 0.9990000000000001, and 99.99 / 100 gives 0.9998999999999999).
 */
export function percentToFraction(percent: number): number {
  if (!Number.isFinite(percent)) {
    return percent / 100;
  }
  // String() gives the shortest text that reads back as the same number.
  const match = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(String(percent));
  if (!match) {
    return percent / 100;
  }
  const [, sign, whole, fraction = '', exponent = '0'] = match;
  const digits = `${whole}${fraction}`;
  const point = whole.length + Number(exponent) - 2;
  let text: string;
  if (point <= 0) {
    text = `0.${'0'.repeat(-point)}${digits}`;
  } else if (point >= digits.length) {
    text = `${digits}${'0'.repeat(point - digits.length)}`;
  } else {
    text = `${digits.slice(0, point)}.${digits.slice(point)}`;
  }
  return Number(`${sign}${text}`);
}
