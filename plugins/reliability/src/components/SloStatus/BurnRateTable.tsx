import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { BurnRate } from '@vigil/plugin-reliability-common';
import { count, decimal, percent } from './budgetFigures';

/** Bad over total in the window: events, or slices for the slice methods. */
function badOfTotal(rate: BurnRate): string {
  if (rate.slices) {
    return `${count(rate.slices.bad)} / ${count(rate.slices.measured)} slices`;
  }
  return `${count(rate.total - rate.good)} / ${count(rate.total)} events`;
}

/**
 * The burn rate over each window, with what it is made of in the same row:
 * bad and total, the error ratio, and the ratio divided by the budget share.
 */
export function BurnRateTable(props: {
  sloName: string;
  burnRates: BurnRate[];
  target: number;
}) {
  const budget = 1 - props.target;
  return (
    <>
      <Table size="small" aria-label={`Burn rates of ${props.sloName}`}>
        <TableHead>
          <TableRow>
            {[
              'Window',
              'Bad / total',
              'Error ratio',
              'Burn rate',
              'Coverage',
            ].map(column => (
              <TableCell key={column} component="th" scope="col">
                {column}
              </TableCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          {props.burnRates.map(rate => (
            <TableRow key={rate.window}>
              <TableCell component="th" scope="row">
                {rate.window}
              </TableCell>
              <TableCell>{badOfTotal(rate)}</TableCell>
              <TableCell>
                {rate.errorRatio === undefined
                  ? 'no data'
                  : percent(rate.errorRatio, 3)}
              </TableCell>
              <TableCell>
                {rate.burnRate === undefined
                  ? 'no data'
                  : `${decimal(rate.burnRate)}×`}
              </TableCell>
              <TableCell>{percent(rate.coverage, 0)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <Typography variant="caption" color="textSecondary">
        Burn rate = error ratio ÷ error budget share ({percent(budget, 3)}, that
        is 1 − target). 1× spends the budget exactly over the SLO window.
      </Typography>
    </>
  );
}
