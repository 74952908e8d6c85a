import { CodeSnippet } from '@backstage/core-components';
import Chip from '@material-ui/core/Chip';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import Typography from '@material-ui/core/Typography';
import { CheckOutcome } from '@vigil/plugin-reliability-common';
import { formatTimestamp } from '../../utils/formatTimestamp';
import { GrantExemptionButton } from '../Exemptions';

/** States an exemption can cover (the evaluator turns them into exempt). */
const EXEMPTABLE_STATES = ['fail', 'warn', 'no-data', 'error'];

/** Whether a check can be granted an exemption now. */
export function isExemptable(check: CheckOutcome): boolean {
  return EXEMPTABLE_STATES.includes(check.state);
}

/** What to do after an exemption was granted: reload the tab. */
export interface ExemptionProps {
  entityRef: string;
  onExemptionGranted: () => void;
}

function ExemptionNote(props: { check: CheckOutcome }) {
  const { exemption } = props.check;
  if (!exemption) return null;
  return (
    <Typography variant="body2" color="textSecondary">
      {exemption.expired ? 'Exemption expired on ' : 'Exempt until '}
      <time dateTime={exemption.expiresAt}>
        {formatTimestamp(exemption.expiresAt)}
      </time>
      , granted by {exemption.grantedBy}: {exemption.reason}
    </Typography>
  );
}

/** One check that stands between the entity and its target level. */
function GapItem(props: ExemptionProps & { check: CheckOutcome }) {
  const { check } = props;
  return (
    <ListItem divider disableGutters style={{ display: 'block' }}>
      <Typography variant="body1" component="div">
        <Chip size="small" label={check.state} /> <strong>{check.title}</strong>{' '}
        <Typography component="span" variant="body2" color="textSecondary">
          ({check.level}, weight {check.weight})
        </Typography>{' '}
        <GrantExemptionButton
          entityRef={props.entityRef}
          check={check}
          onGranted={props.onExemptionGranted}
        />
      </Typography>
      {check.message && (
        <Typography variant="body2" style={{ whiteSpace: 'pre-line' }}>
          {check.message}
        </Typography>
      )}
      <ExemptionNote check={check} />
      {check.fix && (
        <CodeSnippet text={check.fix} language="yaml" showCopyCodeButton />
      )}
    </ListItem>
  );
}

/** The gap as a checklist: each item with its message and fix. */
export function GapList(props: ExemptionProps & { gap: CheckOutcome[] }) {
  return (
    <List disablePadding aria-label="Readiness gap">
      {props.gap.map(check => (
        <GapItem
          key={check.id}
          check={check}
          entityRef={props.entityRef}
          onExemptionGranted={props.onExemptionGranted}
        />
      ))}
    </List>
  );
}

/**
 * Every check with its state, level and weight; exempt ones with their
 * expiry. Checks that can be exempted and are not in the gap (a warn, a
 * failing check above the target level) carry the grant button here.
 */
export function AllChecksList(
  props: ExemptionProps & { checks: CheckOutcome[]; gap: CheckOutcome[] },
) {
  const inGap = new Set(props.gap.map(c => c.id));
  return (
    <List dense disablePadding aria-label="All readiness checks">
      {props.checks.map(check => (
        <ListItem key={check.id} disableGutters style={{ display: 'block' }}>
          <Typography variant="body2" component="div">
            <Chip size="small" variant="outlined" label={check.state} />{' '}
            {check.title} ({check.level}, weight {check.weight}
            {check.counts ? '' : ', not counted'}){' '}
            {isExemptable(check) && !inGap.has(check.id) && (
              <GrantExemptionButton
                entityRef={props.entityRef}
                check={check}
                onGranted={props.onExemptionGranted}
              />
            )}
          </Typography>
          <ExemptionNote check={check} />
        </ListItem>
      ))}
    </List>
  );
}
