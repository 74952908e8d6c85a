import {
  Entity,
  getCompoundEntityRef,
  parseEntityRef,
} from '@backstage/catalog-model';
import { InfoCard } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Chip from '@material-ui/core/Chip';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import Typography from '@material-ui/core/Typography';
import { RELATION_HAS_SLO } from '@vigil/plugin-reliability-common';
import useAsync from 'react-use/esm/useAsync';
import { reliabilityApiRef } from '../../api';
import { budgetExplanation, budgetHeadline } from './formatBudget';

/** One SLO: its budget state, what is left and the inputs behind it. */
function SloStatusItem(props: { sloRef: string }) {
  const api = useApi(reliabilityApiRef);
  const { value, error, loading } = useAsync(
    () => api.getSloStatus(parseEntityRef(props.sloRef)),
    [api, props.sloRef],
  );
  return (
    <ListItem divider disableGutters style={{ display: 'block' }}>
      <Typography variant="body1" component="div">
        <EntityRefLink entityRef={props.sloRef} defaultKind="slo" />{' '}
        {value && (
          <>
            <Chip size="small" label={value.state} /> {budgetHeadline(value)}
            {value.source.status === 'stale' && (
              <Typography component="span" color="error">
                {' '}
                (stale: {value.source.reason})
              </Typography>
            )}
          </>
        )}
      </Typography>
      <Typography variant="body2" color="textSecondary">
        {loading && 'Loading the error budget…'}
        {error && `The error budget could not be loaded: ${error.message}`}
        {value && budgetExplanation(value)}
      </Typography>
    </ListItem>
  );
}

/** The deploy gate's answer for this entity, with its reasons. */
function DeployGate(props: { entity: Entity }) {
  const api = useApi(reliabilityApiRef);
  const { value, error } = useAsync(
    () => api.getDeployGate(getCompoundEntityRef(props.entity)),
    [api, props.entity.metadata.name],
  );
  if (error) {
    return (
      <Typography variant="body2" color="error">
        The deploy gate could not be asked: {error.message}
      </Typography>
    );
  }
  if (!value) return null;
  return (
    <div aria-label="Deploy gate">
      <Typography variant="h6" component="h3">
        Deploy gate: {value.allowed ? 'allowed' : 'blocked'}
      </Typography>
      {value.reasons.map(reason => (
        <Typography key={reason} variant="body2">
          {reason}
        </Typography>
      ))}
    </div>
  );
}

/**
 * The SLOs the catalog relates to this entity (`hasSLO`, emitted by the
 * catalog module from OpenSLO documents), each with its error budget, and
 * the deploy gate.
 */
export function SloListCard(props: { entity: Entity }) {
  const sloRefs = (props.entity.relations ?? [])
    .filter(r => r.type === RELATION_HAS_SLO)
    .map(r => r.targetRef);
  return (
    <InfoCard
      title="Service level objectives"
      titleTypographyProps={{ component: 'h2' }}
    >
      {sloRefs.length > 0 ? (
        <>
          <List disablePadding>
            {sloRefs.map(ref => (
              <SloStatusItem key={ref} sloRef={ref} />
            ))}
          </List>
          <DeployGate entity={props.entity} />
        </>
      ) : (
        <Typography variant="body2" color="textSecondary">
          No SLO refers to this entity yet. Register an OpenSLO document
          (apiVersion openslo/v1, kind SLO) whose spec.service names it.
        </Typography>
      )}
    </InfoCard>
  );
}
