import { applyOverviewChange, readOverviewView } from './overviewView';
import { readableQuery } from './useOverviewView';

const read = (query: string) => readOverviewView(new URLSearchParams(query));
const change = (
  query: string,
  delta: Parameters<typeof applyOverviewChange>[1],
) => readableQuery(applyOverviewChange(new URLSearchParams(query), delta));

describe('readOverviewView', () => {
  it('defaults to the biggest gaps first, 50 a page, grouped by owner', () => {
    expect(read('')).toEqual({
      filters: {},
      sort: 'gap',
      order: 'desc',
      page: 0,
      pageSize: 50,
      groupBy: 'owner',
    });
  });

  it('reads every filter, the order, the page and the grouping', () => {
    expect(
      read(
        'tier=tier-0,none&kind=Component&owner=group:default/a,group:default/b' +
          '&system=system:default/s&domain=domain:default/d&level=silver' +
          '&missing=runbook,onCall&budget=exhausted&search=%20orders%20' +
          '&sort=score&order=desc&page=3&pageSize=100&groupBy=system',
      ),
    ).toEqual({
      filters: {
        tier: ['tier-0', 'none'],
        kind: ['Component'],
        owner: ['group:default/a', 'group:default/b'],
        system: ['system:default/s'],
        domain: ['domain:default/d'],
        level: ['silver'],
        missing: ['runbook', 'onCall'],
        budget: ['exhausted'],
        search: 'orders',
      },
      sort: 'score',
      order: 'desc',
      page: 2,
      pageSize: 100,
      groupBy: 'system',
    });
  });

  it('drops what the server would refuse, so an edited link still opens', () => {
    expect(
      read(
        'tier=tier-9,tier-1,tier-1&missing=docs&budget=on-fire&sort=size' +
          '&order=up&page=-1&pageSize=7&groupBy=colour' +
          '&owner=checkout-team,group:default/sre&kind=not%20a%20kind',
      ),
    ).toEqual({
      filters: { tier: ['tier-1'], owner: ['group:default/sre'] },
      sort: 'gap',
      order: 'desc',
      page: 0,
      pageSize: 50,
      groupBy: 'owner',
    });
  });

  it("sorts a column given without an order in that column's first direction", () => {
    expect(read('sort=score').order).toBe('asc');
    expect(read('sort=gap').order).toBe('desc');
  });
});

describe('applyOverviewChange', () => {
  it('goes back to the first page when the selection changes', () => {
    expect(
      change('page=4&tier=tier-1', { filters: { tier: ['tier-0'] } }),
    ).toBe('?tier=tier-0');
    expect(change('page=4', { sort: { key: 'score', order: 'asc' } })).toBe(
      '?sort=score&order=asc',
    );
    expect(change('page=4', { pageSize: 100 })).toBe('?pageSize=100');
    expect(change('pageSize=100', { pageSize: 50 })).toBe('');
  });

  it('keeps the page when only the grouping changes', () => {
    expect(change('page=4', { groupBy: 'tier' })).toBe('?page=4&groupBy=tier');
    expect(change('groupBy=tier', { groupBy: 'owner' })).toBe('');
  });

  it('writes pages one-based and leaves the first page out', () => {
    expect(change('', { page: 1 })).toBe('?page=2');
    expect(change('page=2', { page: 0 })).toBe('');
  });

  it('clears a filter given an empty list or blank search, and all at once', () => {
    expect(
      change('tier=tier-0&search=x&sort=name', {
        filters: { tier: [], search: '  ' },
      }),
    ).toBe('?sort=name');
    expect(
      change('tier=tier-0&owner=group:default/a&search=x&sort=name&order=asc', {
        clearFilters: true,
      }),
    ).toBe('?sort=name&order=asc');
  });

  it('keeps entity refs and lists readable and round-trips them', () => {
    const query = change('', {
      filters: {
        owner: ['group:default/checkout-team', 'group:ops/sre'],
        search: 'a&b c',
      },
    });
    expect(query).toBe(
      '?owner=group:default/checkout-team,group:ops/sre&search=a%26b%20c',
    );
    expect(read(query.slice(1)).filters).toEqual({
      owner: ['group:default/checkout-team', 'group:ops/sre'],
      search: 'a&b c',
    });
  });
});
