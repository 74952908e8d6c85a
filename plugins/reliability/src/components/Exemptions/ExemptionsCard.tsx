import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import Typography from '@material-ui/core/Typography';
import { CheckOutcome } from '@vigil/plugin-reliability-common';
import useAsync from 'react-use/esm/useAsync';
import { reliabilityApiRef } from '../../api';
import { Exemption } from '../../api/ReliabilityApi';
import { formatTimestamp } from '../../utils/formatTimestamp';
import { Disclosure } from '../HowComputed';
import { ExemptionAudit } from './ExemptionAudit';
import { isInForce } from './expiry';
import { RevokeExemptionButton } from './RevokeExemptionButton';
import { useCanManageExemptions } from './useCanManageExemptions';

function ExemptionItem(props: {
  exemption: Exemption;
  checkTitle: string;
  canRevoke: boolean;
  onChanged: () => void;
}) {
  const { exemption, checkTitle } = props;
  return (
    <ListItem divider disableGutters style={{ display: 'block' }}>
      <Typography variant="body1" component="div">
        <strong>{checkTitle}</strong> — expires{' '}
        <time dateTime={exemption.expiresAt}>
          {formatTimestamp(exemption.expiresAt)}
        </time>{' '}
        {props.canRevoke && (
          <RevokeExemptionButton
            exemptionId={exemption.id}
            checkTitle={checkTitle}
            onRevoked={props.onChanged}
          />
        )}
      </Typography>
      <Typography variant="body2">{exemption.reason}</Typography>
      <Typography variant="body2" color="textSecondary">
        Granted by {exemption.grantedBy} on{' '}
        {formatTimestamp(exemption.createdAt)}
      </Typography>
      <Disclosure label={`Audit trail of the exemption from ${checkTitle}`}>
        <ExemptionAudit exemptionId={exemption.id} />
      </Disclosure>
    </ListItem>
  );
}

/**
 * The entity's exemptions: those in force with their expiry (revocable by
 * users with the permission), then those that expired and no longer count.
 * `reloadKey` changes after a grant or revocation elsewhere on the tab.
 */
export function ExemptionsCard(props: {
  entityRef: string;
  checks: CheckOutcome[];
  reloadKey?: number;
  onChanged: () => void;
}) {
  const api = useApi(reliabilityApiRef);
  const canRevoke = useCanManageExemptions();
  const { value, loading, error } = useAsync(
    () => api.listExemptions(props.entityRef),
    [api, props.entityRef, props.reloadKey],
  );
  const titleOf = (checkId: string) =>
    props.checks.find(c => c.id === checkId)?.title ?? checkId;

  let body;
  if (loading && !value) {
    body = <Progress />;
  } else if (error) {
    body = <ResponseErrorPanel error={error} />;
  } else {
    const items = value?.items ?? [];
    const inForce = items.filter(e => isInForce(e));
    const expired = items.filter(e => !isInForce(e));
    const item = (exemption: Exemption) => (
      <ExemptionItem
        key={exemption.id}
        exemption={exemption}
        checkTitle={titleOf(exemption.checkId)}
        canRevoke={canRevoke}
        onChanged={props.onChanged}
      />
    );
    body = (
      <>
        {inForce.length > 0 ? (
          <List disablePadding aria-label="Exemptions in force">
            {inForce.map(item)}
          </List>
        ) : (
          <Typography variant="body2" color="textSecondary">
            No exemption is in force: every check counts as it is.
          </Typography>
        )}
        {expired.length > 0 && (
          <>
            <Typography variant="subtitle1" component="h3">
              Expired ({expired.length}), no longer counted
            </Typography>
            <List disablePadding aria-label="Expired exemptions">
              {expired.map(item)}
            </List>
          </>
        )}
      </>
    );
  }
  return (
    <InfoCard title="Exemptions" titleTypographyProps={{ component: 'h2' }}>
      {body}
    </InfoCard>
  );
}
