import { InfoCard } from '@backstage/core-components';
import Chip from '@material-ui/core/Chip';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import Typography from '@material-ui/core/Typography';
import { EntityReliabilityResponse } from '@vigil/plugin-reliability-common';
import { ExternalLink } from '../ExternalLink';
import { FieldList } from '../FieldList';
import { HowComputed } from '../HowComputed';
import { AbsentValue } from '../ProfileValue';
import { DR_CHECK_IDS, nextDrTest, rpoVerdict, rtoVerdict } from './drFacts';

/**
 * Disaster recovery: strategy, RTO and RPO against the tier's limits, the
 * last DR test and when the next is due, and the DR procedure. The
 * verdicts come from the readiness checks; "How this is judged" lists
 * those checks with their full messages.
 */
export function DrPanel(props: { response: EntityReliabilityResponse }) {
  const { profile, readiness } = props.response;
  const { rto, rpo, dr } = profile;
  const rtoCheck = rtoVerdict(props.response);
  const rpoCheck = rpoVerdict(props.response);
  const next = nextDrTest(props.response);
  const tier = readiness.tier ?? 'the tier';
  const checks = DR_CHECK_IDS.map(id =>
    readiness.checks.find(c => c.id === id),
  ).filter(c => c !== undefined);
  return (
    <InfoCard
      title="Disaster recovery"
      titleTypographyProps={{ component: 'h2' }}
    >
      <FieldList
        fields={[
          {
            label: 'Strategy',
            value: dr.strategy ?? (
              <AbsentValue profile={profile} field="drStrategy" />
            ),
          },
          {
            label: 'RTO',
            value: rto ? (
              rto.text
            ) : (
              <AbsentValue profile={profile} field="rto" />
            ),
          },
          { label: `RTO against ${tier}`, value: rtoCheck.verdict },
          {
            label: 'RPO',
            value: rpo ? (
              rpo.text
            ) : (
              <AbsentValue profile={profile} field="rpo" />
            ),
          },
          { label: `RPO against ${tier}`, value: rpoCheck.verdict },
          {
            label: 'Last DR test',
            value: dr.lastTested ?? (
              <AbsentValue profile={profile} field="drTested" />
            ),
          },
          {
            label: 'Next DR test due',
            value: (
              <Typography
                component="span"
                variant="body2"
                color={next.overdue ? 'error' : 'inherit'}
              >
                {next.text}
              </Typography>
            ),
          },
          // "DR procedure", not "DR runbook": keeps "Runbook" the only link named so.
          {
            label: 'DR runbook',
            value: dr.runbook ? (
              <ExternalLink href={dr.runbook.url}>DR procedure</ExternalLink>
            ) : (
              <AbsentValue profile={profile} field="drRunbook" />
            ),
          },
        ]}
      />
      <HowComputed label="How disaster recovery is judged">
        <Typography variant="body2">
          The readiness checks below compare the declared values with the limits
          the policy sets for {tier}. A limit is named here when a value is over
          it.
        </Typography>
        <List dense disablePadding aria-label="Disaster-recovery checks">
          {checks.map(check => (
            <ListItem
              key={check.id}
              disableGutters
              style={{ display: 'block' }}
            >
              <Typography variant="body2" component="div">
                <Chip size="small" variant="outlined" label={check.state} />{' '}
                <strong>{check.title}</strong>
              </Typography>
              {check.message && (
                <Typography
                  variant="body2"
                  color="textSecondary"
                  style={{ whiteSpace: 'pre-line' }}
                >
                  {check.message}
                </Typography>
              )}
            </ListItem>
          ))}
        </List>
      </HowComputed>
    </InfoCard>
  );
}
