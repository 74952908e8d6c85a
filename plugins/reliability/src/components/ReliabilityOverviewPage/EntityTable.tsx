import { MouseEvent, ReactNode, useCallback, useMemo } from 'react';
import { Progress } from '@backstage/core-components';
import { useAnalytics } from '@backstage/core-plugin-api';
import { parseEntityRef } from '@backstage/catalog-model';
import {
  humanizeEntityRef,
  useEntityRefLink,
} from '@backstage/plugin-catalog-react';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TablePagination from '@material-ui/core/TablePagination';
import TableRow from '@material-ui/core/TableRow';
import TableSortLabel from '@material-ui/core/TableSortLabel';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import {
  OVERVIEW_COVERAGE_ITEMS,
  OverviewEntitiesResponse,
  OverviewEntityRow,
} from '@vigil/plugin-reliability-common';
import { useHref, useNavigate } from 'react-router-dom';
import { OverviewSortKey } from '../../api';
import { HowComputed } from '../HowComputed';
import { useBodyCellStyles } from './bodyCellStyles';
import { coverageMark } from './coverageMarks';
import { formatNumber } from './formatNumbers';
import { BUDGET_LABELS, COVERAGE_LABELS, PAGE_SIZES } from './overviewView';

/** Shown in a cell whose value the entity does not have. */
const NONE = '—';

const useStyles = makeStyles(theme => ({
  scroll: { overflowX: 'auto' },
  // Fixed layout, widths from the <col>s: the browser lays the table out
  // without measuring every cell, which with auto layout took 30–50 ms on
  // each sort, filter or page (the whole table, 550 cells, each time).
  // Headers wrap between words; a long ref wraps anywhere.
  table: {
    tableLayout: 'fixed',
    width: '100%',
    minWidth: 1100,
    '& th, & td': {
      wordBreak: 'normal',
      overflowWrap: 'anywhere',
      padding: theme.spacing(0.75, 1),
    },
    '& th': { overflowWrap: 'normal' },
  },
  progress: { height: 4 },
  link: {
    color:
      (theme.palette as { link?: string }).link ?? theme.palette.primary.main,
    textDecoration: 'none',
    '&:hover, &:focus-visible': { textDecoration: 'underline' },
  },
  coverage: {
    display: 'grid',
    gridTemplateColumns: 'auto auto',
    gap: theme.spacing(0.25, 1),
  },
  // The marks are drawn by CSS, not as SVG icon components: 200 of those
  // per page were 600 more React components and 400 more elements.
  covered: {
    whiteSpace: 'nowrap',
    '&::before': coverageMark('covered', theme.palette.primary.main),
  },
  missing: {
    whiteSpace: 'nowrap',
    textDecoration: 'line-through',
    color: theme.palette.text.secondary,
    '&::before': coverageMark('missing', theme.palette.text.secondary),
  },
  secondary: { display: 'block', color: theme.palette.text.secondary },
  visuallyHidden: {
    position: 'absolute',
    width: 1,
    height: 1,
    overflow: 'hidden',
    clip: 'rect(0 0 0 0)',
    whiteSpace: 'nowrap',
  },
}));

interface Column {
  title: string;
  /** Share of the table's width. */
  width: string;
  sortKey?: OverviewSortKey;
  numeric?: boolean;
  render: (row: OverviewEntityRow) => ReactNode;
}

/** Whether the coverage checks pass, as marked labels. */
function coverageOf(
  row: OverviewEntityRow,
  classes: ReturnType<typeof useStyles>,
) {
  return (
    <span className={classes.coverage}>
      {OVERVIEW_COVERAGE_ITEMS.map(item => {
        const has = row.coverage?.[item] ?? false;
        const label = COVERAGE_LABELS[item];
        return (
          <span
            key={item}
            className={has ? classes.covered : classes.missing}
            title={`${label}: ${has ? 'yes' : 'missing'}`}
          >
            {label}
            <span className={classes.visuallyHidden}>
              {has ? ' yes' : ' missing'}
            </span>
          </span>
        );
      })}
    </span>
  );
}

/**
 * A link of a row, as a plain anchor. Backstage's Link subscribes, per
 * instance, to the router and re-checks the router's version on every
 * render: with three links in each of 50 rows that was most of a page's
 * cost. The table body's click handler (useRowLinkClicks) does what each
 * Link would do: it reports the click to analytics and, for a plain left
 * click, navigates inside the app.
 */
interface RowLinks {
  /** The route path of an entity's page. */
  entityPath: ReturnType<typeof useEntityRefLink>;
  /** The app's base path, which an anchor's href needs and a route does not. */
  basePath: string;
  className: string;
}

