import {
  Entity,
  getCompoundEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { CodeSnippet, InfoCard } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import Typography from '@material-ui/core/Typography';
import {
  openSloSkeleton,
  RELATION_HAS_SLO,
} from '@vigil/plugin-reliability-common';
import useAsync from 'react-use/esm/useAsync';
import { reliabilityApiRef } from '../../api';
import { SloStatusItem } from '../SloStatus';

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
      <Typography variant="body2" color="textSecondary">
        Worst budget state among the SLOs: {value.state}. Each line below says
        whether that SLO's state blocks a deploy under the gate's settings
        (reliability.deployGate).
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
              <ListItem
                key={ref}
                divider
                disableGutters
                style={{ display: 'block' }}
              >
                <SloStatusItem sloRef={ref} />
              </ListItem>
            ))}
          </List>
          <DeployGate entity={props.entity} />
        </>
      ) : (
        <>
          <Typography variant="body2" color="textSecondary">
            No SLO refers to this entity yet. Register an OpenSLO document
            (apiVersion openslo/v1, kind SLO) whose spec.service names it, for
            example:
          </Typography>
          <CodeSnippet
            text={openSloSkeleton({
              serviceRef: stringifyEntityRef(props.entity),
              serviceName: props.entity.metadata.name,
              sloKind: 'availability',
              target: 0.999,
            })}
            language="yaml"
            showCopyCodeButton
          />
        </>
      )}
    </InfoCard>
  );
}
