import { InfoCard } from '@backstage/core-components';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import Typography from '@material-ui/core/Typography';
import { EntityReliabilityResponse } from '@vigil/plugin-reliability-common';
import { ExternalLink } from '../ExternalLink';
import { FieldList, NotDeclared } from '../FieldList';
import { AbsentValue } from '../ProfileValue';

const PROVIDER_NAMES: Record<string, string> = {
  pagerduty: 'PagerDuty',
  opsgenie: 'Opsgenie',
};

/**
 * Who owns the entity and who is paged: the owner (with the verdict of the
 * owner-resolves check when the owner is not an existing group), the
 * on-call routing found in its annotations, and its runbook and dashboard.
 */
export function OwnershipCard(props: { response: EntityReliabilityResponse }) {
  const { entity, profile, readiness } = props.response;
  const ownerCheck = readiness.checks.find(c => c.id === 'owner-resolves');
  const ownerProblem =
    ownerCheck && ['fail', 'no-data', 'error'].includes(ownerCheck.state)
      ? ownerCheck.message
      : undefined;
  return (
    <InfoCard
      title="Ownership and on-call"
      titleTypographyProps={{ component: 'h2' }}
    >
      <FieldList
        fields={[
          {
            label: 'Owner',
            value: entity.owner ? (
              <>
                <EntityRefLink entityRef={entity.owner} defaultKind="group" />
                {ownerProblem && (
                  <Typography variant="body2" color="error">
                    {ownerProblem}
                  </Typography>
                )}
              </>
            ) : (
              <NotDeclared />
            ),
          },
          ...(entity.system
            ? [
                {
                  label: 'System',
                  value: (
                    <EntityRefLink
                      entityRef={entity.system}
                      defaultKind="system"
                    />
                  ),
                },
              ]
            : []),
          {
            label: 'On-call',
            value:
              profile.onCall.length > 0 ? (
                <List dense disablePadding aria-label="On-call routing">
                  {profile.onCall.map(onCall => (
                    <ListItem
                      key={`${onCall.annotation}=${onCall.value}`}
                      disableGutters
                    >
                      <Typography variant="body2">
                        {PROVIDER_NAMES[onCall.provider] ?? onCall.provider}:{' '}
                        <code>{onCall.value}</code> ({onCall.annotation})
                      </Typography>
                    </ListItem>
                  ))}
                </List>
              ) : (
                <NotDeclared />
              ),
          },
          {
            label: 'Runbook',
            value: profile.runbook ? (
              <ExternalLink href={profile.runbook.url}>Runbook</ExternalLink>
            ) : (
              <AbsentValue profile={profile} field="runbook" />
            ),
          },
          {
            label: 'Dashboard',
            value: profile.dashboard ? (
              <ExternalLink href={profile.dashboard.url}>
                Dashboard
              </ExternalLink>
            ) : (
              <AbsentValue profile={profile} field="dashboard" />
            ),
          },
        ]}
      />
    </InfoCard>
  );
}
