import { FormEvent, useState } from 'react';
import { useApi } from '@backstage/core-plugin-api';
import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogContentText from '@material-ui/core/DialogContentText';
import DialogTitle from '@material-ui/core/DialogTitle';
import TextField from '@material-ui/core/TextField';
import { reliabilityApiRef } from '../../api';
import { Exemption } from '../../api/ReliabilityApi';
import { ActionError } from '../ActionError';
import useAsync from 'react-use/esm/useAsync';
import { expiryOfDay, lastDayWithin, todayUtc } from './expiry';

/** The check an exemption is asked for. */
export interface ExemptableCheck {
  id: string;
  title: string;
}

/**
 * Asks for the reason and the expiry of an exemption, and grants it. The
 * backend decides: a reason that is too short or an expiry beyond the
 * policy's maximum comes back as a 400 whose message is shown here, and
 * the dialog stays open so it can be corrected.
 */
export function GrantExemptionDialog(props: {
  entityRef: string;
  check: ExemptableCheck;
  open: boolean;
  onClose: () => void;
  onGranted: (exemption: Exemption) => void;
}) {
  const api = useApi(reliabilityApiRef);
  const [reason, setReason] = useState('');
  const [day, setDay] = useState('');
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<Error>();
  const titleId = `grant-exemption-${props.check.id}`;
  // The policy's cap, so the date field offers no day the backend refuses.
  const cap = useAsync(
    async () =>
      props.open
        ? (await api.listExemptions(props.entityRef)).maxDays
        : undefined,
    [api, props.entityRef, props.open],
  );
  const lastDay =
    cap.value === undefined ? undefined : lastDayWithin(cap.value);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSubmitting(true);
    setError(undefined);
    try {
      const exemption = await api.grantExemption({
        entityRef: props.entityRef,
        checkId: props.check.id,
        reason: reason.trim(),
        expiresAt: expiryOfDay(day),
      });
      setReason('');
      setDay('');
      props.onGranted(exemption);
    } catch (e) {
      setError(e as Error);
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <Dialog
      open={props.open}
      onClose={props.onClose}
      aria-labelledby={titleId}
      fullWidth
    >
      <form onSubmit={submit}>
        <DialogTitle id={titleId}>
          Grant an exemption from “{props.check.title}”
        </DialogTitle>
        <DialogContent>
          <DialogContentText>
            While it is in force the check counts as passing for{' '}
            {props.entityRef}. Every exemption expires; the policy caps how far
            ahead.
          </DialogContentText>
          <TextField
            id={`${titleId}-reason`}
            label="Reason"
            required
            fullWidth
            multiline
            minRows={2}
            margin="normal"
            value={reason}
            onChange={e => setReason(e.target.value)}
            helperText="Why the check does not apply for now, and what will fix it (at least 10 characters)."
          />
          <TextField
            id={`${titleId}-expires`}
            label="Expires on"
            type="date"
            required
            fullWidth
            margin="normal"
            value={day}
            onChange={e => setDay(e.target.value)}
            InputLabelProps={{ shrink: true }}
            inputProps={{ min: todayUtc(), max: lastDay }}
            helperText={
              lastDay
                ? `The exemption ends at 23:59 UTC on this day; the policy allows at most ${cap.value} days ahead, until ${lastDay} (reliability.policy.exemptions.maxDays).`
                : 'The exemption ends at 23:59 UTC on this day.'
            }
          />
          <ActionError error={error} prefix="The exemption was not granted" />
        </DialogContent>
        <DialogActions>
          <Button onClick={props.onClose}>Cancel</Button>
          <Button
            type="submit"
            color="primary"
            variant="contained"
            disabled={submitting || !reason.trim() || !day}
          >
            {submitting ? 'Granting…' : 'Grant exemption'}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
