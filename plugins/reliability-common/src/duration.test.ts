import { parseDuration } from './duration';
import { parseTier } from './tiers';

describe('parseDuration', () => {
  it.each([
    ['90s', 90],
    ['15m', 900],
    ['1h', 3600],
    ['2d', 172800],
    ['1w', 604800],
    [' 4h ', 14400],
  ])('%j is %d seconds', (text, seconds) => {
    expect(parseDuration(text)?.seconds).toBe(seconds);
  });

  it.each([
    '',
    '0h',
    '1',
    'h',
    '1.5h',
    '1H',
    '1M',
    '1y',
    '-1h',
    '1h30m',
    '01h',
  ])('rejects %j', text => {
    expect(parseDuration(text)).toBeUndefined();
  });
});

describe('parseTier', () => {
  it.each([
    ['tier-0', 0],
    ['TIER-3', 3],
    ['2', 2],
  ])('%j is tier %d', (text, tier) => {
    expect(parseTier(text)).toBe(tier);
  });
  it.each(['tier-4', 'tier-5', 'critical', '-1', 'tier 1', ''])(
    'rejects %j',
    text => {
      expect(parseTier(text)).toBeUndefined();
    },
  );
});
