import { percentToFraction } from './decimal';
import { minimumSeconds, parseSloDuration } from './duration';

describe('parseSloDuration', () => {
  it.each([
    ['1m', 1, 'm', 60],
    ['5m', 5, 'm', 300],
    ['12h', 12, 'h', 43200],
    ['28d', 28, 'd', 2419200],
    ['365d', 365, 'd', 31536000],
    ['4w', 4, 'w', 2419200],
  ])('%s is %d %s, %d seconds', (text, amount, unit, seconds) => {
    expect(parseSloDuration(text, { calendarUnits: false })).toEqual({
      text,
      amount,
      unit,
      seconds,
    });
  });

  it.each([
    ['1M', 'M'],
    ['3M', 'M'],
    ['1Q', 'Q'],
    ['1Y', 'Y'],
  ])('%s is a calendar unit without a fixed length', (text, unit) => {
    expect(parseSloDuration(text, { calendarUnits: true })).toEqual({
      text,
      amount: Number(text.slice(0, -1)),
      unit,
    });
    expect(parseSloDuration(text, { calendarUnits: false })).toBeUndefined();
  });

  it('reads 1m as one minute, never a month', () => {
    expect(parseSloDuration('1m', { calendarUnits: true })?.seconds).toBe(60);
  });

  it.each([
    '',
    '0m',
    '01d',
    '1.5h',
    '-1d',
    '30s',
    '1D',
    '1H',
    '1W',
    '1q',
    '1y',
    ' 1d',
    '1d ',
    '1 d',
    'd',
    '28',
    '1d1h',
    '1000000000d',
  ])('rejects %j', text => {
    expect(parseSloDuration(text, { calendarUnits: true })).toBeUndefined();
  });

  it.each([28, null, undefined, {}, ['1d'], true])('rejects %j', value => {
    expect(parseSloDuration(value, { calendarUnits: true })).toBeUndefined();
  });

  it('gives calendar units their shortest length', () => {
    expect(
      minimumSeconds(parseSloDuration('1M', { calendarUnits: true })!),
    ).toBe(28 * 86400);
    expect(
      minimumSeconds(parseSloDuration('1Q', { calendarUnits: true })!),
    ).toBe(89 * 86400);
    expect(
      minimumSeconds(parseSloDuration('2Y', { calendarUnits: true })!),
    ).toBe(730 * 86400);
  });
});

describe('percentToFraction', () => {
  it.each([
    [99.95, 0.9995],
    [99.9, 0.999],
    [99.99, 0.9999],
    [99.999, 0.99999],
    [95, 0.95],
    [0, 0],
    [50, 0.5],
    [99.5, 0.995],
    [0.1, 0.001],
    [1e-7, 1e-9],
    [12.345678, 0.12345678],
    [99.99999999999999, 0.9999999999999999],
  ])('%d %% is exactly %d', (percent, fraction) => {
    expect(percentToFraction(percent)).toBe(fraction);
  });

  it('differs from floating-point division where that is inexact', () => {
    expect(99.9 / 100).toBe(0.9990000000000001);
    expect(percentToFraction(99.9)).toBe(0.999);
    expect(99.99 / 100).toBe(0.9998999999999999);
    expect(percentToFraction(99.99)).toBe(0.9999);
  });
});
