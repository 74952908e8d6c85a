import { formatPromDuration, parsePromDuration } from './duration';

describe('Prometheus durations', () => {
  it.each([
    ['30s', 30],
    ['5m', 300],
    ['1h', 3600],
    ['1d', 86_400],
    ['2w', 1_209_600],
  ])('parses %s', (text, seconds) => {
    expect(parsePromDuration(text)).toBe(seconds);
  });

  it.each(['', '5', '0m', '1M', '1h30m', '-5m', 'five minutes'])(
    'rejects %j',
    text => {
      expect(parsePromDuration(text)).toBeUndefined();
    },
  );

  it.each([
    [300, '5m'],
    [90, '90s'],
    [7200, '2h'],
    [86_400, '1d'],
    [604_800, '1w'],
    [133, '133s'],
  ])('formats %d seconds as %s', (seconds, text) => {
    expect(formatPromDuration(seconds)).toBe(text);
  });
});
