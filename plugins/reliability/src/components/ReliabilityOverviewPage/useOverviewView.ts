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

/** The longest a change waits for its answer before the URL follows it. */
export const URL_WRITE_DELAY_MS = 300;

/**
 * The overview's filters, order, page and grouping, kept in the page's
 * query string: a reload or a shared link shows the same view, and the
 * browser's back button undoes a change.
 *
 * The view itself is this component's state, and the URL follows it: a
 * change re-renders this page (and sends its requests) at once. Writing
 * the URL re-renders the whole app (every component that reads the
 * location), so it waits until the page calls `urlCanFollow` (once the
 * rows that answer the change are drawn) or URL_WRITE_DELAY_MS, and then
 * runs at low priority. A URL changed from outside (back, forward, a
 * link) is read back into the view.
 */
export function useOverviewView(): {
  view: OverviewView;
  /** Changes the view; `replace` overwrites the history entry (typing). */
  update: (change: OverviewViewChange, options?: { replace?: boolean }) => void;
  /** Writes a change that waits for the URL now. */
  urlCanFollow: () => void;
} {
  const { search, pathname } = useLocation();
  const navigate = useNavigate();
  const [view, setView] = useState(() =>
    readOverviewView(new URLSearchParams(search)),
  );
  // The query string this page wrote last (or is about to): rapid changes
  // build on it, not on a location that is still on its way.
  const written = useRef(search);
  const pending = useRef<{ query: string; replace: boolean }>();
  // Queries handed to the router that its location has not shown yet: when
  // one arrives after a newer change, it is ours, not a change from outside.
  const inFlight = useRef<string[]>([]);
  // The query string of the location this page has seen last.
  const shown = useRef(search);
  const timer = useRef<ReturnType<typeof setTimeout>>();

  const urlCanFollow = useCallback(() => {
    clearTimeout(timer.current);
    const write = pending.current;
    pending.current = undefined;
    // A change undone before it was written (a chip pressed twice) leaves
    // the URL as it is: no history entry that back would stop at.
    const current = inFlight.current.at(-1) ?? shown.current;
    if (!write || write.query === current) return;
    inFlight.current.push(write.query);
    lowPriority(() => {
      navigate({ pathname, search: write.query }, { replace: write.replace });
    });
  }, [pathname, navigate]);

  useEffect(() => {
    shown.current = search;
    const ours = inFlight.current.indexOf(search);
    if (ours >= 0) inFlight.current.splice(0, ours + 1);
    if (ours >= 0 || search === written.current) return;
    // Changed from outside (back, forward, a link): that URL wins over a
    // change still waiting, and our writes it overtook will never show.
    clearTimeout(timer.current);
    pending.current = undefined;
    inFlight.current = [];
    written.current = search;
    setView(readOverviewView(new URLSearchParams(search)));
  }, [search]);
  // Leaving the page drops a write still waiting: it must not navigate
  // back here.
  useEffect(() => () => clearTimeout(timer.current), []);

  const update = useCallback(
    (change: OverviewViewChange, options?: { replace?: boolean }) => {
      const next = applyOverviewChange(
        new URLSearchParams(written.current),
        change,
      );
      const query = readableQuery(next);
      written.current = query;
      setView(readOverviewView(next));
      // Changes that wait together make one history entry, a new one
      // unless every one of them only replaces.
      const replace =
        (options?.replace ?? false) && (pending.current?.replace ?? true);
      pending.current = { query, replace };
      clearTimeout(timer.current);
      timer.current = setTimeout(urlCanFollow, URL_WRITE_DELAY_MS);
    },
    [urlCanFollow],
  );
  return { view, update, urlCanFollow };
}
