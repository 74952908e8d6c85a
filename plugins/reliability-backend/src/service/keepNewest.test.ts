import { keepNewest } from './keepNewest';

describe('keepNewest', () => {
  it('drops the oldest entries past the bound, never the pinned one', () => {
    const cache = new Map<string, number>();
    keepNewest(cache, 'pinned', 0, 2, 'pinned');
    keepNewest(cache, 'a', 1, 2, 'pinned');
    keepNewest(cache, 'b', 2, 2, 'pinned');
    expect([...cache.keys()]).toEqual(['pinned', 'b']);
  });

  it('makes a key stored again the newest', () => {
    const cache = new Map<string, number>();
    keepNewest(cache, 'a', 1, 2);
    keepNewest(cache, 'b', 2, 2);
    keepNewest(cache, 'a', 3, 2);
    keepNewest(cache, 'c', 4, 2);
    expect([...cache.entries()]).toEqual([
      ['a', 3],
      ['c', 4],
    ]);
  });
});