function rowLink(links: RowLinks, to: string, text: string) {
  return (
    <a className={links.className} href={`${links.basePath}${to}`} data-to={to}>
      {text}
    </a>
  );
}

/**
 * An owner or system, named as the ref names it. Not EntityRefLink: a page
 * of rows would fetch and render a hundred entity presentations (with their
 * hover cards) on every filter or sort.
 */
function refLink(links: RowLinks, entityRef: string, defaultKind: string) {
  const ref = parseEntityRef(entityRef);
  return rowLink(
    links,
    links.entityPath(ref),
    humanizeEntityRef(ref, { defaultKind }),
  );
}

/** The rows' link clicks: analytics for each, navigation for plain ones. */
function useRowLinkClicks() {
  const navigate = useNavigate();
  const analytics = useAnalytics();
  return useCallback(
    (event: MouseEvent) => {
      const anchor = (event.target as Element).closest?.('a[data-to]');
      const to = anchor?.getAttribute('data-to');
      if (!anchor || !to) return;
      analytics.captureEvent('click', anchor.textContent || to, {
        attributes: { to },
      });
      const modified =
        event.metaKey || event.ctrlKey || event.shiftKey || event.altKey;
      if (event.button !== 0 || modified || event.defaultPrevented) return;
      event.preventDefault();
      navigate(to);
    },
    [navigate, analytics],
  );
}

function levelText(row: OverviewEntityRow): string {
  const r = row.readiness;
  if (!r) {
    return NONE;
  }
  return `${r.level ?? 'none'}${r.targetLevel ? ` / ${r.targetLevel}` : ''}`;
}

/** The columns, made once per page: the rows below are memoised on them. */
function useColumns(): Column[] {
  const entityPath = useEntityRefLink();
  const classes = useStyles();
  const basePath = useHref('/').replace(/\/$/, '');
  return useMemo(
    () => columnsOf({ entityPath, basePath, className: classes.link }, classes),
    [entityPath, basePath, classes],
  );
}

function columnsOf(
  links: RowLinks,
  classes: ReturnType<typeof useStyles>,
): Column[] {
  return [
    {
      title: 'Entity',
      width: '13%',
      sortKey: 'name',
      render: row => (
        <>
          {rowLink(
            links,
            `${links.entityPath(row.entityRef)}/reliability`,
            row.title ?? row.name,
          )}
          <span className={classes.secondary}>{row.kind}</span>
        </>
      ),
    },
    {
      title: 'Owner',
      width: '10%',
      sortKey: 'owner',
      render: row => (row.owner ? refLink(links, row.owner, 'group') : NONE),
    },
    {
      title: 'System',
      width: '9%',
      render: row => (row.system ? refLink(links, row.system, 'system') : NONE),
    },
    {
      title: 'Tier',
      width: '6%',
      sortKey: 'tier',
      render: row => row.tier ?? NONE,
    },
    {
      title: 'Level / target',
      width: '10%',
      render: row => (
        <>
          {levelText(row)}
          {row.readiness?.atTarget !== undefined && (
            <span className={classes.secondary}>
              {row.readiness.atTarget ? 'at target' : 'below target'}
            </span>
          )}
        </>
      ),
    },
    {
      title: 'Score',
      width: '7%',
      sortKey: 'score',
      numeric: true,
      render: row => (row.readiness ? formatNumber(row.readiness.score) : NONE),
    },
    {
      title: 'Gap',
      width: '6%',
      sortKey: 'gap',
      numeric: true,
      render: row => (row.readiness ? String(row.readiness.gapCount) : NONE),
    },
    {
      title: 'Coverage',
      width: '17%',
      render: row => coverageOf(row, classes),
    },
    {
      title: 'Worst budget',
      width: '8%',
      sortKey: 'budget',
      render: row => (row.budget ? BUDGET_LABELS[row.budget] : NONE),
    },
    {
      title: 'Metadata errors',
      width: '7%',
      numeric: true,
      render: row => String(row.errorCount),
    },
    {
      title: 'Policy findings',
      width: '7%',
      numeric: true,
      render: row => String(row.violationCount),
    },
  ];
}

/**
 * One page of the overview's rows, as the server filtered, sorted and
 * paged them. Sortable headers and the pager change the URL; the page
 * asks the server again. While a new page loads the old rows stay, under
 * a progress bar, and the table is `aria-busy`.
 */
