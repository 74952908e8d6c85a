import { parseEntityRef } from '@backstage/catalog-model';
import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import useAsync from 'react-use/esm/useAsync';
import { reliabilityApiRef } from '../../api';
import { SloStatusView } from './SloStatusView';

/** Loads one SLO's status and shows it, named by a link to the SLO. */
export function SloStatusItem(props: { sloRef: string }) {
  const api = useApi(reliabilityApiRef);
  const { value, error, loading } = useAsync(
    () => api.getSloStatus(parseEntityRef(props.sloRef)),
    [api, props.sloRef],
  );
  const name = parseEntityRef(props.sloRef).name;
  if (loading) {
    return <Progress aria-label={`Loading the error budget of ${name}`} />;
  }
  if (error) {
    return (
      <ResponseErrorPanel
        title={`The error budget of ${name} could not be loaded`}
        error={error}
      />
    );
  }
  if (!value) return null;
  return (
    <SloStatusView
      status={value}
      sloName={name}
      heading={<EntityRefLink entityRef={props.sloRef} defaultKind="slo" />}
    />
  );
}
