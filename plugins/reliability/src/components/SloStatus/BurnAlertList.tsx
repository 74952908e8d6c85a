import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import Typography from '@material-ui/core/Typography';
import { BurnAlert } from '@vigil/plugin-reliability-common';
import { decimal } from './budgetFigures';

const rate = (value?: number) =>
  value === undefined ? 'no data' : `${decimal(value)}×`;

/**
 * The multi-window burn-rate alerts: each fires when the burn rates over
 * both its windows are above its threshold; shown with both rates.
 */
export function BurnAlertList(props: { sloName: string; alerts: BurnAlert[] }) {
  return (
    <List
      dense
      disablePadding
      aria-label={`Burn-rate alerts of ${props.sloName}`}
    >
      {props.alerts.map(alert => (
        <ListItem key={alert.name} disableGutters>
          <Typography variant="body2">
            <strong>{alert.firing ? 'Firing' : 'Quiet'}</strong> · {alert.name}{' '}
            ({alert.severity}): {alert.longWindow} at {rate(alert.longBurnRate)}{' '}
            and {alert.shortWindow} at {rate(alert.shortBurnRate)}, threshold{' '}
            {decimal(alert.factor)}×
          </Typography>
        </ListItem>
      ))}
    </List>
  );
}
