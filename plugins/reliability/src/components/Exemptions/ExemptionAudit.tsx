import { Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import Typography from '@material-ui/core/Typography';
import useAsync from 'react-use/esm/useAsync';
import { reliabilityApiRef } from '../../api';
import { formatTimestamp } from '../../utils/formatTimestamp';
import { ActionError } from '../ActionError';

/** Every grant and revocation of one exemption, loaded when shown. */
export function ExemptionAudit(props: { exemptionId: string }) {
  const api = useApi(reliabilityApiRef);
  const { value, loading, error } = useAsync(
    () => api.getExemptionAudit(props.exemptionId),
    [api, props.exemptionId],
  );
  if (loading) return <Progress />;
  if (error) {
    return (
      <ActionError error={error} prefix="The audit trail could not be read" />
    );
  }
  return (
    <List dense disablePadding>
      {(value?.items ?? []).map(entry => (
        <ListItem key={`${entry.action}-${entry.at}`} disableGutters>
          <Typography variant="body2">
            {formatTimestamp(entry.at)}: {entry.action} by {entry.actor}
          </Typography>
        </ListItem>
      ))}
    </List>
  );
}
