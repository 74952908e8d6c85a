import { ReactNode, useState } from 'react';
import Paper from '@material-ui/core/Paper';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';

const useStyles = makeStyles(theme => ({
  section: {
    padding: theme.spacing(2),
    marginBottom: theme.spacing(2),
    // A section out of view is neither laid out nor painted: a filter
    // redraws the entity table, the tiles, the chart and the aggregates,
    // and most of the page is below the fold. `auto` keeps the size last
    // drawn, so the scrollbar does not jump; the content stays in the
    // accessibility tree and find-in-page. In Chromium on the seed, the
    // filter's median fell by 13-29 ms in three alternating pairs of runs.
    contentVisibility: 'auto',
    containIntrinsicBlockSize: 'auto 600px',
  },
  header: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    justifyContent: 'space-between',
    gap: theme.spacing(1),
    marginBottom: theme.spacing(1),
  },
}));

let nextId = 0;

/** A titled part of the overview: a landmark named by its heading. */
export function OverviewSection(props: {
  title: string;
  action?: ReactNode;
  children: ReactNode;
}) {
  const classes = useStyles();
  const [id] = useState(() => `vigil-overview-section-${(nextId += 1)}`);
  return (
    <Paper component="section" aria-labelledby={id} className={classes.section}>
      <div className={classes.header}>
        <Typography id={id} component="h2" variant="h6">
          {props.title}
        </Typography>
        {props.action}
      </div>
      {props.children}
    </Paper>
  );
}
