import { useState } from 'react';
import { useApi } from '@backstage/core-plugin-api';
import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogContentText from '@material-ui/core/DialogContentText';
import DialogTitle from '@material-ui/core/DialogTitle';
import { reliabilityApiRef } from '../../api';
import { ActionError } from '../ActionError';

/**
 * Revokes one exemption after a confirmation. Shown only to users with the
 * permission (the caller decides); a refusal is shown in the dialog.
 */
export function RevokeExemptionButton(props: {
  exemptionId: string;
  checkTitle: string;
  onRevoked: () => void;
}) {
  const api = useApi(reliabilityApiRef);
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Error>();
  const titleId = `revoke-exemption-${props.exemptionId}`;

  const revoke = async () => {
    setBusy(true);
    setError(undefined);
    try {
      await api.revokeExemption(props.exemptionId);
      setOpen(false);
      props.onRevoked();
    } catch (e) {
      setError(e as Error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Button
        size="small"
        variant="outlined"
        aria-label={`Revoke exemption from ${props.checkTitle}`}
        onClick={() => setOpen(true)}
      >
        Revoke
      </Button>
      <Dialog
        open={open}
        onClose={() => setOpen(false)}
        aria-labelledby={titleId}
      >
        <DialogTitle id={titleId}>
          Revoke the exemption from “{props.checkTitle}”?
        </DialogTitle>
        <DialogContent>
          <DialogContentText>
            The check counts as it is again from the next evaluation. The
            revocation is kept in the audit trail.
          </DialogContentText>
          <ActionError error={error} prefix="The exemption was not revoked" />
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setOpen(false)}>Cancel</Button>
          <Button
            color="primary"
            variant="contained"
            disabled={busy}
            onClick={revoke}
          >
            {busy ? 'Revoking…' : 'Revoke exemption'}
          </Button>
        </DialogActions>
      </Dialog>
    </>
  );
}
