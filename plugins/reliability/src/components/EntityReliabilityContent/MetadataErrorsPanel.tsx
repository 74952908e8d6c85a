import { InfoCard } from '@backstage/core-components';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import Chip from '@material-ui/core/Chip';
import { MetadataError } from '@vigil/plugin-reliability-common';
import { FieldList } from '../FieldList';

const useStyles = makeStyles(theme => ({
  code: {
    fontFamily: 'monospace',
  },
  error: {
    display: 'block',
  },
  message: {
    marginBottom: theme.spacing(1),
  },
}));

/** A metadata problem, possibly tied to a policy rule. */
export type Finding = MetadataError & { rule?: string; pending?: boolean };

/**
 * Every problem found in the entity's metadata, with what to write instead.
 * The full message is shown verbatim so it matches logs and the CLI.
 */
export function MetadataErrorsPanel(props: {
  errors: Finding[];
  title?: string;
  subheader?: string;
}) {
  const classes = useStyles();
  const {
    title = 'Metadata errors',
    subheader = "Fix these values in the entity's catalog-info.yaml.",
  } = props;
  return (
    <div role="alert" aria-label={title}>
      <InfoCard
        title={title}
        titleTypographyProps={{ component: 'h2' }}
        subheader={subheader}
      >
        <List disablePadding>
          {props.errors.map((error, index) => (
            <ListItem
              key={`${error.field}-${index}`}
              className={classes.error}
              divider={index < props.errors.length - 1}
              disableGutters
            >
              <Typography variant="body1" className={classes.message}>
                {error.rule && <Chip size="small" label={error.rule} />}{' '}
                {error.pending && (
                  <Chip
                    size="small"
                    variant="outlined"
                    label="not enforced yet"
                  />
                )}{' '}
                {error.message}
              </Typography>
              <FieldList
                fields={[
                  {
                    label: 'Field',
                    value: <code className={classes.code}>{error.field}</code>,
                  },
                  {
                    label: 'Value',
                    value:
                      error.value === undefined ? (
                        'missing'
                      ) : (
                        <code className={classes.code}>{error.value}</code>
                      ),
                  },
                  { label: 'Expected', value: error.expected },
                  {
                    label: 'Example',
                    value: (
                      <code className={classes.code}>{error.example}</code>
                    ),
                  },
                ]}
              />
            </ListItem>
          ))}
        </List>
      </InfoCard>
    </div>
  );
}
