import Typography from '@material-ui/core/Typography';
import {
  RELIABILITY_ANNOTATIONS,
  ReliabilityAnnotationField,
  ReliabilityProfile,
} from '@vigil/plugin-reliability-common';
import { NotDeclared } from '../FieldList';

/**
 * What to show for a field missing from the profile: "Not declared", or
 * "Invalid (see Metadata errors)" when a value is there but does not parse
 * (an invalid value must not read as missing).
 */
export function AbsentValue(props: {
  profile: ReliabilityProfile;
  field: ReliabilityAnnotationField;
}) {
  const annotation = RELIABILITY_ANNOTATIONS[props.field];
  const invalid = props.profile.errors.some(
    e => e.field === `metadata.annotations.${annotation}`,
  );
  if (!invalid) return <NotDeclared />;
  return (
    <Typography component="span" variant="body2" color="error">
      Invalid (see Metadata errors)
    </Typography>
  );
}
