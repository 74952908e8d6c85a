import { ReactNode } from 'react';
import { act, renderHook } from '@testing-library/react';
import { MemoryRouter, useLocation, useNavigate } from 'react-router-dom';
import { URL_WRITE_DELAY_MS, useOverviewView } from './useOverviewView';

/** The hook and the router's location, side by side. */
function renderView(url = '/reliability') {
  const wrapper = ({ children }: { children: ReactNode }) => (
    <MemoryRouter initialEntries={[url]}>{children}</MemoryRouter>
  );
  return renderHook(
    () => ({
      ...useOverviewView(),
      location: useLocation(),
      navigate: useNavigate(),
    }),
    { wrapper },
  );
}

describe('useOverviewView', () => {
  afterEach(() => jest.useRealTimers());

  it('changes the view at once and the URL when the page says so', () => {
    const { result } = renderView();
    act(() => result.current.update({ filters: { tier: ['tier-0'] } }));
    expect(result.current.view.filters.tier).toEqual(['tier-0']);
    expect(result.current.location.search).toBe('');

    act(() => result.current.urlCanFollow());
    expect(result.current.location.search).toBe('?tier=tier-0');
  });

  it('writes the URL after the delay when no answer comes', () => {
    jest.useFakeTimers();
    const { result } = renderView();
    act(() => result.current.update({ sort: { key: 'score', order: 'asc' } }));
    expect(result.current.location.search).toBe('');
    act(() => {
      jest.advanceTimersByTime(URL_WRITE_DELAY_MS);
    });
    expect(result.current.location.search).toBe('?sort=score&order=asc');
  });

  it('keeps a newer change when the URL of an older one arrives after it', () => {
    const { result } = renderView();
    // The filter's URL is handed to the router, and the sort comes before
    // the router shows it: the sort must survive that location.
    act(() => {
      result.current.update({ filters: { tier: ['tier-0'] } });
      result.current.urlCanFollow();
      result.current.update({ sort: { key: 'score', order: 'asc' } });
    });
    expect(result.current.location.search).toBe('?tier=tier-0');
    expect(result.current.view.filters.tier).toEqual(['tier-0']);
    expect(result.current.view.sort).toBe('score');

    act(() => result.current.urlCanFollow());
    expect(result.current.location.search).toBe(
      '?tier=tier-0&sort=score&order=asc',
    );
  });

  it('makes one history entry of changes that wait together', () => {
    const { result } = renderView();
    act(() => {
      result.current.update({ filters: { tier: ['tier-0'] } });
      result.current.update({ filters: { kind: ['Component'] } });
      result.current.urlCanFollow();
    });
    expect(result.current.location.search).toBe('?tier=tier-0&kind=Component');
    act(() => result.current.navigate(-1));
    expect(result.current.location.search).toBe('');
    expect(result.current.view.filters).toEqual({});
  });

  it('makes no history entry for a change undone before the URL followed', () => {
    const { result } = renderView('/reliability?tier=tier-0');
    act(() => {
      result.current.update({ filters: { kind: ['Component'] } });
      result.current.update({ filters: { kind: [] } });
      result.current.urlCanFollow();
    });
    expect(result.current.location.search).toBe('?tier=tier-0');

    // Back leaves the page's first entry; forward shows its view again.
    act(() => result.current.navigate('?tier=tier-1'));
    act(() => result.current.navigate(-1));
    expect(result.current.location.search).toBe('?tier=tier-0');
    expect(result.current.view.filters.tier).toEqual(['tier-0']);
    act(() => result.current.navigate(1));
    expect(result.current.view.filters.tier).toEqual(['tier-1']);
  });

  it('follows back and forward over a URL of its own it wrote before', () => {
    const { result } = renderView();
    act(() => {
      result.current.update({ filters: { tier: ['tier-0'] } });
      result.current.urlCanFollow();
    });
    expect(result.current.location.search).toBe('?tier=tier-0');
    act(() => result.current.navigate(-1));
    expect(result.current.view.filters).toEqual({});
    act(() => result.current.navigate(1));
    expect(result.current.location.search).toBe('?tier=tier-0');
    expect(result.current.view.filters.tier).toEqual(['tier-0']);
  });
});
