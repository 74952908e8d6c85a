import { useCallback, useEffect, useRef, useState } from 'react';
import { useLocation, useNavigate } from 'react-router-dom';
import { lowPriority } from './lowPriority';
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
 *
 * The view itself is this component's state, and the URL follows it in a
 * transition: a change re-renders this page (and sends its requests) at
 * once, while the whole app's re-render for the new location runs at low
 * priority and gives way to the answers. A URL changed from outside (back,
 * forward, a link) is read back into the view.
 */
export function useOverviewView(): {
  view: OverviewView;
  /** Changes the view; `replace` overwrites the history entry (typing). */
  update: (change: OverviewViewChange, options?: { replace?: boolean }) => void;
} {
  const { search, pathname } = useLocation();
  const navigate = useNavigate();
  const [view, setView] = useState(() =>
    readOverviewView(new URLSearchParams(search)),
  );
  // The query string this page wrote last: rapid changes build on it, not
  // on a location that is still on its way.
  const written = useRef(search);

  useEffect(() => {
    if (search === written.current) return;
    written.current = search;
    setView(readOverviewView(new URLSearchParams(search)));
  }, [search]);

  const update = useCallback(
    (change: OverviewViewChange, options?: { replace?: boolean }) => {
      const next = applyOverviewChange(
        new URLSearchParams(written.current),
        change,
      );
      const query = readableQuery(next);
      written.current = query;
      setView(readOverviewView(next));
      lowPriority(() => {
        navigate({ pathname, search: query }, { replace: options?.replace });
      });
    },
    [pathname, navigate],
  );
  return { view, update };
}
