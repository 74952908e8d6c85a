import { InfoCard } from '@backstage/core-components';
import Chip from '@material-ui/core/Chip';
import Typography from '@material-ui/core/Typography';
import {
  ProfileLink,
  RELIABILITY_ANNOTATIONS,
  ReliabilityAnnotationField,
  ReliabilityProfile,
} from '@vigil/plugin-reliability-common';
import { ExternalLink } from '../ExternalLink';
import { FieldList, NotDeclared } from '../FieldList';

/** A value that is absent because it is invalid must not read "Not declared". */
function InvalidValue() {
  return (
    <Typography component="span" variant="body2" color="error">
      Invalid (see Metadata errors)
    </Typography>
  );
}

/** The entity's declared reliability metadata, one labelled row per field. */
export function ReliabilityMetadataCard(props: {
  profile: ReliabilityProfile;
}) {
  const { tier, runbook, dashboard, rto, rpo, dr, errors } = props.profile;
  const absent = (field: ReliabilityAnnotationField) =>
    errors.some(
      e => e.field === `metadata.annotations.${RELIABILITY_ANNOTATIONS[field]}`,
    ) ? (
      <InvalidValue />
    ) : (
      <NotDeclared />
    );
  const linkOr = (
    link: ProfileLink | undefined,
    text: string,
    field: ReliabilityAnnotationField,
  ) =>
    link ? <ExternalLink href={link.url}>{text}</ExternalLink> : absent(field);
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
              absent('tier')
            ),
          },
          { label: 'Runbook', value: linkOr(runbook, 'Runbook', 'runbook') },
          {
            label: 'Dashboard',
            value: linkOr(dashboard, 'Dashboard', 'dashboard'),
          },
          { label: 'RTO', value: rto ? rto.text : absent('rto') },
          { label: 'RPO', value: rpo ? rpo.text : absent('rpo') },
        ]}
      />
      <Typography variant="h6" component="h3" gutterBottom>
        Disaster recovery
      </Typography>
      <FieldList
        fields={[
          { label: 'Strategy', value: dr.strategy ?? absent('drStrategy') },
          {
            label: 'Last DR test',
            value: dr.lastTested ?? absent('drTested'),
          },
          // "DR procedure", not "DR runbook": keeps "Runbook" the only link named so.
          {
            label: 'DR runbook',
            value: linkOr(dr.runbook, 'DR procedure', 'drRunbook'),
          },
        ]}
      />
    </InfoCard>
  );
}
