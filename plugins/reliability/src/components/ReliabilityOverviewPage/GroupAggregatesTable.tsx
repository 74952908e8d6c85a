import { useState } from 'react';
import Button from '@material-ui/core/Button';
import IconButton from '@material-ui/core/IconButton';
import Link from '@material-ui/core/Link';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import ChevronRightIcon from '@material-ui/icons/ChevronRight';
import ExpandMoreIcon from '@material-ui/icons/ExpandMore';
import {
  OVERVIEW_COVERAGE_ITEMS,
  OverviewAggregatesResponse,
} from '@vigil/plugin-reliability-common';
import { OverviewGroupBy } from '../../api';
import { HowComputed } from '../HowComputed';
import { useBodyCellStyles } from './bodyCellStyles';
import { formatNumber, formatShare } from './formatNumbers';
import { groupFilterValue, groupName } from './groupNames';
import { COVERAGE_LABELS, GROUP_BY_LABELS } from './overviewView';
import {
  comparableKey,
  firstRows,
  openAtFirst,
  openRows,
  ownerTreeOrder,
  TreeRow,
} from './ownerTree';

/**
 * How many rows show at first: a tree opens level by level while its rows
 * stay within it (with the way to a selected group open), and then its
 * first FIRST_GROUPS top groups show, as do the first rows of a flat
 * grouping (those with the most gap items).
 */
export const FIRST_GROUPS = 20;

/** The width of the sub-group toggle, kept as space by groups without one. */
const TOGGLE_WIDTH = 29;

const useStyles = makeStyles(theme => ({
  scroll: { overflowX: 'auto' },
  // Words are never broken inside; headers wrap only between words.
  // Figures stay on one line: "84 of 190 (44 %)" wrapped to three lines
  // made a row three times as tall.
  table: {
    '& th, & td': { wordBreak: 'normal', overflowWrap: 'normal' },
    '& td': { whiteSpace: 'nowrap' },
  },
  // Negative margins: a row with a toggle is no taller than one without.
  toggle: { padding: 3, margin: '-3px 3px -3px 0' },
  toggleSpace: { display: 'inline-block', width: TOGGLE_WIDTH },
  more: { marginTop: theme.spacing(1) },
  visuallyHidden: {
    position: 'absolute',
    width: 1,
    height: 1,
    overflow: 'hidden',
    clip: 'rect(0 0 0 0)',
    whiteSpace: 'nowrap',
  },
  branch: {
    color: theme.palette.text.secondary,
    marginRight: theme.spacing(0.5),
  },
  selected: { fontWeight: theme.typography.fontWeightBold as number },
  // On top of the body cells' style (bodyCellStyles), so that the row's
  // header has the theme's font and border like the cells beside it.
  rowHeader: {
    padding: theme.spacing(0.75, 3, 0.75, 2),
    whiteSpace: 'nowrap',
  },
}));

/** "12 of 40 (30 %)" */
function countOf(count: number, of: number): string {
  return `${formatNumber(count)} of ${formatNumber(of)} (${formatShare(
    count,
    of,
  )})`;
}

/**
 * The rows shown: the owner tree with its closed groups' sub-groups left
 * out, and then the first FIRST_GROUPS top groups unless all are asked for.
 */
function useShownRows(
  rows: TreeRow[],
  selected: string[],
  isSelected: (row: TreeRow) => boolean,
) {
  // What the user opened or closed under the current selection; a new
  // selection starts from the defaults, which open the way to it.
  const selection = selected.join(',');
  const [toggles, setToggles] = useState<{
    selection: string;
    toggled: ReadonlyMap<string, boolean>;
  }>({ selection, toggled: new Map() });
  const toggled = toggles.selection === selection ? toggles.toggled : new Map();
  const [all, setAll] = useState(false);
  const openByDefault = openAtFirst(rows, selected, FIRST_GROUPS);
  const isOpen = (key: string) => toggled.get(key) ?? openByDefault.has(key);
  const toggle = (key: string) =>
    setToggles({
      selection,
      toggled: new Map(toggled).set(key, !isOpen(key)),
    });
  const open = openRows(rows, isOpen);
  const first = firstRows(open, FIRST_GROUPS, isSelected);
  return {
    shown: all ? open : first,
    open: open.length,
    cut: first.length < open.length,
    isOpen,
    toggle,
    all,
    setAll,
  };
}

