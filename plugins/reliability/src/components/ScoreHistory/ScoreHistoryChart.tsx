import { useTheme } from '@material-ui/core/styles';
import {
  CartesianGrid,
  Line,
  LineChart,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { ReadinessHistoryPoint } from '../../api/ReliabilityApi';
import { formatTimestamp } from '../../utils/formatTimestamp';
import { ChartFigure } from '../ChartFigure';
import { sortedHistory, summarizeScoreHistory } from './summarizeScoreHistory';

const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/**
 * The readiness score over time as a step line (the score holds between
 * evaluations), with its summary as caption and every snapshot as a table.
 */
export function ScoreHistoryChart(props: { items: ReadinessHistoryPoint[] }) {
  const theme = useTheme();
  const points = sortedHistory(props.items);
  const data = points.map(p => ({ ...p, time: Date.parse(p.at) }));
  return (
    <ChartFigure
      summary={summarizeScoreHistory(points)}
      table={{
        caption: 'Score history data',
        columns: ['Evaluated', 'Score', 'Level', 'Missing items'],
        rows: points.map(p => ({
          key: p.at,
          cells: [
            formatTimestamp(p.at),
            p.score,
            p.level ?? 'none',
            p.gapCount,
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
        <YAxis domain={[0, 100]} width={40} />
        <Tooltip
          labelFormatter={value =>
            formatTimestamp(new Date(value).toISOString())
          }
          formatter={(value: number) => [value, 'Score']}
        />
        <Line
          type="stepAfter"
          dataKey="score"
          stroke={theme.palette.primary.main}
          strokeWidth={2}
          dot
          isAnimationActive={false}
        />
      </LineChart>
    </ChartFigure>
  );
}
