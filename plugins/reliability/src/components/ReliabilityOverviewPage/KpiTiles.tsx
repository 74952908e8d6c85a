import { useState } from 'react';
import Collapse from '@material-ui/core/Collapse';
import Grid from '@material-ui/core/Grid';
import IconButton from '@material-ui/core/IconButton';
import Paper from '@material-ui/core/Paper';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import InfoOutlinedIcon from '@material-ui/icons/InfoOutlined';
import { OverviewKpi } from '@vigil/plugin-reliability-common';
import { formatNumber, formatShare } from './formatNumbers';

const useStyles = makeStyles(theme => ({
  tile: {
    padding: theme.spacing(1.5, 2),
    height: '100%',
    boxSizing: 'border-box',
    position: 'relative',
  },
  title: {
    paddingRight: theme.spacing(4),
  },
  info: {
    position: 'absolute',
    top: theme.spacing(0.5),
    right: theme.spacing(0.5),
  },
  explanation: {
    marginTop: theme.spacing(1),
    paddingTop: theme.spacing(1),
    borderTop: `1px solid ${theme.palette.divider}`,
  },
}));

/** One headline figure; the ⓘ button shows how it was computed. */
export function KpiTile(props: { kpi: OverviewKpi }) {
  const { kpi } = props;
  const classes = useStyles();
  const [open, setOpen] = useState(false);
  const titleId = `vigil-kpi-${kpi.id}`;
  const explanationId = `${titleId}-how`;
  return (
    <Paper
      component="section"
      aria-labelledby={titleId}
      className={classes.tile}
      variant="outlined"
    >
      <Typography
        id={titleId}
        component="h3"
        variant="subtitle2"
        color="textSecondary"
        className={classes.title}
      >
        {kpi.title}
      </Typography>
      <IconButton
        size="small"
        className={classes.info}
        aria-label={`How "${kpi.title}" is computed`}
        aria-expanded={open}
        aria-controls={explanationId}
        onClick={() => setOpen(o => !o)}
      >
        <InfoOutlinedIcon fontSize="small" />
      </IconButton>
      <Typography component="p" variant="h4">
        {formatNumber(kpi.value)}
      </Typography>
      {kpi.of !== undefined && (
        <Typography variant="body2" color="textSecondary">
          of {formatNumber(kpi.of)} ({formatShare(kpi.value, kpi.of)})
        </Typography>
      )}
      <Collapse in={open} unmountOnExit>
        <Typography
          id={explanationId}
          variant="body2"
          className={classes.explanation}
        >
          {kpi.explanation}
        </Typography>
      </Collapse>
    </Paper>
  );
}

/** The overview's headline figures, for the filtered entities. */
export function KpiTiles(props: { items: OverviewKpi[] }) {
  if (props.items.length === 0) {
    return (
      <Typography variant="body2" color="textSecondary">
        No figures yet: they appear once the backend has evaluated entities.
      </Typography>
    );
  }
  return (
    <Grid container spacing={2}>
      {props.items.map(kpi => (
        <Grid item key={kpi.id} xs={12} sm={6} md={4} lg={3}>
          <KpiTile kpi={kpi} />
        </Grid>
      ))}
    </Grid>
  );
}
