import { useCallback, useMemo } from 'react';
import { useLocation, useNavigate } from 'react-router-dom';
import {
  OverviewView,
  OverviewViewChange,
  applyOverviewChange,
  readOverviewView,
} from './overviewView';

/**
 * A query string that stays readable in a shared link: the list commas and
 * the `:` and `/` of entity refs are left as they are (all three are
 * allowed in a query), everything else is encoded.
 */
export function readableQuery(params: URLSearchParams): string {
  const encode = (text: string) =>
    encodeURIComponent(text)
      .replace(/%2C/g, ',')
      .replace(/%3A/g, ':')
      .replace(/%2F/g, '/');
  const parts: string[] = [];
  params.forEach((value, key) => parts.push(`${encode(key)}=${encode(value)}`));
  return parts.length ? `?${parts.join('&')}` : '';
}

/**
 * The overview's filters, order, page and grouping, kept in the page's
 * query string: a reload or a shared link shows the same view, and the
 * browser's back button undoes a change.
 */
export function useOverviewView(): {
  view: OverviewView;
  /** Changes the view; `replace` overwrites the history entry (typing). */
  update: (change: OverviewViewChange, options?: { replace?: boolean }) => void;
} {
  const { search, pathname } = useLocation();
  const navigate = useNavigate();
  const view = useMemo(
    () => readOverviewView(new URLSearchParams(search)),
    [search],
  );
  const update = useCallback(
    (change: OverviewViewChange, options?: { replace?: boolean }) => {
      const next = applyOverviewChange(new URLSearchParams(search), change);
      navigate(
        { pathname, search: readableQuery(next) },
        { replace: options?.replace },
      );
    },
    [search, pathname, navigate],
  );
  return { view, update };
}
