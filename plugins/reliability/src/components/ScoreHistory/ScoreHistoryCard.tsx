import { CompoundEntityRef } from '@backstage/catalog-model';
import {
  EmptyState,
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import useAsync from 'react-use/esm/useAsync';
import { reliabilityApiRef } from '../../api';
import { ScoreHistoryChart } from './ScoreHistoryChart';

/** Days of history the card asks for. */
export const SCORE_HISTORY_DAYS = 90;

/**
 * The readiness score of the last 90 days, from the snapshots the backend
 * stores at each evaluation that changed something (and once a day).
 * `reloadKey` changes when the entity was re-evaluated, to fetch again.
 */
export function ScoreHistoryCard(props: {
  entityRef: CompoundEntityRef;
  reloadKey?: number;
}) {
  const api = useApi(reliabilityApiRef);
  const { kind, namespace, name } = props.entityRef;
  const { value, loading, error } = useAsync(
    () =>
      api.getReadinessHistory(
        { kind, namespace, name },
        { days: SCORE_HISTORY_DAYS },
      ),
    [api, kind, namespace, name, props.reloadKey],
  );

  let body;
  if (loading && !value) {
    body = <Progress />;
  } else if (error) {
    body = <ResponseErrorPanel error={error} />;
  } else if (!value || value.items.length === 0) {
    body = (
      <EmptyState
        missing="data"
        title="No score history yet"
        description="A snapshot is stored each time the readiness changes, and once a day. Press Re-evaluate now to store the first one."
      />
    );
  } else {
    body = <ScoreHistoryChart items={value.items} />;
  }
  return (
    <InfoCard
      title="Score history"
      subheader={`Readiness score over the last ${SCORE_HISTORY_DAYS} days`}
      titleTypographyProps={{ component: 'h2' }}
    >
      {body}
    </InfoCard>
  );
}
