import {
  getCompoundEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { useEntity, useEntityRefLink } from '@backstage/plugin-catalog-react';
import useAsync from 'react-use/esm/useAsync';
import { reliabilityApiRef } from '../../api';
import { FieldList, NotDeclared } from '../FieldList';
import { WorstBudget } from './WorstBudget';

/**
 * A compact summary of the entity's reliability for its overview: tier,
 * level against target, score, the worst error budget, the top missing
 * item; the tab it links to explains each number.
 */
export function EntityReliabilityCard() {
  const { entity } = useEntity();
  const reliabilityApi = useApi(reliabilityApiRef);
  const entityRef = stringifyEntityRef(entity);
  const entityLink = useEntityRefLink();

  const { value, loading, error } = useAsync(
    () => reliabilityApi.getEntityReliability(getCompoundEntityRef(entity)),
    [reliabilityApi, entityRef],
  );

  let body;
  if (loading) {
    body = <Progress />;
  } else if (error) {
    body = <ResponseErrorPanel error={error} />;
  } else if (value) {
    const { tier, runbook, errors } = value.profile;
    const { score, level, targetLevel, gap } = value.readiness;
    const topMissing = gap[0];
    body = (
      <FieldList
        fields={[
          { label: 'Tier', value: tier ? tier.label : <NotDeclared /> },
          {
            label: 'Level',
            value: `${level ?? 'none'}${
              targetLevel ? ` (target ${targetLevel})` : ''
            }`,
          },
          { label: 'Score', value: String(score) },
          { label: 'Worst budget', value: <WorstBudget entity={entity} /> },
          {
            label: 'Top missing item',
            value: topMissing ? topMissing.title : 'Nothing missing',
          },
          { label: 'Runbook', value: runbook ? 'Yes' : 'No' },
          { label: 'Metadata errors', value: String(errors.length) },
        ]}
      />
    );
  }

  return (
    <InfoCard
      title="Reliability"
      titleTypographyProps={{ component: 'h2' }}
      deepLink={{
        title: 'View reliability',
        // The tab's path in the entity page, as the README tells apps to mount it.
        link: `${entityLink(entityRef)}/reliability`,
      }}
    >
      {body}
    </InfoCard>
  );
}
