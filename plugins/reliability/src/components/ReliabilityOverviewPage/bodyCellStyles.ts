import { CSSProperties } from '@material-ui/core/styles/withStyles';
import {
  alpha,
  darken,
  lighten,
  makeStyles,
  Theme,
} from '@material-ui/core/styles';

/**
 * The entity table's body rows and cells are plain `<tr>`s and `<td>`s
 * styled here the way MUI's small TableRow and TableCell are under the
 * app's theme (MUI's base rules, then the theme's `overrides`, as MUI
 * applies them). A page has 550 body cells: as TableCells each was three
 * React components (withStyles, its forwardRef, the cell) with a style
 * hook and two context reads, mounted anew for most rows on every filter,
 * sort or page.
 */
type Override = CSSProperties | undefined;

function themeOverride(theme: Theme, component: string, rule: string) {
  const overrides = theme.overrides as
    | Record<string, Record<string, unknown> | undefined>
    | undefined;
  const style = overrides?.[component]?.[rule];
  // A function override needs the component's props, which plain cells do
  // not have; the default themes use objects.
  return (typeof style === 'object' ? style : undefined) as Override;
}

export const useBodyCellStyles = makeStyles(theme => ({
  row: {
    color: 'inherit',
    display: 'table-row',
    verticalAlign: 'middle',
    outline: 0,
    ...themeOverride(theme, 'MuiTableRow', 'root'),
  },
  cell: {
    ...theme.typography.body2,
    display: 'table-cell',
    verticalAlign: 'inherit',
    borderBottom: `1px solid ${
      theme.palette.type === 'light'
        ? lighten(alpha(theme.palette.divider, 1), 0.88)
        : darken(alpha(theme.palette.divider, 1), 0.68)
    }`,
    textAlign: 'left',
    ...themeOverride(theme, 'MuiTableCell', 'root'),
    color: theme.palette.text.primary,
    ...themeOverride(theme, 'MuiTableCell', 'body'),
    // MUI's small-cell padding, unless the theme gives its own.
    padding: '6px 24px 6px 16px',
    ...themeOverride(theme, 'MuiTableCell', 'sizeSmall'),
    // MUI's small cells keep this, under any theme, like the header's.
    '&:last-child': { paddingRight: 16 },
  },
  numeric: { textAlign: 'right' },
}));
