import { CodeSnippet, InfoCard } from '@backstage/core-components';
import Chip from '@material-ui/core/Chip';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import Typography from '@material-ui/core/Typography';
import {
  CheckOutcome,
  ReadinessResult,
} from '@vigil/plugin-reliability-common';

/** One check that stands between the entity and its target level. */
function GapItem(props: { check: CheckOutcome }) {
  const { check } = props;
  return (
    <ListItem divider disableGutters style={{ display: 'block' }}>
      <Typography variant="body1" component="div">
        <Chip size="small" label={check.state} /> <strong>{check.title}</strong>{' '}
        <Typography component="span" variant="body2" color="textSecondary">
          ({check.level}, weight {check.weight})
        </Typography>
      </Typography>
      {check.message && (
        <Typography variant="body2">{check.message}</Typography>
      )}
      {check.fix && (
        <CodeSnippet text={check.fix} language="yaml" showCopyCodeButton />
      )}
    </ListItem>
  );
}

/**
 * Readiness for the tier: score, level against the target, and the gap as
 * a checklist with the YAML that fixes each item. The score is the
 * weighted share of counting checks that pass; every check is listed so the
 * number can be recomputed by hand.
 */
export function ReadinessCard(props: { readiness: ReadinessResult }) {
  const { readiness } = props;
  const counting = readiness.checks.filter(c => c.counts);
  return (
    <InfoCard title="Readiness" titleTypographyProps={{ component: 'h2' }}>
      <Typography variant="h6" component="p">
        Score {readiness.score} · level {readiness.level ?? 'none'}
        {readiness.targetLevel
          ? ` · target ${readiness.targetLevel} for ${readiness.tier}`
          : ' · no target (tier not declared)'}
      </Typography>
      <Typography variant="body2" color="textSecondary">
        The score is the weighted share of the {counting.length} counting checks
        that pass (warn and exempt count as passing; no-data and error are left
        out).
      </Typography>
      {readiness.gap.length > 0 ? (
        <>
          <Typography variant="h6" component="h3">
            What is missing ({readiness.gap.length})
          </Typography>
          <List disablePadding aria-label="Readiness gap">
            {readiness.gap.map(check => (
              <GapItem key={check.id} check={check} />
            ))}
          </List>
        </>
      ) : (
        <Typography variant="body1">
          Nothing is missing for the target level.
        </Typography>
      )}
      <Typography variant="h6" component="h3">
        All checks
      </Typography>
      <List dense disablePadding aria-label="All readiness checks">
        {readiness.checks.map(check => (
          <ListItem key={check.id} disableGutters>
            <Typography variant="body2">
              <Chip size="small" variant="outlined" label={check.state} />{' '}
              {check.title} ({check.level}, weight {check.weight}
              {check.counts ? '' : ', not counted'}
              {check.exemption
                ? `, exempt until ${check.exemption.expiresAt}: ${check.exemption.reason}`
                : ''}
              )
            </Typography>
          </ListItem>
        ))}
      </List>
    </InfoCard>
  );
}
