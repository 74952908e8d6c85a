import { InfoCard } from '@backstage/core-components';
import Chip from '@material-ui/core/Chip';
import Typography from '@material-ui/core/Typography';
import {
  ProfileLink,
  ReliabilityProfile,
} from '@vigil/plugin-reliability-common';
import { ExternalLink } from '../ExternalLink';
import { FieldList, NotDeclared } from '../FieldList';

function linkOrNotDeclared(link: ProfileLink | undefined, text: string) {
  return link ? (
    <ExternalLink href={link.url}>{text}</ExternalLink>
  ) : (
    <NotDeclared />
  );
}

/** The entity's declared reliability metadata, one labelled row per field. */
export function ReliabilityMetadataCard(props: {
  profile: ReliabilityProfile;
}) {
  const { tier, runbook, dashboard, rto, rpo, dr } = props.profile;
  return (
    <InfoCard
      title="Reliability metadata"
      titleTypographyProps={{ component: 'h2' }}
    >
      <FieldList
        fields={[
          {
            label: 'Tier',
            value: tier ? (
              <Chip size="small" label={tier.label} />
            ) : (
              <NotDeclared />
            ),
          },
          { label: 'Runbook', value: linkOrNotDeclared(runbook, 'Runbook') },
          {
            label: 'Dashboard',
            value: linkOrNotDeclared(dashboard, 'Dashboard'),
          },
          { label: 'RTO', value: rto ? rto.text : <NotDeclared /> },
          { label: 'RPO', value: rpo ? rpo.text : <NotDeclared /> },
        ]}
      />
      <Typography variant="h6" component="h3" gutterBottom>
        Disaster recovery
      </Typography>
      <FieldList
        fields={[
          { label: 'Strategy', value: dr.strategy ?? <NotDeclared /> },
          { label: 'Last DR test', value: dr.lastTested ?? <NotDeclared /> },
          // "DR procedure", not "DR runbook": keeps "Runbook" the only link named so.
          {
            label: 'DR runbook',
            value: linkOrNotDeclared(dr.runbook, 'DR procedure'),
          },
        ]}
      />
    </InfoCard>
  );
}