/**
 * The filtered entities aggregated by the server, one row a group. Owner
 * groups come as a tree (sub-groups indented under their parent; a
 * group's figures include its sub-groups'); a large tree opens level by
 * level (see FIRST_GROUPS). A group's name is a button that filters the
 * entity table by it.
 */
export function GroupAggregatesTable(props: {
  response: OverviewAggregatesResponse;
  /** The values of this grouping's filter that are in force. */
  selected: string[];
  onSelect: (groupBy: OverviewGroupBy, value: string) => void;
}) {
  const classes = useStyles();
  // Plain cells, as in the entity table: a grouping by owner has a row per
  // group, eleven cells each, re-rendered with every filter change.
  const cellClasses = useBodyCellStyles();
  const numericCell = `${cellClasses.cell} ${cellClasses.numeric}`;
  const { groupBy, items } = props.response;
  const rows: TreeRow[] =
    groupBy === 'owner'
      ? ownerTreeOrder(items)
      : items.map(group => ({ group, depth: 0, subGroups: 0 }));
  // The server matches owners regardless of case, other groupings exactly.
  const keyOf = groupBy === 'owner' ? comparableKey : (key: string) => key;
  const selectedKeys = new Set(props.selected.map(keyOf));
  const isSelected = ({ group }: TreeRow) => {
    const value = groupFilterValue(groupBy, group.key);
    return value !== undefined && selectedKeys.has(keyOf(value));
  };
  const { shown, open, cut, isOpen, toggle, all, setAll } = useShownRows(
    rows,
    props.selected,
    isSelected,
  );
  const hasTree = rows.some(row => row.subGroups > 0);
  const names = new Map(items.map(g => [g.key, groupName(groupBy, g)]));
  const dimension = GROUP_BY_LABELS[groupBy];
  // One aggregates table per page: its grouping names it uniquely.
  const tableId = `vigil-reliability-by-${groupBy}`;

  const subGroupToggle = ({ group, subGroups }: TreeRow, name: string) => {
    if (subGroups === 0 || group.key === null) {
      return hasTree ? <span className={classes.toggleSpace} /> : null;
    }
    const key = group.key;
    const expanded = isOpen(key);
    return (
      <IconButton
        size="small"
        className={classes.toggle}
        aria-expanded={expanded}
        aria-label={`Sub-groups of ${name} (${subGroups})`}
        title={expanded ? 'Hide the sub-groups' : 'Show the sub-groups'}
        onClick={() => toggle(key)}
      >
        {expanded ? (
          <ExpandMoreIcon fontSize="small" />
        ) : (
          <ChevronRightIcon fontSize="small" />
        )}
      </IconButton>
    );
  };

  const nameCell = (row: TreeRow) => {
    const { group, depth } = row;
    const name = groupName(groupBy, group);
    const value = groupFilterValue(groupBy, group.key);
    const selected = isSelected(row);
    return (
      // A plain <th>: MUI's TableCell gives a body cell role="cell" whatever
      // its element, which would hide the row header from screen readers.
      <th
        scope="row"
        className={`${cellClasses.cell} ${classes.rowHeader}`}
        style={{ paddingLeft: (hasTree ? 8 : 16) + depth * 20 }}
      >
        {subGroupToggle(row, name)}
        {depth > 0 && (
          <span aria-hidden="true" className={classes.branch}>
            ↳
          </span>
        )}
        {value === undefined ? (
          name
        ) : (
          <Link
            component="button"
            variant="body2"
            className={selected ? classes.selected : undefined}
            aria-pressed={selected}
            aria-label={`Filter by ${dimension.toLowerCase()} ${name}`}
            onClick={() => props.onSelect(groupBy, value)}
          >
            {name}
          </Link>
        )}
        {depth > 0 && group.parent && (
          <span className={classes.visuallyHidden}>
            , part of {names.get(group.parent) ?? group.parent}
          </span>
        )}
      </th>
    );
  };

  if (items.length === 0) {
    return (
      <Typography variant="body2" color="textSecondary">
        No groups: no evaluated entity matches the filters.
      </Typography>
    );
  }

  return (
    <>
      <div className={classes.scroll}>
        <Table
          size="small"
          className={classes.table}
          id={tableId}
          aria-label={`Reliability by ${dimension.toLowerCase()}`}
        >
          <TableHead>
            <TableRow>
              <TableCell component="th" scope="col">
                {dimension}
              </TableCell>
              <TableCell component="th" scope="col" align="right">
                Entities
              </TableCell>
              <TableCell component="th" scope="col" align="right">
                Average score
              </TableCell>
              <TableCell component="th" scope="col" align="right">
                At target
              </TableCell>
              <TableCell component="th" scope="col" align="right">
                Gap items
              </TableCell>
              {OVERVIEW_COVERAGE_ITEMS.map(item => (
                <TableCell key={item} component="th" scope="col" align="right">
                  {COVERAGE_LABELS[item]}
                </TableCell>
              ))}
              <TableCell component="th" scope="col" align="right">
                Budget exhausted
              </TableCell>
              <TableCell component="th" scope="col" align="right">
                Budget burning
              </TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {shown.map(row => {
              const { group } = row;
              return (
                <tr key={group.key ?? '(none)'} className={cellClasses.row}>
                  {nameCell(row)}
                  <td className={numericCell}>
                    {formatNumber(group.entities)}
                    {group.directEntities !== group.entities &&
                      ` (${formatNumber(group.directEntities)} own)`}
                  </td>
                  <td className={numericCell}>
                    {formatNumber(group.averageScore)}
                  </td>
                  <td className={numericCell}>
                    {countOf(group.atTarget, group.entities)}
                  </td>
                  <td className={numericCell}>
                    {formatNumber(group.gapItems)}
                  </td>
                  {OVERVIEW_COVERAGE_ITEMS.map(item => (
                    <td key={item} className={numericCell}>
                      {formatNumber(group.coverage[item])}
                    </td>
                  ))}
                  <td className={numericCell}>
                    {formatNumber(group.budgetsExhausted)}
                  </td>
                  <td className={numericCell}>
                    {formatNumber(group.budgetsBurning)}
                  </td>
                </tr>
              );
            })}
          </TableBody>
        </Table>
      </div>
      {cut && (
        <div className={classes.more}>
          {!all && (
            <Typography
              variant="body2"
              color="textSecondary"
              component="span"
              role="status"
            >
              {formatNumber(shown.length)} of {formatNumber(open)} rows shown.{' '}
            </Typography>
          )}
          <Button
            size="small"
            aria-controls={tableId}
            onClick={() => setAll(!all)}
          >
            {all ? 'Show fewer' : `Show all ${formatNumber(open)} rows`}
          </Button>
        </div>
      )}
      <HowComputed label="How these figures are computed">
        <Typography variant="body2" component="div">
          <ul>
            <li>
              The server groups the entities that match the filters by{' '}
              {dimension.toLowerCase()}.
              {groupBy === 'owner' &&
                ' A group counts the entities of its sub-groups too (spec.parent); "own" is how many it owns directly.'}
            </li>
            <li>
              Groups with the most gap items come first; the first{' '}
              {FIRST_GROUPS} show, the rest behind a button.
              {groupBy === 'owner' &&
                ` The tree opens level by level while it stays within ${FIRST_GROUPS} rows, and always on the way to a selected group; the arrow beside a group shows or hides its sub-groups.`}
            </li>
            <li>
              Average score: the mean of the entities' last stored readiness
              scores (0–100, checks weighted as the policy says).
            </li>
            <li>
              At target: entities whose readiness level reaches the target level
              of their tier; the share is of the group's entities.
            </li>
            <li>
              Gap items: the failing checks standing between each entity and its
              target, added up.
            </li>
            <li>
              SLO, Runbook, On-call, DR tested: how many entities pass the
              slo-defined, runbook, on-call and dr-tested-recently checks.
            </li>
            <li>
              Budget exhausted / burning: how many entities have that as the
              worst state among their SLOs' error budgets (entities, not SLOs:
              the headline figures count SLOs).
            </li>
            <li>
              Open an entity's Reliability tab for its own checks and figures.
            </li>
          </ul>
        </Typography>
      </HowComputed>
    </>
  );
}
