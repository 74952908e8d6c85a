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
import { EntityRefLink, useEntity } from '@backstage/plugin-catalog-react';
import Typography from '@material-ui/core/Typography';
import useAsync from 'react-use/esm/useAsync';
import { reliabilityApiRef } from '../../api';
import { SloStatusView } from './SloStatusView';

/**
 * The Reliability tab of an SLO entity (kind SLO): the same SLO card the
 * service's tab shows, for this SLO alone, with a link to its service.
 */
export function SloEntityContent() {
  const { entity } = useEntity();
  const api = useApi(reliabilityApiRef);
  const sloRef = stringifyEntityRef(entity);
  const { value, loading, error } = useAsync(
    () => api.getSloStatus(getCompoundEntityRef(entity)),
    [api, sloRef],
  );
  const name = entity.metadata.title ?? entity.metadata.name;

  let body;
  if (loading) {
    body = <Progress />;
  } else if (error) {
    body = <ResponseErrorPanel error={error} />;
  } else if (value) {
    body = (
      <>
        {value.serviceRef && (
          <Typography variant="body2" gutterBottom>
            Service:{' '}
            <EntityRefLink
              entityRef={value.serviceRef}
              defaultKind="component"
            />
          </Typography>
        )}
        <SloStatusView
          status={value}
          sloName={entity.metadata.name}
          heading={name}
        />
      </>
    );
  }
  return (
    <InfoCard title="Error budget" titleTypographyProps={{ component: 'h2' }}>
      {body}
    </InfoCard>
  );
}