export function EntityTable(props: {
  response: OverviewEntitiesResponse;
  /** The query the rows answer (the benchmark and tests wait on it). */
  query: string;
  loading: boolean;
  sort: OverviewSortKey;
  order: 'asc' | 'desc';
  onSort: (key: OverviewSortKey) => void;
  onPage: (page: number) => void;
  onPageSize: (pageSize: number) => void;
}) {
  const classes = useStyles();
  const cellClasses = useBodyCellStyles();
  const columns = useColumns();
  const onRowsClick = useRowLinkClicks();
  const { response } = props;
  const lastPage = Math.max(
    0,
    Math.ceil(response.totalItems / Math.max(response.limit, 1)) - 1,
  );
  const page = Math.min(
    response.limit > 0 ? Math.floor(response.offset / response.limit) : 0,
    lastPage,
  );
  // The rows change only with the answer: while the next one loads, only
  // the progress bar and aria-busy change, not 50 rows of cells.
  const body = useMemo(
    () => (
      <TableBody onClick={onRowsClick}>
        {response.items.map((row, position) => (
          <tr
            // Keyed by position: a new page, sort or filter rewrites the
            // text of the rows already in the page instead of removing 50
            // rows and building 50 new ones (their elements, styles and
            // layout). Rows hold no state, so nothing is carried over.
            key={position}
            className={cellClasses.row}
            data-entity-ref={row.entityRef}
          >
            {columns.map(column => (
              <td
                key={column.title}
                className={
                  column.numeric
                    ? `${cellClasses.cell} ${cellClasses.numeric}`
                    : cellClasses.cell
                }
              >
                {column.render(row)}
              </td>
            ))}
          </tr>
        ))}
      </TableBody>
    ),
    [response.items, columns, onRowsClick, cellClasses],
  );

  // The header and the pager change with the order and the page, not with
  // the loading state.
  const { sort, order, onSort, onPage, onPageSize } = props;
  const head = useMemo(
    () => (
      <TableHead>
        <TableRow>
          {columns.map(column => {
            const active = column.sortKey === sort;
            return (
              <TableCell
                key={column.title}
                component="th"
                scope="col"
                align={column.numeric ? 'right' : 'left'}
                sortDirection={active ? order : false}
              >
                {column.sortKey ? (
                  <TableSortLabel
                    active={active}
                    direction={active ? order : 'asc'}
                    onClick={() => onSort(column.sortKey!)}
                  >
                    {column.title}
                  </TableSortLabel>
                ) : (
                  column.title
                )}
              </TableCell>
            );
          })}
        </TableRow>
      </TableHead>
    ),
    [columns, sort, order, onSort],
  );
  const pager = useMemo(
    () => (
      <TablePagination
        component="div"
        count={response.totalItems}
        page={page}
        rowsPerPage={response.limit}
        rowsPerPageOptions={[...PAGE_SIZES]}
        onPageChange={(_event, next) => onPage(next)}
        onRowsPerPageChange={event => onPageSize(Number(event.target.value))}
      />
    ),
    [response.totalItems, page, response.limit, onPage, onPageSize],
  );

  return (
    <>
      <div className={classes.progress}>
        {/* Shown only once loading has lasted 250 ms: a quick answer
            never starts the bar's animation, which lays out every frame. */}
        {props.loading && <Progress aria-label="Loading entities" />}
      </div>
      <div className={classes.scroll}>
        <Table
          size="small"
          className={classes.table}
          aria-label="Entities"
          aria-busy={props.loading}
          data-testid="overview-entities"
          data-query={props.query}
        >
          <colgroup>
            {columns.map(column => (
              <col key={column.title} style={{ width: column.width }} />
            ))}
          </colgroup>
          {head}
          {body}
        </Table>
      </div>
      {pager}
      <HowComputed label="How the columns are computed">
        <Typography variant="body2" component="div">
          <ul>
            <li>
              Each row is the entity's last stored readiness result; the backend
              evaluates every entity at startup and then on a schedule. The
              entity's Reliability tab shows every check.
            </li>
            <li>
              Level / target: the highest level whose checks all pass, against
              the level the policy asks of the entity's tier.
            </li>
            <li>Score: the weighted share of passing checks, 0–100.</li>
            <li>
              Gap: how many failing checks stand between the entity and its
              target level.
            </li>
            <li>
              Coverage: whether the slo-defined, runbook, on-call and
              dr-tested-recently checks pass (✓ present, crossed out missing).
            </li>
            <li>
              Worst budget: the worst error-budget state among the entity's SLOs
              (exhausted, burning, at risk, healthy, no data).
            </li>
            <li>
              Metadata errors: reliability annotations whose values do not
              parse.
            </li>
            <li>
              Policy findings: the metadata policy's findings that count now.
            </li>
          </ul>
        </Typography>
      </HowComputed>
    </>
  );
}
