import Typography from '@material-ui/core/Typography';
import { useTheme } from '@material-ui/core/styles';
import { SloStatusResponse } from '@vigil/plugin-reliability-common';
import {
  CartesianGrid,
  Line,
  LineChart,
  ReferenceLine,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { formatTimestamp } from '../../utils/formatTimestamp';
import { ChartFigure } from '../ChartFigure';
import { percent } from './budgetFigures';
import {
  shownRemaining,
  sortedBudgetHistory,
  summarizeBudgetHistory,
} from './summarizeBudgetHistory';

const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/**
 * The error budget left over time (the burn-down), from the SLO's stored
 * statuses; 0 % is exhaustion. Points without data leave a gap.
 */
export function BudgetBurnDownChart(props: {
  sloName: string;
  history: SloStatusResponse['history'];
}) {
  const theme = useTheme();
  const points = sortedBudgetHistory(props.history);
  const summary = summarizeBudgetHistory(points);
  if (!summary) {
    return (
      <Typography variant="body2" color="textSecondary">
        No budget history yet: a point is stored at each evaluation of this SLO
        that has data.
      </Typography>
    );
  }
  const data = points.map(p => ({
    time: Date.parse(p.at),
    left:
      p.remaining === undefined
        ? null
        : Math.round(shownRemaining(p.remaining) * 1000) / 10,
  }));
  return (
    <ChartFigure
      summary={summary}
      height={180}
      table={{
        caption: `Budget history of ${props.sloName}`,
        columns: ['At', 'State', 'Budget left', 'SLI'],
        rows: points.map(p => ({
          key: p.at,
          cells: [
            formatTimestamp(p.at),
            p.state,
            p.remaining === undefined
              ? 'no data'
              : percent(shownRemaining(p.remaining)),
            p.sli === undefined ? 'no data' : percent(p.sli, 3),
          ],
        })),
      }}
    >
      <LineChart data={data} margin={{ top: 8, right: 16, bottom: 0, left: 0 }}>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis
          dataKey="time"
          type="number"
          scale="time"
          domain={['dataMin', 'dataMax']}
          tickFormatter={day}
        />
        <YAxis domain={[0, 100]} unit=" %" width={56} />
        <ReferenceLine y={0} stroke={theme.palette.error.main} />
        <Tooltip
          labelFormatter={value =>
            formatTimestamp(new Date(value).toISOString())
          }
          formatter={(value: number) => [`${value} %`, 'Budget left']}
        />
        <Line
          type="linear"
          dataKey="left"
          stroke={theme.palette.primary.main}
          strokeWidth={2}
          dot={false}
          connectNulls={false}
          isAnimationActive={false}
        />
      </LineChart>
    </ChartFigure>
  );
}
