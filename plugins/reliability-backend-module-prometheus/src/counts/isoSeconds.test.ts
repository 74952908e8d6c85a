import { isoSeconds } from './isoSeconds';

describe('isoSeconds', () => {
  it('formats whole seconds as toISOString does', () => {
    const samples = [
      0, 59, 3599, 86_399, 86_400, 951_782_400 /* 2000-02-29 */, 1_795_651_200,
      1_795_651_437, 4_102_444_799 /* 2099-12-31T23:59:59 */,
    ];
    for (let s = 1_795_000_000; s < 1_795_000_000 + 200_000; s += 997) {
      samples.push(s);
    }
    for (const s of samples) {
      expect(isoSeconds(s)).toBe(new Date(s * 1000).toISOString());
    }
  });
});
