import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import {
  PASSING_STATES,
  ReadinessResult,
} from '@vigil/plugin-reliability-common';

/** How a check takes part in the score, in words. */
function roleInScore(counts: boolean, state: string): string {
  if (!counts) return 'not counted';
  if ((PASSING_STATES as readonly string[]).includes(state)) {
    return 'passes';
  }
  if (state === 'fail') return 'fails';
  return 'left out (nothing known)';
}

/**
 * The score and the level, worked out from the checks the backend
 * returned: the weights that pass over the weights that count, and the
 * rule for the level.
 */
export function ScoreExplanation(props: { readiness: ReadinessResult }) {
  const { checks, score } = props.readiness;
  let passed = 0;
  let counted = 0;
  for (const check of checks) {
    const role = roleInScore(check.counts, check.state);
    if (role === 'passes') {
      passed += check.weight;
      counted += check.weight;
    } else if (role === 'fails') {
      counted += check.weight;
    }
  }
  return (
    <>
      <Typography variant="body2" paragraph>
        Score = weight of the checks that pass ÷ weight of the checks that count
        = {passed} ÷ {counted} = {score}. Pass, warn and exempt pass; no-data
        and error are left out; checks that do not apply, or are pending, are
        not counted. The level is the highest level whose checks, and those of
        every lower level, have no fail and no no-data.
      </Typography>
      <Table size="small" aria-label="Checks behind the score">
        <TableHead>
          <TableRow>
            {['Check', 'Level', 'Weight', 'State', 'In the score'].map(c => (
              <TableCell key={c} component="th" scope="col">
                {c}
              </TableCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          {checks.map(check => (
            <TableRow key={check.id}>
              <TableCell component="th" scope="row">
                {check.title}
              </TableCell>
              <TableCell>{check.level}</TableCell>
              <TableCell>{check.weight}</TableCell>
              <TableCell>{check.state}</TableCell>
              <TableCell>{roleInScore(check.counts, check.state)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </>
  );
}
