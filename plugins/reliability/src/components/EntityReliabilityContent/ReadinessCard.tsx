import { CompoundEntityRef } from '@backstage/catalog-model';
import { InfoCard } from '@backstage/core-components';
import Chip from '@material-ui/core/Chip';
import Typography from '@material-ui/core/Typography';
import {
  ReadinessResult,
  ReliabilityProfile,
} from '@vigil/plugin-reliability-common';
import { formatTimestamp } from '../../utils/formatTimestamp';
import { FieldList } from '../FieldList';
import { HowComputed } from '../HowComputed';
import { AbsentValue } from '../ProfileValue';
import { AllChecksList, GapList } from './CheckLists';
import { ReEvaluateButton } from './ReEvaluateButton';
import { ScoreExplanation } from './ScoreExplanation';

/**
 * Readiness for the tier: tier, score, level against the target, and the
 * gap as a checklist with the YAML that fixes each item; then every check.
 * "Re-evaluate now" re-runs the evaluation; users with the permission can
 * grant an exemption on a check that does not pass. `onChanged` reloads
 * the tab after either.
 */
export function ReadinessCard(props: {
  readiness: ReadinessResult;
  profile: ReliabilityProfile;
  entityRef: CompoundEntityRef;
  onChanged: () => void;
}) {
  const { readiness, profile } = props;
  const ref = readiness.entityRef;
  return (
    <InfoCard title="Readiness" titleTypographyProps={{ component: 'h2' }}>
      <Typography variant="h6" component="p">
        Score {readiness.score} · level {readiness.level ?? 'none'}
        {readiness.targetLevel
          ? ` · target ${readiness.targetLevel} for ${readiness.tier}`
          : ' · no target (tier not declared)'}
      </Typography>
      <FieldList
        fields={[
          {
            label: 'Tier',
            value: profile.tier ? (
              <Chip size="small" label={profile.tier.label} />
            ) : (
              <AbsentValue profile={profile} field="tier" />
            ),
          },
          {
            label: 'Evaluated',
            value: (
              <time dateTime={readiness.evaluatedAt}>
                {formatTimestamp(readiness.evaluatedAt)}
              </time>
            ),
          },
        ]}
      />
      <HowComputed label="How the score is computed">
        <ScoreExplanation readiness={readiness} />
      </HowComputed>
      <ReEvaluateButton
        entityRef={props.entityRef}
        shown={readiness}
        onEvaluated={props.onChanged}
      />
      {readiness.gap.length > 0 ? (
        <>
          <Typography variant="h6" component="h3">
            What is missing ({readiness.gap.length})
          </Typography>
          <GapList
            gap={readiness.gap}
            entityRef={ref}
            onExemptionGranted={props.onChanged}
          />
        </>
      ) : (
        <Typography variant="body1">
          Nothing is missing for the target level.
        </Typography>
      )}
      <Typography variant="h6" component="h3">
        All checks
      </Typography>
      <AllChecksList
        checks={readiness.checks}
        gap={readiness.gap}
        entityRef={ref}
        onExemptionGranted={props.onChanged}
      />
    </InfoCard>
  );
}
