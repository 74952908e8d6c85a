import { Fragment, ReactNode } from 'react';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';

const useStyles = makeStyles(theme => ({
  list: {
    display: 'grid',
    gridTemplateColumns: 'max-content 1fr',
    columnGap: theme.spacing(3),
    rowGap: theme.spacing(1),
    margin: 0,
  },
  term: {
    fontWeight: theme.typography.fontWeightBold as number,
  },
  definition: {
    margin: 0,
    wordBreak: 'break-word',
  },
}));

/** One labelled value of a {@link FieldList}. */
export interface Field {
  label: string;
  value: ReactNode;
}

/**
 * Labelled values as a description list, so that screen readers announce
 * each value with its label.
 */
export function FieldList(props: { fields: Field[] }) {
  const classes = useStyles();
  return (
    <dl className={classes.list}>
      {props.fields.map(field => (
        <Fragment key={field.label}>
          <Typography component="dt" variant="body2" className={classes.term}>
            {field.label}
          </Typography>
          <Typography
            component="dd"
            variant="body2"
            className={classes.definition}
          >
            {field.value}
          </Typography>
        </Fragment>
      ))}
    </dl>
  );
}

/** The value shown for a field the entity does not declare. */
export function NotDeclared() {
  return (
    <Typography component="span" variant="body2" color="textSecondary">
      Not declared
    </Typography>
  );
}
