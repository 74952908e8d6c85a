import { useState } from 'react';
import Button from '@material-ui/core/Button';
import { Exemption } from '../../api/ReliabilityApi';
import { ExemptableCheck, GrantExemptionDialog } from './GrantExemptionDialog';
import { useCanManageExemptions } from './useCanManageExemptions';

/**
 * "Grant exemption" on a check, for users with
 * `reliability.exemption.create`; renders nothing for everyone else.
 */
export function GrantExemptionButton(props: {
  entityRef: string;
  check: ExemptableCheck;
  onGranted: (exemption: Exemption) => void;
}) {
  const allowed = useCanManageExemptions();
  const [open, setOpen] = useState(false);
  if (!allowed) return null;
  return (
    <>
      <Button
        size="small"
        variant="outlined"
        aria-label={`Grant exemption from ${props.check.title}`}
        onClick={() => setOpen(true)}
      >
        Grant exemption
      </Button>
      {open && (
        <GrantExemptionDialog
          open={open}
          entityRef={props.entityRef}
          check={props.check}
          onClose={() => setOpen(false)}
          onGranted={exemption => {
            setOpen(false);
            props.onGranted(exemption);
          }}
        />
      )}
    </>
  );
}
