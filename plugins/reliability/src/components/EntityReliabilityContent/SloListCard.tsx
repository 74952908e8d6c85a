import { Entity } from '@backstage/catalog-model';
import { InfoCard } from '@backstage/core-components';
import { EntityRefLinks } from '@backstage/plugin-catalog-react';
import Typography from '@material-ui/core/Typography';
import { RELATION_HAS_SLO } from '@vigil/plugin-reliability-common';

/**
 * The SLOs the catalog relates to this entity (`hasSLO`, emitted by the
 * catalog module from OpenSLO documents). Budgets arrive with the
 * error-budget work; this card tells the developer what exists.
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
        <EntityRefLinks entityRefs={sloRefs} defaultKind="slo" />
      ) : (
        <Typography variant="body2" color="textSecondary">
          No SLO refers to this entity yet. Register an OpenSLO document
          (apiVersion openslo/v1, kind SLO) whose spec.service names it.
        </Typography>
      )}
    </InfoCard>
  );
}
