import { useCallback, useState } from 'react';
import {
  Entity,
  getCompoundEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import useAsync from 'react-use/esm/useAsync';
import { reliabilityApiRef } from '../../api';
import { formatTimestamp } from '../../utils/formatTimestamp';
import { DrPanel } from '../DisasterRecovery';
import { ExemptionsCard } from '../Exemptions';
import { OwnershipCard } from '../Ownership';
import { ScoreHistoryCard } from '../ScoreHistory';
import { SloEntityContent } from '../SloStatus';
import { hasReliabilityMetadata } from './hasReliabilityMetadata';
import { MetadataErrorsPanel } from './MetadataErrorsPanel';
import { NoReliabilityMetadata } from './NoReliabilityMetadata';
import { ReadinessCard } from './ReadinessCard';
import { SloListCard } from './SloListCard';

/** What the enforcement mode means for this entity, in one sentence. */
function enforcementExplanation(mode: 'off' | 'warn' | 'enforce'): string {
  switch (mode) {
    case 'enforce':
      return 'Enforced: the catalog refuses new versions of this entity until these are fixed.';
    case 'warn':
      return 'Warning: the catalog admits this entity; fix these before the policy is enforced.';
    default:
      return 'Not enforced for this entity; shown for information.';
  }
}

/** The Reliability tab of a Component, System or Resource. */
function ServiceReliabilityContent(props: { entity: Entity }) {
  const { entity } = props;
  const reliabilityApi = useApi(reliabilityApiRef);
  const entityRef = stringifyEntityRef(entity);
  // Bumped after a re-evaluation, a grant or a revocation: everything that
  // depends on the readiness result loads again.
  const [reloadKey, setReloadKey] = useState(0);
  const reload = useCallback(() => setReloadKey(key => key + 1), []);

  const { value, loading, error } = useAsync(
    () => reliabilityApi.getEntityReliability(getCompoundEntityRef(entity)),
    // The ref, not the entity object: a catalog refresh must not refetch.
    [reliabilityApi, entityRef, reloadKey],
  );

  // On a reload the last answer stays on screen until the new one arrives.
  if (loading && !value) {
    return <Progress />;
  }
  if (error) {
    return <ResponseErrorPanel error={error} />;
  }
  if (!value) {
    return null;
  }

  const { profile, profileChangedAt, metadataPolicy, readiness } = value;
  const compoundRef = getCompoundEntityRef(entity);
  // Parse errors have their own panel; the rest are the policy's findings.
  const policyFindings = metadataPolicy.violations.filter(
    v => v.rule !== 'metadata-valid',
  );
  return (
    <Grid container spacing={3}>
      <Grid item xs={12}>
        <ReadinessCard
          readiness={readiness}
          profile={profile}
          entityRef={compoundRef}
          onChanged={reload}
        />
      </Grid>
      {profile.errors.length > 0 && (
        <Grid item xs={12}>
          <MetadataErrorsPanel errors={profile.errors} />
        </Grid>
      )}
      {policyFindings.length > 0 && (
        <Grid item xs={12}>
          <MetadataErrorsPanel
            title="Policy findings"
            subheader={enforcementExplanation(metadataPolicy.enforcement)}
            errors={policyFindings}
          />
        </Grid>
      )}
      <Grid item xs={12} md={6}>
        <OwnershipCard response={value} />
      </Grid>
      <Grid item xs={12} md={6}>
        {hasReliabilityMetadata(profile) ? (
          <DrPanel response={value} />
        ) : (
          <NoReliabilityMetadata entityName={entity.metadata.name} />
        )}
      </Grid>
      <Grid item xs={12}>
        <SloListCard entity={entity} />
      </Grid>
      <Grid item xs={12} md={6}>
        <ScoreHistoryCard entityRef={compoundRef} reloadKey={reloadKey} />
      </Grid>
      <Grid item xs={12} md={6}>
        <ExemptionsCard
          entityRef={readiness.entityRef}
          checks={readiness.checks}
          reloadKey={reloadKey}
          onChanged={reload}
        />
      </Grid>
      <Grid item xs={12}>
        <Typography variant="caption" color="textSecondary">
          Metadata last changed{' '}
          <time dateTime={profileChangedAt}>
            {formatTimestamp(profileChangedAt)}
          </time>
        </Typography>
      </Grid>
    </Grid>
  );
}

/**
 * The Reliability tab of an entity page. SLO entities (kind SLO) get their
 * own view: the error budget of that SLO.
 */
export function EntityReliabilityContent() {
  const { entity } = useEntity();
  if (entity.kind.toLocaleLowerCase('en-US') === 'slo') {
    return <SloEntityContent />;
  }
  return <ServiceReliabilityContent entity={entity} />;
}
