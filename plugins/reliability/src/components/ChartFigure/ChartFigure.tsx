import { ReactElement, ReactNode } from 'react';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { ResponsiveContainer } from 'recharts';
import { Disclosure } from '../HowComputed';

/** The data behind a chart, as a table for keyboard and screen-reader users. */
export interface ChartTable {
  /** Names the table, e.g. "Score history data". */
  caption: string;
  columns: string[];
  rows: Array<{ key: string; cells: ReactNode[] }>;
}

/**
 * A chart with its text summary as the figure's caption, and the data as a
 * table on demand. The drawing itself is hidden from assistive technology:
 * the caption says what it shows and the table holds every point.
 *
 * Without ResizeObserver (old browsers, jsdom) the drawing is left out; the
 * summary and the table still are there.
 */
export function ChartFigure(props: {
  summary: string;
  table: ChartTable;
  /** A recharts chart, sized by its container. */
  children: ReactElement;
  height?: number;
}) {
  const canMeasure = typeof ResizeObserver !== 'undefined';
  return (
    <figure style={{ margin: 0 }}>
      <div aria-hidden="true">
        {canMeasure && (
          <ResponsiveContainer width="100%" height={props.height ?? 220}>
            {props.children}
          </ResponsiveContainer>
        )}
      </div>
      <Typography component="figcaption" variant="body2">
        {props.summary}
      </Typography>
      <Disclosure label="Show the data as a table">
        <Table size="small" aria-label={props.table.caption}>
          <TableHead>
            <TableRow>
              {props.table.columns.map(column => (
                <TableCell key={column} component="th" scope="col">
                  {column}
                </TableCell>
              ))}
            </TableRow>
          </TableHead>
          <TableBody>
            {props.table.rows.map(row => (
              <TableRow key={row.key}>
                {row.cells.map((cell, index) => (
                  <TableCell key={props.table.columns[index]}>{cell}</TableCell>
                ))}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </Disclosure>
    </figure>
  );
}
