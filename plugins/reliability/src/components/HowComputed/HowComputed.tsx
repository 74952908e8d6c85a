import { ReactNode, useState } from 'react';
import Button from '@material-ui/core/Button';
import Collapse from '@material-ui/core/Collapse';
import { makeStyles } from '@material-ui/core/styles';
import ExpandMoreIcon from '@material-ui/icons/ExpandMore';
import ExpandLessIcon from '@material-ui/icons/ExpandLess';

const useStyles = makeStyles(theme => ({
  body: {
    padding: theme.spacing(1, 2),
    borderLeft: `3px solid ${theme.palette.divider}`,
    marginBottom: theme.spacing(1),
  },
}));

let nextId = 0;

/**
 * A button that shows or hides more detail below it. A real button with
 * `aria-expanded` and `aria-controls`, so it works from the keyboard and
 * screen readers announce its state; the detail is a region named by the
 * button's label.
 */
export function Disclosure(props: { label: string; children: ReactNode }) {
  const classes = useStyles();
  const [open, setOpen] = useState(false);
  const [id] = useState(() => `vigil-disclosure-${++nextId}`);
  return (
    <div>
      <Button
        size="small"
        color="primary"
        aria-expanded={open}
        aria-controls={id}
        onClick={() => setOpen(o => !o)}
        startIcon={open ? <ExpandLessIcon /> : <ExpandMoreIcon />}
      >
        {props.label}
      </Button>
      <Collapse in={open} unmountOnExit>
        <div
          id={id}
          role="region"
          aria-label={props.label}
          className={classes.body}
        >
          {props.children}
        </div>
      </Collapse>
    </div>
  );
}

/**
 * "How this is computed" under a number, with the inputs behind it: no
 * number on screen without a way to see how it was computed. `label` can
 * name the number, e.g. "How the score is computed".
 */
export function HowComputed(props: { label?: string; children: ReactNode }) {
  return (
    <Disclosure label={props.label ?? 'How this is computed'}>
      {props.children}
    </Disclosure>
  );
}
