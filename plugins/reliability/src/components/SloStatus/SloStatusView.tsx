import { ReactNode } from 'react';
import Chip from '@material-ui/core/Chip';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import { SloStatusResponse } from '@vigil/plugin-reliability-common';
import { formatTimestamp } from '../../utils/formatTimestamp';
import { FieldList } from '../FieldList';
import { HowComputed } from '../HowComputed';
import { BudgetBurnDownChart } from './BudgetBurnDownChart';
import { BudgetExplanation } from './BudgetExplanation';
import { BurnAlertList } from './BurnAlertList';
import { BurnRateTable } from './BurnRateTable';
import {
  budgetFigures,
  BudgetFigures,
  decimal,
  duration,
  percent,
} from './budgetFigures';
import { budgetExplanation, budgetHeadline } from './formatBudget';

function budgetLeft(f: BudgetFigures): string {
  const { remaining, remainingBad, allowedBad, unit } = f.errorBudget ?? {};
  if (remaining === undefined) return 'no data';
  const left = percent(Math.max(0, remaining));
  if (remainingBad === undefined || allowedBad === undefined) return left;
  return `${left} (${decimal(Math.max(0, remainingBad))} of ${decimal(
    allowedBad,
  )} bad ${unit ?? 'events'} left)`;
}

function timeToExhaustion(f: BudgetFigures): string {
  const remaining = f.errorBudget?.remaining;
  if (remaining === undefined) return 'no data';
  if (remaining <= 0) return 'already exhausted';
  if (f.timeToExhaustionSeconds === undefined) {
    return 'not projected: no burn window has a burn rate above 0';
  }
  return `${duration(f.timeToExhaustionSeconds)} at the ${
    f.timeToExhaustionWindow
  } burn rate`;
}

/**
 * One SLO's error budget: state and policy action, budget left, time to
 * exhaustion, the burn-down chart, the burn rate per window and the alerts,
 * each with the inputs behind it. Used on the Reliability tab of a service
 * and on the SLO's own entity page.
 */
export function SloStatusView(props: {
  status: SloStatusResponse;
  /** The SLO's name as a link or text, for the heading. */
  heading: ReactNode;
  /** A plain name for labels, e.g. `orders-availability`. */
  sloName: string;
}) {
  const { status, sloName } = props;
  const f = budgetFigures(status);
  return (
    <div>
      <Typography variant="h6" component="h3">
        {props.heading} <Chip size="small" label={status.state} />{' '}
        {budgetHeadline(status)}
        {status.source.status === 'stale' && (
          <Typography component="span" color="error">
            {' '}
            (stale: {status.source.reason})
          </Typography>
        )}
      </Typography>
      <Typography variant="body2" color="textSecondary">
        {budgetExplanation(status)}
      </Typography>
      <Grid container spacing={2}>
        <Grid item xs={12} md={6}>
          <FieldList
            fields={[
              { label: 'State', value: status.state },
              { label: 'Policy action', value: f.action ?? 'none given' },
              { label: 'Budget left', value: budgetLeft(f) },
              { label: 'Time to exhaustion', value: timeToExhaustion(f) },
              {
                label: 'Target',
                value:
                  f.target === undefined ? 'unknown' : percent(f.target, 3),
              },
              {
                label: 'SLI',
                value: f.sli === undefined ? 'no data' : percent(f.sli, 3),
              },
              {
                label: 'Evaluated',
                value: `${formatTimestamp(status.evaluatedAt)} · source ${
                  status.source.status
                }`,
              },
            ]}
          />
          <HowComputed label={`How the budget of ${sloName} is computed`}>
            <BudgetExplanation state={status.state} figures={f} />
          </HowComputed>
        </Grid>
        <Grid item xs={12} md={6}>
          <Typography variant="subtitle1" component="h4">
            Budget burn-down
          </Typography>
          <BudgetBurnDownChart sloName={sloName} history={status.history} />
        </Grid>
        {f.burnRates && f.burnRates.length > 0 && f.target !== undefined && (
          <Grid item xs={12}>
            <Typography variant="subtitle1" component="h4">
              Burn rate per window
            </Typography>
            <BurnRateTable
              sloName={sloName}
              burnRates={f.burnRates}
              target={f.target}
            />
            {f.alerts && f.alerts.length > 0 && (
              <BurnAlertList sloName={sloName} alerts={f.alerts} />
            )}
          </Grid>
        )}
      </Grid>
    </div>
  );
}
