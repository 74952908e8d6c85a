import Typography from '@material-ui/core/Typography';
import { useTheme } from '@material-ui/core/styles';
import { OverviewTrendsResponse } from '@vigil/plugin-reliability-common';
import {
  CartesianGrid,
  Line,
  LineChart,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { ChartFigure } from '../ChartFigure';
import { HowComputed } from '../HowComputed';
import { formatNumber } from './formatNumbers';
import { summarizeTrends } from './summarizeTrends';

/**
 * The filtered entities' average score (left axis, 0–100) and how many
 * were at target (right axis), a point a day, with the summary as the
 * caption and every point as a table on demand.
 */
export function OverviewTrendsChart(props: {
  response: OverviewTrendsResponse;
  days: number;
}) {
  const theme = useTheme();
  const { items } = props.response;
  const summary = summarizeTrends(items, props.days);
  const how = (
    <HowComputed label="How the trend is computed">
      <Typography variant="body2">
        The solid line is the average score (left axis), the dashed step line
        the number of entities at target (right axis). Each day's point comes
        from the readiness history the backend stores (a point per change, daily
        otherwise): the average of the filtered entities' scores that day, and
        how many of them were at their tier's target level.
      </Typography>
    </HowComputed>
  );
  if (!items.some(p => p.entities > 0)) {
    return (
      <>
        <Typography variant="body2" color="textSecondary">
          {summary}
        </Typography>
        {how}
      </>
    );
  }
  return (
    <>
      <ChartFigure
        summary={summary}
        height={240}
        table={{
          caption: 'Trend data',
          columns: ['Date', 'Entities', 'Average score', 'At target'],
          rows: items.map(p => ({
            key: p.date,
            cells: [
              p.date,
              formatNumber(p.entities),
              formatNumber(p.averageScore),
              formatNumber(p.atTarget),
            ],
          })),
        }}
      >
        <LineChart
          data={items}
          margin={{ top: 8, right: 8, bottom: 0, left: 0 }}
        >
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="date" minTickGap={24} />
          <YAxis yAxisId="score" domain={[0, 100]} width={40} />
          <YAxis
            yAxisId="count"
            orientation="right"
            allowDecimals={false}
            width={48}
          />
          <Tooltip />
          <Line
            yAxisId="score"
            type="monotone"
            dataKey="averageScore"
            name="Average score"
            stroke={theme.palette.primary.main}
            strokeWidth={2}
            dot={false}
            isAnimationActive={false}
          />
          <Line
            yAxisId="count"
            type="stepAfter"
            dataKey="atTarget"
            name="At target"
            stroke={theme.palette.secondary.main}
            strokeDasharray="6 3"
            strokeWidth={2}
            dot={false}
            isAnimationActive={false}
          />
        </LineChart>
      </ChartFigure>
      {how}
    </>
  );
}
